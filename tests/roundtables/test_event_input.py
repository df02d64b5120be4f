"""Bad input on the event pages: dates outside 1900-2100, invisible titles, and two people editing an
event at once."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from roundtables.forms import EventForm
from roundtables.models import Event
from roundtables.services.events import event_save
from stakeholders.services.versions import ConcurrentEdit
from tests.factories.roundtables import EventFactory
from tests.roundtables.test_views import event_data

pytestmark = pytest.mark.django_db


def edit_data(event, **changes):
    """What the edit page posts for ``event`` unchanged, plus ``changes``."""
    form = EventForm(instance=event)
    data = event_data(
        title_en=event.title_en,
        time_zone=event.time_zone,
        starts_at=form.initial["starts_at"].strftime("%Y-%m-%dT%H:%M"),
        ends_at=form.initial["ends_at"].strftime("%Y-%m-%dT%H:%M"),
        title_fr=event.title_fr,
        title_es=event.title_es,
        city=event.city or "Montréal",
        country=event.country,
        capacity="" if event.capacity is None else str(event.capacity),
        version=str(form.initial["version"]),
        opened=form.initial["opened"],
    )
    data.update(changes)
    return data


# Dates ------------------------------------------------------------------------------------------------


def test_an_event_at_the_end_of_year_9999_in_honolulu_is_refused_and_the_list_still_opens(client_for):
    client = client_for()
    response = client.post(
        reverse("roundtables:event_add"),
        event_data(time_zone="Pacific/Honolulu", starts_at="9999-12-31T23:00", ends_at="9999-12-31T23:30"),
    )
    assert response.status_code == 200
    assert "Enter a date between the years 1900 and 2100." in response.content.decode()
    assert not Event.objects.exists()
    assert client.get("/roundtables/").status_code == 200


@pytest.mark.parametrize("starts_at", ["1899-12-31T09:00", "2101-01-01T09:00"])
def test_the_form_refuses_a_start_outside_1900_to_2100(client_for, starts_at):
    response = client_for().post(reverse("roundtables:event_add"), event_data(starts_at=starts_at))
    assert response.context["form"].errors["starts_at"] == ["Enter a date between the years 1900 and 2100."]
    assert not Event.objects.exists()


def test_the_service_refuses_an_event_outside_1900_to_2100():
    event = EventFactory.build(
        starts_at=datetime(9999, 12, 31, 23, tzinfo=ZoneInfo("Pacific/Honolulu")),
        ends_at=datetime(9999, 12, 31, 23, 30, tzinfo=ZoneInfo("Pacific/Honolulu")),
    )
    with pytest.raises(ValidationError) as refused:
        event_save(event=event)
    assert set(refused.value.message_dict) >= {"starts_at", "ends_at"}
    assert not Event.objects.exists()


def test_the_list_filter_and_calendar_refuse_years_that_do_not_exist(client_for):
    client = client_for()
    assert client.get("/roundtables/", {"starts_after": "9999-12-31", "starts_before": "9999-12-31"}).status_code == 200
    assert client.get(reverse("roundtables:event_calendar"), {"year": "9999", "month": "12"}).status_code == 200


# Titles -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["\u200b\u200b", "\u202e\u2066\u2069", "\ufeff \u2060", "\u3164"])
def test_a_title_of_only_invisible_characters_is_refused(client_for, title):
    response = client_for().post(reverse("roundtables:event_add"), event_data(title_en=title))
    assert response.status_code == 200
    assert "only invisible characters" in response.context["form"].errors["title_en"][0]
    assert not Event.objects.exists()


def test_invisible_characters_are_taken_off_the_ends_of_a_title(client_for):
    client_for().post(reverse("roundtables:event_add"), event_data(title_en="\u200b\u202eWater forum\u200f "))
    assert Event.objects.get().title_en == "Water forum"


def test_the_service_refuses_an_invisible_title():
    with pytest.raises(ValidationError) as refused:
        event_save(event=EventFactory.build(title_en="\u200b\ufeff"))
    assert "title_en" in refused.value.message_dict


# Two people editing at once ---------------------------------------------------------------------------


def test_the_second_of_two_concurrent_edits_is_refused_and_the_first_kept(client_for):
    event = EventFactory(title_en="Original title", capacity=40)
    url = reverse("roundtables:event_edit", args=[event.pk])
    first, second = client_for(), client_for()
    # Both open the edit page before either saves.
    opened_by_first = edit_data(event)
    opened_by_second = edit_data(event)

    assert first.post(url, {**opened_by_first, "title_en": "First's title", "capacity": "60"}).status_code == 302
    response = second.post(url, {**opened_by_second, "title_en": "Second's title"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Your changes are not saved: someone else saved this event while you were editing it." in page
    assert "Title (English): now “First’s title”" in page.replace("&#x27;", "’").replace("'", "’")
    assert "Capacity: now “60”" in page
    assert 'value="Second&#x27;s title"' in page  # the second person's input is still in the form
    assert 'name="capacity" value="60"' in page  # and the first's change they left alone has come in
    event.refresh_from_db()
    assert (event.title_en, event.capacity, event.version) == ("First's title", 60, 2)


def test_saving_again_after_a_refused_edit_keeps_both_peoples_changes(client_for):
    event = EventFactory(title_en="Original title", capacity=40, target_each_country=True)
    url = reverse("roundtables:event_edit", args=[event.pk])
    client = client_for()
    stale = edit_data(event)
    client.post(url, {**stale, "title_en": "Someone else's", "capacity": "60", "target_each_country": ""})
    refused = client.post(url, {**stale, "title_en": "Mine", "city": "Québec"})
    again = refused.context["form"].data
    assert client.post(url, again).status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.city, event.capacity, event.target_each_country, event.version) == (
        "Mine",
        "Québec",
        60,
        False,
        3,
    )


def test_the_service_refuses_a_stale_version_and_never_lowers_it():
    event = EventFactory()
    first, second = Event.objects.get(pk=event.pk), Event.objects.get(pk=event.pk)
    first.title_en = "First"
    event_save(event=first, expected_version=1)
    second.title_en = "Second"
    with pytest.raises(ConcurrentEdit):
        event_save(event=second, expected_version=1)
    event.refresh_from_db()
    assert (event.title_en, event.version) == ("First", 2)
    with pytest.raises(ConcurrentEdit):
        event_save(event=Event.objects.get(pk=event.pk), expected_version=5)  # a version from nowhere
    event.refresh_from_db()
    assert event.version == 2
