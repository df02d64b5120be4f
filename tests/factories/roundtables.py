"""Event factories: events through their service, invitations through theirs."""

from datetime import timedelta

import factory
from django.utils import timezone

from roundtables.choices import EventFormat, EventKind
from roundtables.models import Event
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
