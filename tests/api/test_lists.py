"""What the lists return: consent respected, the pages' filters, cursor pages and constant query counts."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from reports.models import Indicator, IndicatorValue, Snapshot
from stakeholders.choices import Category, Country
from stakeholders.models import Organization
from stakeholders.services.privacy import contact_erase
from tests.factories.partnerships import PartnershipFactory
from tests.factories.roundtables import EventFactory
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db


def rows(client, name, query=""):
    response = client.get(reverse(f"api:{name}_list") + query)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_an_organization_gives_codes_ids_and_labels_in_the_key_owners_language(key_client):
    client = key_client(Role.VIEWER, preferred_language="fr")
    organization = OrganizationFactory(name="Acier Vert", hq_country=Country.MEXICO, category=Category.SME)
    [row] = rows(client, "organization")
    assert row["id"] == organization.pk
    assert (row["category"], row["category_label"]) == ("sme", "Petite ou moyenne entreprise (PME)")
    assert (row["hq_country"], row["hq_country_label"]) == ("MX", "Mexique")


def test_email_and_phone_only_of_contacts_who_consented_and_have_not_opted_out(key_client):
    client = key_client(Role.VIEWER)
    today = timezone.localdate()
    reachable = ContactFactory(consent_given=True, consent_date=today, phone="+52 55 1234 5678")
    never_asked = ContactFactory(phone="+52 55 1111 2222")
    opted_out = ContactFactory(consent_given=True, consent_date=today, opted_out=True, phone="+1 613 555 0100")
    by_id = {row["id"]: row for row in rows(client, "contact")}
    assert by_id[reachable.pk]["email"] == reachable.email
    assert by_id[reachable.pk]["phone"] == "+52 55 1234 5678"
    for contact in (never_asked, opted_out):
        assert by_id[contact.pk]["email"] is None and by_id[contact.pk]["phone"] is None
        assert by_id[contact.pk]["full_name"] == contact.full_name
    detail = client.get(reverse("api:contact_detail", args=[opted_out.pk])).json()
    assert detail["email"] is None and detail["opted_out"] is True


def test_an_erased_contact_shows_no_personal_field(key_client, make_user):
    client = key_client(Role.VIEWER)
    contact = ContactFactory(consent_given=True, consent_date=timezone.localdate(), country=Country.CANADA)
    contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    [row] = rows(client, "contact")
    assert row["erased"] is True and row["organization"] == contact.organization_id
    for field in ("full_name", "job_title", "email", "phone", "preferred_language", "country", "country_label"):
        assert row[field] is None, field


def list_page_ids(client, query) -> set[int]:
    response = client.get(reverse("stakeholders:organization_list") + query + "&size=100")
    return {row["id"] for row in response.context["organizations"]}


def test_the_organizations_filters_match_the_list_page(key_client, sign_in):
    client = key_client(Role.VIEWER)
    page = sign_in(client.user)
    verde = OrganizationFactory(name="Cementos Verde", hq_country=Country.MEXICO, category=Category.CORPORATION)
    log_interaction(verde)  # active: level 2
    OrganizationFactory(name="Cementos Azul", hq_country=Country.MEXICO, category=Category.CORPORATION)
    OrganizationFactory(name="Cementos Verde Canada", hq_country=Country.CANADA, category=Category.CORPORATION)
    OrganizationFactory(name="Verde NGO", hq_country=Country.MEXICO, category=Category.NGO)
    assert Organization.objects.get(pk=verde.pk).engagement_level == 2
    for query in (
        "?country=MX",
        "?category=corporation",
        "?q=verde",
        "?country=MX&category=corporation&level=2&q=verde",
    ):
        api_ids = {row["id"] for row in rows(client, "organization", query)}
        assert api_ids == list_page_ids(page, query), query
    assert {row["id"] for row in rows(client, "organization", "?country=MX&category=corporation&level=2&q=verde")} == {
        verde.pk
    }


def test_a_filter_value_the_page_would_refuse_is_a_400(key_client):
    response = key_client(Role.VIEWER).get(reverse("api:organization_list") + "?country=ZZ")
    assert response.status_code == 400 and "country" in response.json()


def test_pages_follow_next_until_every_row_is_read(key_client):
    client = key_client(Role.VIEWER)
    made = {OrganizationFactory().pk for _ in range(5)}
    seen, url, pages = [], reverse("api:organization_list") + "?page_size=2", 0
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    assert seen == sorted(made) and pages == 3


def test_a_page_holds_100_rows_unless_asked_for_up_to_1000(key_client, settings):
    client = key_client(Role.VIEWER)
    Organization.objects.bulk_create(
        Organization(
            name=f"Org {n}", name_key=f"org {n}", search_key=f"org {n}", category="corporation", hq_country="MX"
        )
        for n in range(1005)
    )
    assert len(rows(client, "organization")) == 100
    assert len(rows(client, "organization", "?page_size=5000")) == 1000


def indicator_value() -> IndicatorValue:
    snapshot, _ = Snapshot.objects.get_or_create(as_of="2026-01-31", defaults={"computed_at": timezone.now()})
    key = str(IndicatorValue.objects.count())
    return IndicatorValue.objects.create(
        snapshot=snapshot, indicator=Indicator.objects.first(), dimension="unit", key=key, value=1
    )


@pytest.mark.parametrize(
    ("name", "make", "queries"),
    [
        # Key, person's permissions (user's, groups'), the page of rows, pillars, tags.
        ("organization", lambda: OrganizationFactory(), 6),
        # Key, permissions (2), the page of contacts with their organizations.
        ("contact", lambda: ContactFactory(), 4),
        # Key, permissions (2), the page with kind and unit, organizations, contacts, staff, pillars.
        ("interaction", lambda: log_interaction(OrganizationFactory()), 8),
        # Key, permissions (2), the page with stage, lead organization and unit, partners, pillars.
        ("partnership", lambda: PartnershipFactory(), 6),
        # Key, permissions (2), the page with its unit, pillars.
        ("event", lambda: EventFactory(), 5),
        # Key, permissions (2), the page with each value's snapshot and indicator.
        ("indicator_value", lambda: indicator_value(), 4),
    ],
)
def test_a_list_costs_the_same_for_2_or_30_rows(key_client, django_assert_num_queries, name, make, queries):
    client = key_client(Role.VIEWER)
    for _ in range(2):
        make()
    with django_assert_num_queries(queries):
        assert len(rows(client, name)) == 2
    for _ in range(28):
        make()
    with django_assert_num_queries(queries):
        assert len(rows(client, name)) == 30


def test_the_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "/api/organizations/" in (tmp_path / "schema.yaml").read_text()


def test_the_schema_needs_a_key_or_a_session(key_client, client_for):
    assert Client().get(reverse("api:schema")).status_code == 401
    assert key_client(Role.VIEWER).get(reverse("api:schema")).status_code == 200
    assert client_for(Role.VIEWER).get(reverse("api:schema")).status_code == 200


def test_an_organization_lists_its_pillars_by_code_and_its_tags_by_name(key_client):
    from stakeholders.models import Tag
    from strategy.models import Pillar

    client = key_client(Role.VIEWER)
    organization = OrganizationFactory()
    pillars = list(Pillar.objects.order_by("position")[:2])
    organization.pillars.set(pillars)
    organization.tags.set([Tag.objects.create(name="Sponsor prospect")])
    OrganizationFactory()  # none of either
    by_id = {row["id"]: row for row in rows(client, "organization")}
    assert by_id[organization.pk]["pillars"] == sorted(pillar.code for pillar in pillars)
    assert by_id[organization.pk]["tags"] == ["Sponsor prospect"]
    assert [row["pillars"] for pk, row in by_id.items() if pk != organization.pk] == [[]]
    detail = client.get(reverse("api:organization_detail", args=[organization.pk])).json()
    assert detail["pillars"] == sorted(pillar.code for pillar in pillars) and detail["tags"] == ["Sponsor prospect"]


def test_an_interaction_lists_its_organizations_contacts_staff_and_pillars(key_client, make_user):
    from strategy.models import Pillar

    client = key_client(Role.VIEWER)
    first, second = OrganizationFactory(), OrganizationFactory()
    contact = ContactFactory(organization=first)
    officer = make_user(Role.STAFF)
    pillar = Pillar.objects.order_by("position").first()
    interaction = log_interaction(
        [first, second], contacts=[contact], staff=[officer], pillars=[pillar], kind="meeting"
    )
    log_interaction(first)  # another, with none of them but the organization
    expected = {
        "organizations": sorted([first.pk, second.pk]),
        "contacts": [contact.pk],
        "staff": [officer.pk],
        "pillars": [pillar.code],
        "kind": "meeting",
    }
    by_id = {row["id"]: row for row in rows(client, "interaction")}
    assert {key: by_id[interaction.pk][key] for key in expected} == expected
    detail = client.get(reverse("api:interaction_detail", args=[interaction.pk])).json()
    assert {key: detail[key] for key in expected} == expected
    [other] = [row for pk, row in by_id.items() if pk != interaction.pk]
    assert (other["organizations"], other["contacts"], other["pillars"]) == ([first.pk], [], [])
