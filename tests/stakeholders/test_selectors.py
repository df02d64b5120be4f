"""Reads of the register that pages share: the profile's lists and the kept count."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.choices import Role
from stakeholders import selectors
from stakeholders.models import NaicsCode, Tag
from stakeholders.selectors import organization_count, organization_links
from stakeholders.services.naics import naics_parse_list
from stakeholders.services.organizations import organization_save
from strategy.models import AreaOfRelevance, Pillar
from tests.factories.stakeholders import OrganizationFactory
from tests.factories.strategy import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_the_profile_lists_come_in_one_query_in_the_readers_language():
    parent = OrganizationFactory(name="Grupo Parent", acronym="GP")
    association = OrganizationFactory(name="CONCAMIN Member Association")
    organization = OrganizationFactory(name="Empresa", parent=parent)
    subsidiary = OrganizationFactory(name="Empresa Norte", parent=organization)
    pillars = list(Pillar.objects.order_by("position")[:2])
    area = AreaOfRelevance.objects.first()
    old, new = InitiativeFactory(name_en="Old pilot", start_year=2019), InitiativeFactory(name_en="New pilot")
    organization_save(
        organization=organization,
        many_to_many={
            "pillars": pillars,
            "areas": [area],
            "initiatives": [old, new],
            "tags": [Tag.objects.create(name="Sponsor")],
            "member_of": [association],
        },
        sectors=naics_parse_list("325, 562910"),
        expected_version=organization.version,
    )
    with CaptureQueriesContext(connection) as queries:
        links = organization_links(organization)
    assert len(queries) == 1
    assert [link.code for link in links["sectors"]] == ["325", "562910"]
    assert links["sectors"][0].label == NaicsCode.objects.get(code="325").title_en
    assert [link.label for link in links["pillars"]] == [pillar.name_en for pillar in pillars]
    assert [link.label for link in links["areas"]] == [area.label_en]
    assert [link.label for link in links["initiatives"]] == ["New pilot", "Old pilot"]  # newest first
    assert links["initiatives"][0].url == new.get_absolute_url()
    assert [link.label for link in links["tags"]] == ["Sponsor"]
    assert [(link.label, link.url) for link in links["member_of"]] == [
        (str(association), association.get_absolute_url())
    ]
    assert [link.url for link in links["subsidiaries"]] == [subsidiary.get_absolute_url()]
    with translation.override("fr"):
        french = organization_links(organization)
    assert [link.label for link in french["pillars"]] == [pillar.name_fr or pillar.name_en for pillar in pillars]


def test_an_organization_without_links_has_empty_lists():
    links = organization_links(OrganizationFactory())
    assert all(entries == [] for entries in links.values())


def test_the_organization_page_shows_its_profile_lists(client_for):
    organization = OrganizationFactory()
    organization_save(
        organization=organization,
        many_to_many={"tags": [Tag.objects.create(name="YIC 2024 sponsor prospect")]},
        sectors=naics_parse_list("325"),
        expected_version=organization.version,
    )
    body = client_for(Role.VIEWER).get(organization.get_absolute_url()).content.decode()
    assert "YIC 2024 sponsor prospect" in body
    assert f"325 — {NaicsCode.objects.get(code='325').title_en}" in body


def test_a_small_register_is_counted_every_time():
    OrganizationFactory.create_batch(2)
    assert organization_count() == 2
    assert cache.get(selectors.ORGANIZATION_COUNT_KEY) is None


def test_a_large_register_count_is_kept_and_forgotten_when_an_organization_is_added(monkeypatch, client_for):
    monkeypatch.setattr(selectors, "ORGANIZATION_COUNT_CACHED_FROM", 2)
    cache.delete(selectors.ORGANIZATION_COUNT_KEY)
    OrganizationFactory.create_batch(2)
    client = client_for(Role.VIEWER)
    assert "2 organizations" in client.get(reverse("stakeholders:organization_list")).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("stakeholders:organization_list"))
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    OrganizationFactory(name="Cemex")
    assert "3 organizations" in client.get(reverse("stakeholders:organization_list")).content.decode()
    # A filtered list: counted for its filter.
    assert "1 organization" in client.get(reverse("stakeholders:organization_list") + "?q=cemex").content.decode()
    cache.delete(selectors.ORGANIZATION_COUNT_KEY)


def test_a_page_past_the_end_of_a_kept_count_is_not_found(monkeypatch, client_for):
    monkeypatch.setattr(selectors, "ORGANIZATION_COUNT_CACHED_FROM", 2)
    OrganizationFactory.create_batch(3)
    cache.set(selectors.ORGANIZATION_COUNT_KEY, 60, 60)  # as if 57 had just been removed in bulk
    client = client_for(Role.VIEWER)
    url = reverse("stakeholders:organization_list")
    assert "60 organizations" in client.get(url).content.decode()
    assert client.get(url + "?page=3").status_code == 404
    cache.delete(selectors.ORGANIZATION_COUNT_KEY)


def test_a_filtered_count_is_kept_on_a_large_register_and_forgotten_when_an_organization_changes(
    monkeypatch, client_for
):
    monkeypatch.setattr(selectors, "ORGANIZATION_COUNT_CACHED_FROM", 2)
    cache.delete(selectors.ORGANIZATION_COUNT_KEY)
    selectors.forget_list_counts()
    OrganizationFactory(name="Cemex", category="corporation")
    other = OrganizationFactory(name="Cementos Moctezuma", category="sme")
    client = client_for(Role.VIEWER)
    url = reverse("stakeholders:organization_list") + "?q=cem&category=corporation"

    assert "1 organization" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url + "&sort=name&page=1")  # the same filter, shown otherwise: the same count
    assert "1 organization" in again.content.decode()
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)

    other.category = "corporation"
    other.save()  # an organization saved one at a time: every kept figure is forgotten
    assert "2 organizations" in client.get(url).content.decode()

    from stakeholders.imports.reading import open_table
    from stakeholders.services.imports import import_rows

    source = open_table(b"Organization,Category\nCemento Nuevo,Corporation\n", "list.csv")
    import_rows(source, {0: "name", 1: "category"}, file_name="list.csv")  # written in bulk: forgotten too
    assert "3 organizations" in client.get(url).content.decode()
    cache.delete(selectors.ORGANIZATION_COUNT_KEY)
