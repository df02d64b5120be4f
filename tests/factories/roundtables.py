"""Event factories: events through their service, invitations through theirs."""

import zoneinfo
from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from roundtables.choices import EventFormat, EventKind, EventStatus, ParticipantStatus
from roundtables.models import Event, Participant
from roundtables.services.events import event_save
from stakeholders.choices import Category, Country, LanguageChoice
from stakeholders.models import Contact
from tests.factories.stakeholders import ContactFactory, OrganizationFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = EventKind.ROUNDTABLE
    title_en = factory.Sequence(lambda n: f"Circular economy roundtable {n}")
    title_fr = factory.Sequence(lambda n: f"Table ronde sur l'économie circulaire {n}")
    title_es = factory.Sequence(lambda n: f"Mesa redonda sobre economía circular {n}")
    format = EventFormat.IN_PERSON
    city = "Montréal"
    country = Country.CANADA
    time_zone = "America/Toronto"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=2))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return event_save(event=model_class(*args, **kwargs))


def reachable_contact(
    *, category=Category.CORPORATION, country=Country.MEXICO, language="en", organization=None, **contact
) -> Contact:
    """A contact who consented, at a new organization of the given category and country (``organization``
    holds more of its fields)."""
    organization = OrganizationFactory(category=category, hq_country=country, **(organization or {}))
    return ContactFactory(
        organization=organization,
        consent_given=True,
        consent_date=timezone.localdate(),
        preferred_language=LanguageChoice(language),
        **contact,
    )


def held_event(*, day: date | None = None, at: time = time(12), zone: str = "America/Toronto", pillars=(),
               status=EventStatus.HELD, **fields) -> Event:  # fmt: skip
    """An event that took place on ``day`` (today by default) at ``at``, where it happened."""
    starts = datetime.combine(day or timezone.localdate(), at, tzinfo=zoneinfo.ZoneInfo(zone))
    if fields.get("kind") == EventKind.WEBINAR:
        fields.setdefault("format", EventFormat.VIRTUAL)
        fields.setdefault("link", "https://meet.example.org/cec")
        fields.setdefault("city", "")
        fields.setdefault("country", "")
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), time_zone=zone, status=status,
                         **fields)  # fmt: skip
    event.pillars.set(pillars)
    return event


def attendee(event: Event, *, country=Country.MEXICO, category=Category.CORPORATION,
             status=ParticipantStatus.ATTENDED) -> Participant:  # fmt: skip
    """A participant of ``event`` from a new organization, with the category and country its invitation
    recorded and what became of it (written directly: attendance through its service also logs an
    interaction, which counting tests do not need)."""
    contact = ContactFactory(organization=OrganizationFactory(category=category, hq_country=country))
    return Participant.objects.create(
        event=event, contact=contact, organization=contact.organization, category=category, country=country,
        status=status,
    )  # fmt: skip
