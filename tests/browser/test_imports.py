"""An administrator imports a list in the browser, from upload to undo, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.models import ImportBatch, Organization
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIST = (
    "Organisation;Pays;Province;Adresse courriel;Colonne mystère\n"
    "Hydro-Québec;Canada;Québec;info@hydroquebec.com;x\n"
    "Cemex;Mexique;Nuevo León;contact@cemex.com;y\n"
    "Sans courriel;Canada;Ontario;pas-un-courriel;z\n"
)


def test_an_administrator_uploads_maps_reviews_imports_and_undoes(page, make_user, tmp_path, screenshot, inline_tasks):
    make_user(Role.ADMINISTRATOR, email="admin@cec.example")
    path = tmp_path / "liste-partenaires.csv"
    path.write_text(LIST, encoding="utf-8")
    sign_in(page, "admin@cec.example", PASSWORD)

    page.get_by_role("link", name="Imports").click()
    assert_accessible(page)
    page.get_by_label(re.compile("CSV or Excel file")).set_input_files(str(path))
    page.get_by_role("button", name="Upload and map the columns").click()

    expect(page.get_by_role("heading", name="Map the columns")).to_be_visible()
    assert_accessible(page)
    mystery = page.get_by_label("Imported as, for Colonne mystère")
    expect(mystery).to_have_value("")
    expect(page.get_by_label("Imported as, for Adresse courriel")).to_have_value("contact_email")
    page.get_by_label("Imported as, for Pays").select_option(label="Country")  # confirm, by hand
    page.get_by_role("button", name="Check the rows").click()

    expect(page.get_by_role("heading", name="Review the import")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("2")
    expect(page.get_by_role("cell", name=re.compile("pas-un-courriel"))).to_be_visible()
    assert_accessible(page)
    assert not Organization.objects.exists()
    page.get_by_label("Skip invalid rows and import the others").check()
    page.get_by_role("button", name="Import", exact=True).click()

    expect(page.get_by_text("Imported", exact=True)).to_be_visible(timeout=20_000)
    screenshot("import-done")
    assert set(Organization.objects.values_list("name", flat=True)) == {"Hydro-Québec", "Cemex"}
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the rejected rows (CSV)").click()
    rejected = download.value.path().read_text(encoding="utf-8")
    assert "Sans courriel" in rejected and "pas-un-courriel" in rejected

    page.get_by_role("button", name="Undo this import").click()
    expect(page.get_by_text("The import is undone")).to_be_visible()
    assert not Organization.objects.exists()
    assert ImportBatch.objects.get().status == "undone"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_whole_import_reads_in_french_and_spanish(page, make_user, tmp_path, screenshot, inline_tasks, language):
    from django.utils import translation

    def t(text, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        assert translated != text or not text[0].isalpha(), f"“{text}” has no {language} translation"
        return translated % values if values else translated

    make_user(Role.ADMINISTRATOR, email="admin@cec.example", preferred_language=language)
    path = tmp_path / "liste.csv"
    path.write_text(LIST, encoding="utf-8")
    sign_in(page, "admin@cec.example", PASSWORD)

    page.goto("/imports/")
    assert page.locator("html").get_attribute("lang") == language
    page.get_by_label(re.compile(t("CSV or Excel file"))).set_input_files(str(path))
    page.get_by_role("button", name=t("Upload and map the columns")).click()

    expect(page.get_by_role("heading", name=t("Map the columns"))).to_be_visible()
    expect(page.get_by_label(t("Imported as, for %(name)s", name="Adresse courriel"))).to_have_value("contact_email")
    page.get_by_role("button", name=t("Check the rows")).click()

    expect(page.get_by_role("heading", name=t("Review the import"))).to_be_visible()
    reason = t("“%(value)s” is not an email address.", value="pas-un-courriel")
    expect(page.get_by_role("cell", name=reason)).to_be_visible()
    page.get_by_label(t("Skip invalid rows and import the others")).check()
    page.get_by_role("button", name=t("Import"), exact=True).click()

    expect(page.get_by_text(t("Imported"), exact=True)).to_be_visible(timeout=20_000)
    screenshot(f"import-done-{language}")
    assert set(Organization.objects.values_list("name", flat=True)) == {"Hydro-Québec", "Cemex"}
    with page.expect_download() as download:
        page.get_by_role("link", name=t("Download the rejected rows (CSV)")).click()
    assert reason in download.value.path().read_text(encoding="utf-8")

    page.get_by_role("button", name=t("Undo this import")).click()
    expect(
        page.get_by_text(t("The import is undone: what it created is removed and what it changed restored."))
    ).to_be_visible()
    assert not Organization.objects.exists()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_stopped_import_is_started_again_and_an_undo_keeps_a_later_correction(
    page, make_user, screenshot, inline_tasks, language
):
    from django.utils import timezone, translation

    from stakeholders.services.imports import IMPORT_STOPPED, import_upload
    from stakeholders.services.organizations import organization_save
    from tests.stakeholders.test_import_undo import imported

    def t(text, count=None, **values):
        with translation.override(language):
            translated = translation.ngettext(text, text, count) if count else translation.gettext(text)
        assert translated != text, f"“{text}” has no {language} translation"
        return translated % values if values else translated

    make_user(Role.ADMINISTRATOR, email="admin@cec.example", preferred_language=language)
    stopped = import_upload(data=b"Organization,Country\nNorthwind,Canada\n", file_name="northwind.csv", by=None)
    ago = timezone.now() - timezone.timedelta(minutes=10)
    ImportBatch.objects.filter(pk=stopped.pk).update(status="running", heartbeat_at=ago, attempts=1)
    sign_in(page, "admin@cec.example", PASSWORD)

    # The worker died under the import: the page says so, in the person's language, and offers to start again.
    page.goto(stopped.get_absolute_url())
    expect(page.get_by_text(t(IMPORT_STOPPED))).to_be_visible()
    assert_accessible(page)
    screenshot(f"import-stopped-{language}")
    page.get_by_role("button", name=t("Start the import again")).click()
    expect(page.get_by_text(t("Imported"), exact=True)).to_be_visible(timeout=20_000)
    assert Organization.objects.filter(name="Northwind").exists()

    # Someone corrects an imported organization; the undo leaves the correction and says so.
    batch = imported()
    acme = Organization.objects.get(name="Acme")
    acme.acronym = "ACM"
    organization_save(organization=acme, expected_version=acme.version)
    page.goto(batch.get_absolute_url())
    page.get_by_role("button", name=t("Undo this import")).click()
    kept = "One record was changed by someone after the import, so the undo left it as it is:"
    expect(page.get_by_text(t(kept, count=1, counter=1))).to_be_visible()
    expect(page.get_by_role("link", name="Acme")).to_be_visible()
    assert_accessible(page)
    screenshot(f"import-undo-kept-{language}")
    assert Organization.objects.get(pk=acme.pk).acronym == "ACM"
    assert not Organization.objects.filter(name="Brand New").exists()

    # A file uploaded by mistake goes from the list.
    mistake = import_upload(data=b"Organization\nOops\n", file_name="oops.csv", by=None)
    page.goto(mistake.get_absolute_url())
    page.get_by_role("button", name=t("Remove this import")).click()
    expect(page.get_by_text(t("The import %(file)s was removed.", file="oops.csv"))).to_be_visible()
    assert not ImportBatch.objects.filter(pk=mistake.pk).exists()
