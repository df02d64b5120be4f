"""Demo events for ``seed_demo``: a roundtable held a few days ago with its attendance, outcomes and a
follow-up, a conference coming up with its invitations and answers, and a webinar still in planning.
Made through the services staff use, so attendance moves the organizations' levels as it would."""

import calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from accounts.choices import Role
from stakeholders.choices import Category, Country
from stakeholders.models import Contact
from strategy.models import Objective, Pillar, Unit

from .choices import EmailStatus, EventFormat, EventKind, OutcomeKind, ParticipantRole
from .models import Event, Participant
from .services.events import event_save
from .services.outcomes import event_action_add, outcome_add
from .services.participants import attendance_mark_many, participant_rsvp, participant_update, participants_invite

ROUNDTABLE = {
    "kind": EventKind.ROUNDTABLE,
    "title_en": "Circular economy in North American supply chains",
    "title_fr": "L’économie circulaire dans les chaînes d’approvisionnement nord-américaines",
    "title_es": "La economía circular en las cadenas de suministro de América del Norte",
    "issue_en": "How companies in the three countries keep materials in use, and what holds them back.",
    "issue_fr": "Comment les entreprises des trois pays maintiennent les matières en usage, et ce qui les freine.",
    "issue_es": "Cómo las empresas de los tres países mantienen los materiales en uso y qué se lo impide.",
    "format": EventFormat.IN_PERSON,
    "city": "Ciudad de México",
    "country": Country.MEXICO,
    "time_zone": "America/Mexico_City",
    "interpretation": ["en", "fr", "es"],
    "capacity": 30,
}
CONFERENCE = {
    "kind": EventKind.CONFERENCE,
    "title_en": "North American business forum on clean energy",
    "title_fr": "Forum nord-américain des entreprises sur l’énergie propre",
    "title_es": "Foro empresarial de América del Norte sobre energía limpia",
    "issue_en": "Clean energy for small and medium-sized enterprises along the supply chains of the three countries.",
    "issue_fr": "L’énergie propre pour les PME des chaînes d’approvisionnement des trois pays.",
    "issue_es": "Energía limpia para las pymes de las cadenas de suministro de los tres países.",
    "format": EventFormat.HYBRID,
    "city": "Toronto",
    "country": Country.CANADA,
    "link": "https://events.cec.example/clean-energy-forum",
    "time_zone": "America/Toronto",
    "interpretation": ["en", "fr", "es"],
    "capacity": 150,
}
WEBINAR = {
    "kind": EventKind.WEBINAR,
    "title_en": "Reporting pollutant releases: what the PRTR asks of industry",
    "title_fr": "Déclarer les rejets de polluants : ce que le RRTP demande à l’industrie",
    "title_es": "Informar las emisiones contaminantes: lo que el RETC pide a la industria",
    "format": EventFormat.VIRTUAL,
    "link": "https://events.cec.example/prtr-webinar",
    "time_zone": "America/New_York",
}

OUTCOMES = [
    (
        OutcomeKind.BEST_PRACTICE,
        "Take-back schemes run jointly by an industry association and its members cut "
        "packaging waste without each company building its own collection.",
    ),  # fmt: skip
    (
        OutcomeKind.BARRIER,
        "Rules on secondary materials differ between the three countries, so recycled inputs "
        "cannot always cross the border.",
    ),  # fmt: skip
    (OutcomeKind.LESSON, "Small suppliers join when the large buyer shares the cost of the first audit."),
    (OutcomeKind.ISSUE, "A shared North American definition of recycled content."),
]
FOLLOW_UP = "Share the CEC's study on recycled-content rules with the participants"


def _at(day: date, hour: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))


def _event(fields: dict, day: date, hours: tuple[int, int], *, by, unit, pillars, objectives=()) -> Event:
    """An event on ``day`` from ``hours[0]`` to ``hours[1]`` where it happens, serving ``objectives`` (by code)."""
    event = Event(
        **fields,
        starts_at=_at(day, hours[0], fields["time_zone"]),
        ends_at=_at(day, hours[1], fields["time_zone"]),
        unit=unit,
    )
    chosen = list(Objective.objects.filter(code__in=objectives).select_related("goal"))
    goals = {objective.goal for objective in chosen}
    return event_save(event=event, by=by, many_to_many={"pillars": pillars, "goals": goals, "objectives": chosen})


COMPANIES_LAST = Case(
    When(organization__category=Category.CORPORATION, then=Value(1)), default=Value(0), output_field=IntegerField()
)


def _guests(count: int) -> list[Contact]:
    """Reachable contacts from the three countries in turn, associations and chambers before companies,
    so the demo's balance panel has something to show."""
    by_country = {
        country: list(
            Contact.objects.reachable()
            .filter(organization__hq_country=country)
            .select_related("organization")
            .order_by(COMPANIES_LAST, "pk")[: count * 3]
        )
        for country in (Country.CANADA, Country.MEXICO, Country.UNITED_STATES)
    }
    guests, organizations, names = [], set(), set()
    for index in range(count * 3):
        for contacts in by_country.values():
            contact = contacts[index] if index < len(contacts) else None
            # One person per organization, and no two of the same name (the demo's names are drawn at random).
            if contact and contact.organization_id not in organizations and contact.full_name not in names:
                guests.append(contact)
                organizations.add(contact.organization_id)
                names.add(contact.full_name)
    return guests[:count]


def _invite(event: Event, guests: list[Contact], *, by, invited_on: datetime) -> list[Participant]:
    """Invite through the service, as staff do. The demo's invitations count as sent on ``invited_on``:
    its addresses are made up, and nobody should receive mail from a demo."""
    participants_invite(event=event, contacts=Contact.objects.filter(pk__in=[g.pk for g in guests]), by=by)
    event.participants.update(email_status=EmailStatus.SENT, sent_at=invited_on)
    participants = {p.contact_id: p for p in event.participants.select_related("event", "organization")}
    return [participants[guest.pk] for guest in guests if guest.pk in participants]


@transaction.atomic
def seed_demo_events(people) -> int:
    """Create the demo events once; returns how many were added."""
    if Event.objects.filter(title_en=ROUNDTABLE["title_en"]).exists():
        return 0
    staff = next((p for p in people if p.role == Role.STAFF), people[0])
    lead = next((p for p in people if p.role == Role.UNIT_LEAD), staff)
    unit = staff.unit or Unit.objects.order_by("pk").first()
    pillars = list(Pillar.objects.order_by("pk")[:3])
    today = timezone.localdate()

    # Days chosen so the calendar's current month shows the events: up to ten days back (yesterday on
    # the first of a month), up to twelve ahead.
    last_day = calendar.monthrange(today.year, today.month)[1]
    held_on = today - timedelta(days=max(1, min(10, today.day - 1)))
    coming_on = today + timedelta(days=max(4, min(12, last_day - today.day)))

    # Held a few days ago, with its answers, attendance, outcomes and a follow-up.
    # Objective 3.1: dialogue and knowledge sharing between the Parties and the private sector.
    roundtable = _event(ROUNDTABLE, held_on, (9, 13), by=staff, unit=unit, pillars=pillars[:2],
                        objectives=["3.1"])  # fmt: skip
    guests = _guests(9)
    participants = _invite(roundtable, guests, by=staff, invited_on=roundtable.starts_at - timedelta(days=21))
    if participants:
        participant_update(participant=participants[0], role=ParticipantRole.SPEAKER)
    for index, participant in enumerate(participants):
        participant_rsvp(participant=participant, accept=index != 4)  # one could not come
    came = [p.pk for index, p in enumerate(participants) if index not in (4, 7)]  # and one did not show
    attendance_mark_many(event=roundtable, attended=came, by=staff)
    roundtable.refresh_from_db()  # now held: its first outcome marks the outcomes recorded
    outcomes = [
        outcome_add(
            event=roundtable,
            kind=kind,
            text=text,
            by=staff,
            pillars=pillars[:1] if kind != OutcomeKind.ISSUE else pillars[:2],
            organizations=[p.organization for p in participants[index : index + 2]],
        )
        for index, (kind, text) in enumerate(OUTCOMES)
    ]
    if participants:
        event_action_add(
            event=roundtable,
            description=FOLLOW_UP,
            owner=staff,
            due_on=today + timedelta(days=5),
            organization=participants[1 if len(participants) > 1 else 0].organization,
            outcome=outcomes[1],
        )

    # Coming up: invitations out, some answers in.
    # Objective 2.1: the private sector increasingly aware of the value of the CEC's work.
    conference = _event(CONFERENCE, coming_on, (9, 17), by=lead, unit=lead.unit or unit,
                        pillars=pillars[1:3], objectives=["2.1"])  # fmt: skip
    guests = _guests(15)  # the roundtable's guests among them
    participants = _invite(conference, guests, by=lead, invited_on=timezone.now() - timedelta(days=4))
    for index, participant in enumerate(participants[:8]):
        participant_rsvp(participant=participant, accept=index % 4 != 3)

    # In three days: a webinar still being planned.
    _event(WEBINAR, today + timedelta(days=3), (12, 13), by=staff, unit=unit, pillars=pillars[:1])
    return 3
