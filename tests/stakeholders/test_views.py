from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from stakeholders.choices import Level
from stakeholders.models import Contact, FollowUp, Interaction, InteractionType, Organization
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db
WRITERS = [Role.ADMINISTRATOR, Role.UNIT_LEAD, Role.STAFF]


def organization_data(**overrides):
    return {"name": "Hydro-Québec", "category": "corporation", "hq_country": "CA", "naics_codes": "", **overrides}


def interaction_data(organization, **overrides):
    return {
        "kind": InteractionType.objects.get(code="meeting").pk,
        "occurred_on": timezone.localdate().isoformat(),
        "mode": "online",
        "organizations": [organization.pk],
        "summary": "Discussed the Youth Innovation Challenge.",
        **overrides,
    }


# Permissions: every write, for every role -----------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_create_organizations(client_for, role):
    response = client_for(role).post(reverse("stakeholders:organization_add"), organization_data())
    if role in WRITERS:
        assert response.status_code == 302
        assert Organization.objects.filter(name="Hydro-Québec").exists()
    else:
        assert response.status_code == 403
        assert not Organization.objects.exists()


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_log_interactions(client_for, role):
    organization = OrganizationFactory()
    url = reverse("stakeholders:interaction_add") + f"?organization={organization.pk}"
    response = client_for(role).post(url, interaction_data(organization))
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Interaction.objects.exists() is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_add_and_edit_contacts(client_for, role):
    organization = OrganizationFactory()
    client = client_for(role)
    response = client.post(
        reverse("stakeholders:contact_add"),
        {"full_name": "Marie Tremblay", "organization": organization.pk, "preferred_language": "fr"},
    )
    assert response.status_code == (302 if role in WRITERS else 403)
    contact = ContactFactory(organization=organization)
    response = client.post(
        reverse("stakeholders:contact_edit", args=[contact.pk]),
        {"full_name": "Renamed", "organization": organization.pk, "preferred_language": "en", "version": 1},
    )
    assert response.status_code == (302 if role in WRITERS else 403)


@pytest.mark.parametrize("role", list(Role))
def test_only_administrators_delete_organizations(client_for, role):
    organization = OrganizationFactory()
    response = client_for(role).post(reverse("stakeholders:organization_delete", args=[organization.pk]))
    if role == Role.ADMINISTRATOR:
        assert response.status_code == 302
        assert not Organization.objects.exists()
    else:
        assert response.status_code == 403
        assert Organization.objects.exists()


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_complete_follow_ups(client_for, make_user, role):
    organization = OrganizationFactory()
    followup = FollowUp.objects.create(
        organization=organization, description="Send report", owner=make_user(), due_on=timezone.localdate()
    )
    response = client_for(role).post(reverse("stakeholders:followup_toggle", args=[followup.pk]))
    followup.refresh_from_db()
    assert response.status_code == (302 if role in WRITERS else 403)
    assert followup.is_done is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_reads_the_register(client_for, role):
    organization = OrganizationFactory()
    client = client_for(role)
    for url in (
        reverse("stakeholders:organization_list"),
        organization.get_absolute_url(),
        reverse("stakeholders:contact_list"),
        reverse("stakeholders:interaction_list"),
    ):
        assert client.get(url).status_code == 200, url


def test_a_viewer_sees_no_write_buttons(client_for):
    organization = OrganizationFactory()
    body = client_for(Role.VIEWER).get(organization.get_absolute_url()).content.decode()
    assert reverse("stakeholders:interaction_add") not in body
    assert reverse("stakeholders:organization_edit", args=[organization.pk]) not in body


# Logging from an organization's page ---------------------------------------------------------------


def test_logging_from_an_organization_page_prefills_it_and_moves_its_level(client_for):
    organization = OrganizationFactory()
    client = client_for(Role.STAFF)
    url = reverse("stakeholders:interaction_add") + f"?organization={organization.pk}"
    form = client.get(url).content.decode()
    assert f'value="{organization.pk}" id="id_organizations-{organization.pk}"' in form
    user_id = client.session["_auth_user_id"]
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        url,
        interaction_data(
            organization, followup_description="Send the report", followup_owner=user_id, followup_due_on=due
        ),
    )
    assert response["Location"] == organization.get_absolute_url()
    organization.refresh_from_db()
    assert organization.engagement_level == Level.ACTIVE
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Send the report" in page
    assert "Active" in page


# Bad input: a clear message next to the field, nothing half-saved ----------------------------------


def test_a_future_date_is_refused_next_to_the_field(client_for):
    organization = OrganizationFactory()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client_for(Role.STAFF, preferred_language="fr").post(
        reverse("stakeholders:interaction_add"), interaction_data(organization, occurred_on=tomorrow)
    )
    assert response.status_code == 200
    assert "error_1_id_occurred_on" in response.content.decode() or "invalid-feedback" in response.content.decode()
    assert not Interaction.objects.exists()


def test_a_follow_up_without_owner_or_date_is_refused_and_nothing_is_logged(client_for):
    organization = OrganizationFactory()
    response = client_for(Role.STAFF).post(
        reverse("stakeholders:interaction_add"), interaction_data(organization, followup_description="Call back")
    )
    assert response.status_code == 200
    assert "By when?" in response.content.decode()
    assert not Interaction.objects.exists()
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("phone", "call me maybe", "Enter a phone number of 7 to 15 digits"),
        ("organization", "", "This field is required."),
    ],
)
def test_bad_contact_input_is_refused_next_to_the_field(client_for, field, value, message):
    organization = OrganizationFactory()
    data = {"full_name": "Ana", "organization": organization.pk, "preferred_language": "es", field: value}
    response = client_for(Role.STAFF).post(reverse("stakeholders:contact_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Contact.objects.exists()


def test_consent_needs_its_date(client_for):
    organization = OrganizationFactory()
    data = {"full_name": "Ana", "organization": organization.pk, "preferred_language": "es", "consent_given": "on"}
    response = client_for(Role.STAFF).post(reverse("stakeholders:contact_add"), data)
    assert "Give the date the consent was given." in response.content.decode()


def test_markup_in_text_is_shown_as_text_never_run(client_for):
    organization = OrganizationFactory(name="<script>alert('x')</script> Corp")
    body = client_for(Role.STAFF).get(organization.get_absolute_url()).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert" in body


def test_list_rows_timeline_and_follow_ups_show_markup_as_text(client_for, make_user):
    organization = OrganizationFactory(name="<b>Bold</b> Corp", acronym="<i>BC</i>")
    log_interaction(organization, summary="<script>alert('x')</script>")
    FollowUp.objects.create(
        organization=organization, description="<em>Call</em>", owner=make_user(), due_on=timezone.localdate()
    )
    client = client_for(Role.STAFF)
    listing = client.get(reverse("stakeholders:organization_list")).content.decode()
    assert "<b>Bold</b>" not in listing and "&lt;b&gt;Bold&lt;/b&gt; Corp" in listing
    assert "&lt;i&gt;BC&lt;/i&gt;" in listing
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<em>Call</em>" not in page and "&lt;em&gt;Call&lt;/em&gt;" in page


def test_the_organization_page_offers_to_complete_follow_ups_to_writers_only(client_for, make_user):
    organization = OrganizationFactory()
    followup = FollowUp.objects.create(
        organization=organization, description="Send report", owner=make_user(), due_on=timezone.localdate()
    )
    toggle = reverse("stakeholders:followup_toggle", args=[followup.pk])
    page = client_for(Role.STAFF).get(organization.get_absolute_url() + "?before=").content.decode()
    assert f'<form method="post" action="{toggle}"><input type="hidden" name="csrfmiddlewaretoken"' in page
    assert f'name="next" value="{organization.get_absolute_url()}?before=#followups"' in page
    assert "Mark done<span" in page
    assert toggle not in client_for(Role.VIEWER).get(organization.get_absolute_url()).content.decode()


def test_the_list_and_the_page_read_in_french(client_for):
    organization = OrganizationFactory(name="Cemex")
    log_interaction(organization)
    client = client_for(Role.VIEWER, preferred_language="fr")
    listing = client.get(reverse("stakeholders:organization_list")).content.decode()
    assert '<td class="small">Société</td>' in listing and "Mexique" in listing
    OrganizationFactory(name="Quiet")
    assert "Pas encore mobilisée" in client.get(reverse("stakeholders:organization_list")).content.decode()
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Réunion" in page  # the timeline's interaction type


def test_a_concurrent_edit_is_told_the_record_changed(client_for):
    organization = OrganizationFactory(name="Original")
    client = client_for(Role.STAFF)
    url = reverse("stakeholders:organization_edit", args=[organization.pk])
    client.post(url, organization_data(name="First", version=1))
    response = client.post(url, organization_data(name="Second", version=1))
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    organization.refresh_from_db()
    assert organization.name == "First"


def test_an_invalid_naics_code_is_refused_and_a_us_code_accepted(client_for):
    client = client_for(Role.STAFF)
    response = client.post(reverse("stakeholders:organization_add"), organization_data(naics_codes="99"))
    assert "there is no sector 99" in response.content.decode()
    response = client.post(reverse("stakeholders:organization_add"), organization_data(naics_codes="423930, 562"))
    assert response.status_code == 302
    assert set(Organization.objects.get().sectors.values_list("code", flat=True)) == {"423930", "562"}


def test_a_region_outside_the_headquarters_country_is_refused(client_for):
    from stakeholders.models import Region

    quebec = Region.objects.get(country="CA", code="QC")
    response = client_for(Role.STAFF).post(
        reverse("stakeholders:organization_add"), organization_data(hq_country="MX", hq_region=quebec.pk)
    )
    assert "not in the headquarters country" in response.content.decode()
    assert not Organization.objects.exists()


# Lists: filters in the URL, accent-insensitive search, query counts --------------------------------


def test_search_ignores_accents_and_case(client_for):
    OrganizationFactory(name="Asociación Nacional de la Industria Química", acronym="ANIQ")
    OrganizationFactory(name="Cemex")
    body = client_for(Role.VIEWER).get(reverse("stakeholders:organization_list") + "?q=asociacion").content.decode()
    assert "ANIQ" in body and "Cemex" not in body
    body = client_for(Role.VIEWER).get(reverse("stakeholders:organization_list") + "?q=aniq").content.decode()
    assert "Asociación Nacional" in body


def test_filters_combine_and_stay_in_the_url(client_for):
    active_mx = OrganizationFactory(name="Active Mexican", hq_country="MX")
    log_interaction(active_mx, kind="meeting")
    OrganizationFactory(name="Quiet Mexican", hq_country="MX")
    OrganizationFactory(name="Canadian", hq_country="CA")
    url = reverse("stakeholders:organization_list") + "?country=MX&level=2&category=corporation"
    body = client_for(Role.VIEWER).get(url).content.decode()
    assert "Active Mexican" in body
    assert "Quiet Mexican" not in body and "Canadian" not in body
    assert "country=MX" in body  # pagination and sort links keep the filter


def test_open_follow_ups_filter(client_for, make_user):
    with_followup = OrganizationFactory(name="With follow-up")
    OrganizationFactory(name="Without")
    FollowUp.objects.create(organization=with_followup, description="x", owner=make_user(), due_on=timezone.localdate())
    body = (
        client_for(Role.VIEWER).get(reverse("stakeholders:organization_list") + "?open_followups=on").content.decode()
    )
    assert "With follow-up" in body and ">Without<" not in body


@pytest.mark.parametrize("rows", [2, 50])
def test_the_organization_list_costs_the_same_for_25_or_100_rows(client_for, django_assert_max_num_queries, rows):
    client = client_for(Role.STAFF)
    OrganizationFactory.create_batch(rows)
    # The first page builds the filter panel's kept lists: regions, sectors, pillars, units, owners, tags (6).
    with django_assert_max_num_queries(12):
        client.get(reverse("stakeholders:organization_list"))
    for size in (25, 100):
        # session, user with unit, permissions (2), count, rows with region and owner
        with django_assert_max_num_queries(6):
            response = client.get(reverse("stakeholders:organization_list") + f"?size={size}&sort=name")
        assert response.status_code == 200


def test_an_organization_page_with_a_long_timeline_costs_a_fixed_number_of_queries(
    client_for, django_assert_max_num_queries
):
    organization = OrganizationFactory()
    for day in range(30):
        log_interaction(organization, occurred_on=timezone.localdate() - timedelta(days=day))
    client = client_for(Role.STAFF)
    client.get(organization.get_absolute_url())  # builds the kept list of owners for the follow-up form
    # session, user, permissions (2), organization with region/owner/parent, the profile's lists (1),
    # timeline ids, interactions with their kinds, level changes, history, the import that created it
    # (none here), follow-ups, contacts
    with django_assert_max_num_queries(13):
        response = client.get(organization.get_absolute_url())
    assert response.status_code == 200
    older = response.context["older"]
    assert older
    assert client.get(organization.get_absolute_url() + f"?before={older}").status_code == 200


def test_the_interaction_list_pages_by_cursor(client_for):
    organization = OrganizationFactory()
    for day in range(30):
        log_interaction(organization, occurred_on=timezone.localdate() - timedelta(days=day), summary=f"Day {day}")
    client = client_for(Role.STAFF)
    first = client.get(reverse("stakeholders:interaction_list"))
    cursor = first.context["next_cursor"]
    second = client.get(reverse("stakeholders:interaction_list") + f"?after={cursor}")
    assert "Day 0<" not in second.content.decode() or "Day 0" not in second.content.decode()
    assert "Day 29" in second.content.decode()
    assert not second.context["next_cursor"]


def test_the_home_page_lists_my_follow_ups_and_flags_overdue_ones(sign_in, make_user):
    me = make_user(Role.STAFF)
    organization = OrganizationFactory()
    FollowUp.objects.create(
        organization=organization,
        description="Overdue thing",
        owner=me,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    FollowUp.objects.create(
        organization=organization, description="Someone else's", owner=make_user(), due_on=timezone.localdate()
    )
    body = sign_in(me).get("/").content.decode()
    assert "Overdue thing" in body and "Overdue" in body
    assert "Someone else" not in body


def test_the_organization_picker_finds_organizations_by_part_of_their_name(client_for):
    OrganizationFactory(name="Grupo Bimbo S.A.B. de C.V.")
    body = client_for(Role.STAFF).get(reverse("stakeholders:organization_lookup") + "?q=bimbo").content.decode()
    assert "Grupo Bimbo" in body
