"""A contact's positions: where they worked, from when to when, as they move between organizations."""

import importlib
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from stakeholders.models import Affiliation, Contact
from stakeholders.services.contacts import contact_save
from tests.factories.stakeholders import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def positions(contact):
    rows = contact.affiliations.order_by("started_on", "id")
    return [(a.organization.name, a.job_title, a.started_on, a.ended_on) for a in rows]


def contact_form(contact, **changes):
    data = {
        "full_name": contact.full_name,
        "job_title": contact.job_title,
        "organization": contact.organization_id,
        "email": contact.email,
        "preferred_language": "en",
        "version": contact.version,
    }
    return data | changes


def test_a_new_contacts_position_starts_on_the_day_given_or_today(client_for):
    organization = OrganizationFactory(name="Ciclo Verde")
    client = client_for(Role.STAFF)
    data = {"full_name": "Lucía Pérez", "job_title": "Director", "organization": organization.pk,
            "email": "lucia@ciclo.example", "preferred_language": "es", "since": "2021-03-01"}  # fmt: skip
    assert client.post(reverse("stakeholders:contact_add"), data).status_code == 302
    contact = Contact.objects.get()
    assert positions(contact) == [("Ciclo Verde", "Director", date(2021, 3, 1), None)]
    other = ContactFactory()
    assert positions(other)[0][2:] == (timezone.localdate(), None)


def test_a_move_through_the_form_ends_the_old_position_and_starts_the_new_one_on_the_day_given(client_for):
    first = OrganizationFactory(name="First Co")
    second = OrganizationFactory(name="Second Co")
    third = OrganizationFactory(name="Third Co")
    contact = contact_save(contact=Contact(full_name="Ana", job_title="Analyst", organization=first),
                           since=date(2019, 1, 15))  # fmt: skip
    client = client_for(Role.STAFF)
    edit = reverse("stakeholders:contact_edit", args=[contact.pk])
    response = client.post(edit, contact_form(contact, organization=second.pk, job_title="Manager",
                                              moved_on="2022-06-01"))  # fmt: skip
    assert response.status_code == 302
    contact.refresh_from_db()
    client.post(edit, contact_form(contact, organization=third.pk, job_title="Director", moved_on="2024-09-30"))
    assert positions(contact) == [
        ("First Co", "Analyst", date(2019, 1, 15), date(2022, 6, 1)),
        ("Second Co", "Manager", date(2022, 6, 1), date(2024, 9, 30)),
        ("Third Co", "Director", date(2024, 9, 30), None),
    ]


def test_a_move_without_a_date_happens_today(staff_user):
    contact = ContactFactory()
    contact.organization = OrganizationFactory()
    contact_save(contact=contact, expected_version=contact.version)
    today = timezone.localdate()
    assert [(a.started_on, a.ended_on) for a in contact.affiliations.order_by("id")] == [(today, today), (today, None)]


def test_a_move_before_the_current_position_started_is_refused(client_for):
    contact = contact_save(contact=Contact(full_name="Ana", organization=OrganizationFactory()),
                           since=date(2023, 1, 1))  # fmt: skip
    client = client_for(Role.STAFF)
    edit = reverse("stakeholders:contact_edit", args=[contact.pk])
    moved = OrganizationFactory()
    response = client.post(edit, contact_form(contact, organization=moved.pk, moved_on="2022-12-31"))
    assert response.status_code == 200
    assert response.context["form"].errors["moved_on"]
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(edit, contact_form(contact, organization=moved.pk, moved_on=future))
    assert response.context["form"].errors["moved_on"]
    contact.refresh_from_db()
    assert contact.affiliations.count() == 1 and contact.organization != moved


def test_a_contact_saved_before_positions_were_kept_gets_one_from_the_end_of_the_last(staff_user):
    contact = ContactFactory(organization=OrganizationFactory(name="Second Co"))
    contact.affiliations.all().delete()  # as saved before, or by an import
    Affiliation.objects.create(contact=contact, organization=OrganizationFactory(name="First Co"),
                               started_on=date(2018, 1, 1), ended_on=date(2020, 5, 4))  # fmt: skip
    contact.organization = OrganizationFactory(name="Third Co")
    contact_save(contact=contact, expected_version=contact.version, moved_on=date(2023, 2, 2))
    assert [p[0:1] + p[2:] for p in positions(contact)] == [
        ("First Co", date(2018, 1, 1), date(2020, 5, 4)),
        ("Second Co", date(2020, 5, 4), date(2023, 2, 2)),
        ("Third Co", date(2023, 2, 2), None),
    ]


def test_the_migration_gives_each_contact_a_current_position_and_mends_former_start_dates():
    migration = importlib.import_module("stakeholders.migrations.0021_current_positions")
    contact = ContactFactory(organization=OrganizationFactory(name="Now Co"))
    contact.affiliations.all().delete()
    Contact.objects.filter(pk=contact.pk).update(created_at=timezone.make_aware(datetime(2015, 6, 1, 12)))
    recorded = date(2015, 6, 1)
    # What moves used to write: each former position starting the day the contact was recorded.
    for name, ended in (("First Co", date(2020, 1, 1)), ("Second Co", date(2022, 1, 1))):
        Affiliation.objects.create(contact=contact, organization=OrganizationFactory(name=name), started_on=recorded,
                                   ended_on=ended)  # fmt: skip
    from django.apps import apps

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # a second run changes nothing
    assert [p[0:1] + p[2:] for p in positions(contact)] == [
        ("First Co", recorded, date(2020, 1, 1)),
        ("Second Co", date(2020, 1, 1), date(2022, 1, 1)),
        ("Now Co", date(2022, 1, 1), None),
    ]


@pytest.mark.parametrize("moves", [1, 20])
def test_a_contacts_page_lists_positions_at_a_fixed_cost(client_for, django_assert_num_queries, moves):
    contact = contact_save(contact=Contact(full_name="Ana", organization=OrganizationFactory()),
                           since=date(2000, 1, 1))  # fmt: skip
    for n in range(moves):
        contact.organization = OrganizationFactory(name=f"Employer {n}")
        contact = contact_save(contact=contact, expected_version=contact.version, moved_on=date(2001 + n, 1, 1))
    client = client_for(Role.STAFF)
    # session, user, permissions (2), contact with organization, positions with their organizations,
    # interactions, history
    with django_assert_num_queries(8):
        response = client.get(contact.get_absolute_url())
    body = response.content.decode()
    assert len(response.context["positions"]) == moves + 1
    assert response.context["positions"][0].ended_on is None  # the current one first
    assert "since January 1, " in body or "since Jan. 1, " in body
