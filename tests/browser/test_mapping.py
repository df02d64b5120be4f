"""A program officer reads the stakeholder matrix, opens a cell's organizations, rates one from its page
and sees the matrix move; then reads the map by province or state and opens a province's organizations.
In each of the three languages, with the texts from the catalogue so that a missing translation fails."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.choices import Country, Level
from stakeholders.models import Organization, Potential, Region
from stakeholders.services.potential import potential_rate
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.stakeholders import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def organization(name, *, level, region, potential=None, by=None):
    made = OrganizationFactory(name=name, hq_country=region.country, hq_region=region)
    Organization.objects.filter(pk=made.pk).update(engagement_level=level)  # as the ladder left it
    if potential:
        potential_rate(organization=made, potential=potential, by=by)
    return made


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_officer_reads_the_matrix_rates_an_organization_and_reads_the_map(page, make_user, screenshot, language):
    def t(text, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        assert language == "en" or translated != text, f"“{text}” has no {language} translation"
        return translated % values if values else translated

    def plural(singular, plural_, count, **values):
        with translation.override(language):
            translated = translation.ngettext(singular, plural_, count)
        assert language == "en" or translated not in (singular, plural_), f"“{singular}” has no {language} translation"
        return translated % {"count": count, **values}

    def label(choice):
        with translation.override(language):
            return str(choice.label)

    officer = make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Ruiz", preferred_language=language)
    ontario = Region.objects.get(country="CA", code="ON")
    jalisco = Region.objects.get(country="MX", code="JAL")
    maple = organization(
        "Maple Circular Inc.", level=Level.ACTIVE, region=ontario, potential=Potential.HIGH, by=officer
    )
    organization("Ontario Green Builders", level=Level.ACTIVE, region=ontario, potential=Potential.HIGH, by=officer)
    organization(
        "Reciclados de Jalisco", level=Level.COLLABORATIVE, region=jalisco, potential=Potential.LOW, by=officer
    )
    organization("Tequila Verde S.A.", level=Level.PASSIVE, region=jalisco)

    sign_in(page, "officer@cec.example", PASSWORD)
    page.get_by_role("link", name=t("Stakeholder map")).click()
    expect(page.get_by_role("heading", name=t("Stakeholder matrix"))).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(plural("%(count)s organization", "%(count)s organizations", 4))
    # The bubble chart draws (the page's scripts come last: wait for the page to load).
    page.wait_for_load_state("load")
    assert page.evaluate("!!(window.Chart && Chart.getChart(document.getElementById('matrix-chart')))")
    assert_accessible(page)
    screenshot(f"mapping-matrix-{language}")

    # The PNG of the chart downloads.
    with page.expect_download() as download:
        page.get_by_role("button", name=t("Download the chart (PNG)")).click()
    assert download.value.suggested_filename.endswith(".png")

    # The cell of active organizations with a high potential opens its two organizations.
    cell_name = plural(
        "%(count)s organization with %(potential)s potential at level %(level)s",
        "%(count)s organizations with %(potential)s potential at level %(level)s",
        2,
        potential=label(Potential.HIGH),
        level=label(Level.ACTIVE),
    )
    page.get_by_role("link", name=cell_name).click()
    expect(page.get_by_role("link", name="Maple Circular Inc.")).to_be_visible()
    expect(page.get_by_role("link", name="Ontario Green Builders")).to_be_visible()
    expect(page.get_by_role("link", name="Reciclados de Jalisco")).to_have_count(0)

    # The passive organization nobody rated yet is rated from the matrix's drill-down.
    page.goto("/mapping/")
    page.get_by_role(
        "link",
        name=t(
            "Review and rate the organizations with %(potential)s potential at level %(level)s",
            potential=t("Not rated yet"),
            level=label(Level.PASSIVE),
        ),
    ).click()
    expect(page.get_by_role("link", name="Tequila Verde S.A.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(t("Potential of %(name)s", name="Tequila Verde S.A.")).select_option(
        label=label(Potential.MEDIUM)
    )
    page.get_by_role("button", name=t("Save the rating of %(name)s", name="Tequila Verde S.A.")).click()
    expect(page.get_by_role("link", name="Tequila Verde S.A.")).to_have_count(0)  # it left the cell
    screenshot(f"mapping-cell-{language}")

    # One with a high potential is rated again from its page: medium, after all.
    page.goto(maple.get_absolute_url())
    page.get_by_label(t("Change the rating")).select_option(label=label(Potential.MEDIUM))
    page.get_by_role("button", name=t("Save the rating")).click()
    rated_by = t("rated by %(who)s on %(when)s", who="Ana Ruiz", when="")
    expect(page.locator("#potential")).to_contain_text(rated_by.strip())
    assert_accessible(page)

    # Back on the matrix, both moved to a medium potential.
    page.goto("/mapping/")
    for level in (Level.PASSIVE, Level.ACTIVE):
        moved = plural(
            "%(count)s organization with %(potential)s potential at level %(level)s",
            "%(count)s organizations with %(potential)s potential at level %(level)s",
            1,
            potential=label(Potential.MEDIUM),
            level=label(level),
        )
        expect(page.get_by_role("link", name=moved)).to_have_text("1")

    # The map by province or state: a shape per region, each a link named by its region and counts;
    # Ontario's counts its two organizations and opens them.
    page.get_by_role("link", name=t("By province or state")).click()
    expect(page.get_by_role("heading", name=t("Engagement by province or state"))).to_be_visible()
    region_map = page.get_by_role(
        "group", name=t("Organizations by province, territory or state, on a map of North America")
    )
    expect(region_map).to_be_visible()
    expect(region_map.locator("a path")).to_have_count(Region.objects.count())
    expect(page.locator("#region-tiles")).to_be_hidden()  # the tiles are the map without JavaScript
    ontario_name = getattr(ontario, f"name_{language}")
    jalisco_name = plural(
        "%(name)s: %(count)s organization; passive %(passive)s, active %(active)s, collaborative %(collaborative)s",
        "%(name)s: %(count)s organizations; passive %(passive)s, active %(active)s, collaborative %(collaborative)s",
        2,
        name=getattr(jalisco, f"name_{language}"),
        passive=1,
        active=0,
        collaborative=1,
    )
    expect(region_map.get_by_role("link", name=jalisco_name)).to_have_count(1)
    ontario_link = plural(
        "%(name)s: %(count)s organization; passive %(passive)s, active %(active)s, collaborative %(collaborative)s",
        "%(name)s: %(count)s organizations; passive %(passive)s, active %(active)s, collaborative %(collaborative)s",
        2,
        name=ontario_name,
        passive=0,
        active=2,
        collaborative=0,
    )
    expect(page.get_by_role("table", name=label(Country.CANADA))).to_contain_text(ontario_name)
    assert_accessible(page)
    screenshot(f"mapping-regions-{language}")
    region_map.get_by_role("link", name=ontario_link).click()
    expect(page.get_by_role("link", name="Maple Circular Inc.")).to_be_visible()
    expect(page.get_by_role("link", name="Tequila Verde S.A.")).to_have_count(0)
