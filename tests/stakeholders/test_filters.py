"""The filter panels: their reference-data lists are kept between pages and follow changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.choices import Role
from stakeholders.models import Region, Tag
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db


def list_page(client, query=""):
    return client.get(reverse("stakeholders:organization_list") + query).content.decode()


def test_the_panel_lists_are_read_once_then_kept(client_for):
    client = client_for(Role.STAFF)
    OrganizationFactory()
    with CaptureQueriesContext(connection) as first:
        list_page(client)
    with CaptureQueriesContext(connection) as second:
        list_page(client)
    # The first page read provinces and states, sectors, pillars, units, staff and tags; the second none of them.
    assert len(first) - len(second) == 6
    assert not any('FROM "stakeholders_region"' in query["sql"] for query in second.captured_queries)


def test_a_new_tag_shows_in_the_panel_at_once(client_for):
    client = client_for(Role.STAFF)
    assert "Sponsor prospect" not in list_page(client)
    tag = Tag.objects.create(name="Sponsor prospect")
    assert f'<option value="{tag.pk}">Sponsor prospect</option>' in list_page(client)
    tag.delete()
    assert "Sponsor prospect" not in list_page(client)


def test_a_renamed_province_shows_renamed_in_each_language(client_for):
    quebec = Region.objects.get(country="CA", code="QC")
    english, french = client_for(Role.STAFF), client_for(Role.STAFF, preferred_language="fr")
    assert ">Quebec<" in list_page(english) and ">Québec<" in list_page(french)
    quebec.name_fr = "Province de Québec"
    quebec.save()
    assert ">Province de Québec<" in list_page(french)
    assert ">Quebec<" in list_page(english)


def test_a_chosen_filter_stays_selected_and_is_checked_against_the_database(client_for):
    client = client_for(Role.STAFF)
    quebec = Region.objects.get(country="CA", code="QC")
    OrganizationFactory(name="Hydro-Québec", hq_country="CA", hq_region=quebec)
    OrganizationFactory(name="Cemex")
    body = list_page(client, f"?region={quebec.pk}&category=corporation&open_followups=")
    assert f'<option value="{quebec.pk}" selected>Quebec</option>' in body
    assert 'value="corporation" class="form-check-input" checked' in body
    assert "Hydro-Québec" in body and "Cemex" not in body
    assert "Select a valid choice" in list_page(client, "?region=999999")


def test_text_in_labels_and_values_is_escaped(client_for):
    Tag.objects.create(name="<b>bold</b>")
    body = list_page(client_for(Role.STAFF), "?q=%22%3E%3Cscript%3E")
    assert "<b>bold</b>" not in body and "&lt;b&gt;bold&lt;/b&gt;" in body
    assert '"><script>' not in body and 'value="&quot;&gt;&lt;script&gt;"' in body


def test_the_list_still_works_while_the_cache_is_unreachable(client_for, monkeypatch):
    from django.core.cache import cache

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    client = client_for(Role.STAFF)
    for method in ("get", "set", "delete_many"):
        monkeypatch.setattr(cache, method, unreachable)
    Tag.objects.create(name="Sponsor prospect")  # forgetting the kept list fails quietly
    OrganizationFactory(name="Cemex")
    body = list_page(client)
    assert "Cemex" in body and "Sponsor prospect" in body
