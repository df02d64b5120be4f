"""The public unsubscribe page: a signed personal link, no sign-in, the email's language, a confirm step by
POST with CSRF protection, the opt-out kept in the contact's history, and a polite page for a bad link."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from accounts.choices import Role
from stakeholders.choices import OPT_OUT_BY_ONE_CLICK, OPT_OUT_BY_UNSUBSCRIBE_PAGE
from stakeholders.models import Contact
from stakeholders.services.consent import unsubscribe_token, unsubscribe_urls
from tests.factories.surveys import reachable_contact

pytestmark = pytest.mark.django_db


def page_url(contact, language="fr"):
    return reverse("stakeholders:unsubscribe", args=[unsubscribe_token(contact, language)])


def confirm(url):
    """As a browser does: open the page (which sets the CSRF cookie), then press the button."""
    browser = Client(enforce_csrf_checks=True)
    opened = browser.get(url)
    return opened, browser.post(url, {"csrfmiddlewaretoken": opened.cookies["csrftoken"].value})


def test_opening_the_link_unsubscribes_nobody_until_they_confirm():
    contact = reachable_contact(preferred_language="en")
    opened, confirmed = confirm(page_url(contact, "fr"))

    assert opened.status_code == 200
    assert 'lang="fr"' in opened.content.decode() and "Confirmer\u00a0: me désabonner" in opened.content.decode()
    assert confirmed.status_code == 200
    assert "Votre désabonnement est confirmé" in confirmed.content.decode()
    with translation.override("fr"):
        since = f"Depuis le {date_format(timezone.localdate(), 'DATE_FORMAT')}, la CCE n’envoie plus aucun courriel"
    assert since in confirmed.content.decode()
    contact.refresh_from_db()
    assert contact.opted_out and contact.opted_out_on == timezone.localdate()
    assert not Contact.objects.reachable().filter(pk=contact.pk).exists()


def test_a_link_scanner_that_only_opens_the_page_changes_nothing():
    contact = reachable_contact()
    for _ in range(3):
        assert Client().get(page_url(contact, "es")).status_code == 200
        assert Client().head(page_url(contact, "es")).status_code in (200, 405)
    contact.refresh_from_db()
    assert not contact.opted_out


def test_the_confirmation_needs_the_csrf_token():
    contact = reachable_contact()
    response = Client(enforce_csrf_checks=True).post(page_url(contact))
    assert response.status_code == 403
    contact.refresh_from_db()
    assert not contact.opted_out


def test_the_opt_out_is_kept_in_the_contacts_history_with_when_and_how(client_for):
    contact = reachable_contact()
    before = timezone.now()
    confirm(page_url(contact, "es"))
    record = contact.history.first()
    assert record.opted_out and record.history_change_reason == OPT_OUT_BY_UNSUBSCRIBE_PAGE
    assert record.history_date >= before
    profile = client_for(Role.STAFF, preferred_language="en").get(contact.get_absolute_url()).content.decode()
    assert "Unsubscribed through the link in an email" in profile


def test_a_second_confirmation_says_the_same_and_records_nothing_more():
    contact = reachable_contact()
    url = page_url(contact, "en")
    browser = Client(enforce_csrf_checks=True)
    csrf = browser.get(url).cookies["csrftoken"].value
    browser.post(url, {"csrfmiddlewaretoken": csrf})
    count = contact.history.count()
    again = browser.post(url, {"csrfmiddlewaretoken": csrf})  # a second press, or the page's Back button
    assert "You are unsubscribed" in again.content.decode()
    assert "You are unsubscribed" in Client().get(url).content.decode()
    assert contact.history.count() == count


@pytest.mark.parametrize("case", ["tampered", "garbage", "other_salt", "deleted_contact"])
def test_a_bad_or_tampered_link_gets_a_polite_page(case):
    from django.core import signing

    contact = reachable_contact()
    token = unsubscribe_token(contact, "fr")
    token = {
        "tampered": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "garbage": "not-a-token",
        "other_salt": signing.dumps({"c": contact.pk, "l": "fr"}),
        "deleted_contact": unsubscribe_token(Contact(pk=contact.pk + 1000), "fr"),
    }[case]
    url = reverse("stakeholders:unsubscribe", args=[token])
    page = Client().get(url)
    assert page.status_code == 404
    assert "We do not recognize this unsubscribe link" in page.content.decode()
    posted = Client().post(url)  # no CSRF cookie: refused politely by Django's own page, never a 500
    assert posted.status_code in (403, 404)
    contact.refresh_from_db()
    assert not contact.opted_out


def test_a_mail_programs_one_click_post_unsubscribes_and_a_visit_goes_to_the_page():
    contact = reachable_contact()
    _page, one_click = unsubscribe_urls(contact, language="en", base_url="")
    visit = Client().get(one_click)
    assert visit.status_code == 302 and visit["Location"].endswith("/") and "one-click" not in visit["Location"]
    Client(enforce_csrf_checks=True).post(one_click, {"other": "x"})
    contact.refresh_from_db()
    assert not contact.opted_out
    response = Client(enforce_csrf_checks=True).post(one_click, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.opted_out
    assert contact.history.first().history_change_reason == OPT_OUT_BY_ONE_CLICK


def test_a_contact_opted_out_without_a_recorded_day_is_told_so_without_a_blank_date():
    contact = reachable_contact()
    Contact.objects.filter(pk=contact.pk).update(opted_out=True, opted_out_on=None)  # as older records may be
    page = Client().get(page_url(contact, "es")).content.decode()
    assert "La CCA no envía más correos electrónicos a esta dirección" in page and "Desde el ," not in page
