"""Events for ``manage.py generate_load``: one for every two hundred organizations, with participants.

Found by the command through each app's ``load`` module, so the register does not depend on this app.
Rows go in with ``bulk_create``. Generated attendance does not move the engagement ladder: the register's
levels stay as the load made them.
"""

import random
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from stakeholders.models import Contact
from strategy.models import Pillar, Unit

from .choices import TIME_ZONES, EmailStatus, EventFormat, EventKind, EventStatus, OutcomeKind, ParticipantStatus
from .models import Event, Outcome, Participant

LABEL = "roundtables"
ORGANIZATIONS_PER_EVENT = 200
PARTICIPANTS = (8, 30)
LARGE_EVENT = 300  # the first event is a conference this size, for the event page's benchmark
KIND_WEIGHTS = {EventKind.ROUNDTABLE: 5, EventKind.WORKSHOP: 3, EventKind.CONFERENCE: 1, EventKind.WEBINAR: 3,
                EventKind.COMMITTEE: 2}  # fmt: skip
TOPICS = [
    "Circular economy in North American supply chains",
    "Food loss and waste: what businesses can do",
    "Marine litter prevention roundtable",
    "Clean energy for small businesses",
    "Pollutant release reporting (PRTR) with industry",
    "Resilient communities and extreme weather",
    "Monarch butterfly habitat and agriculture",
]
CITIES = [("Montréal", "CA", "America/Toronto"), ("Ciudad de México", "MX", "America/Mexico_City"),
          ("Washington", "US", "America/New_York"), ("Vancouver", "CA", "America/Vancouver"),
          ("Monterrey", "MX", "America/Mexico_City"), ("Denver", "US", "America/Denver")]  # fmt: skip


def wanted(orgs: int) -> int:
    return max(1, orgs // ORGANIZATIONS_PER_EVENT)


def wipe() -> None:
    Event.objects.all().delete()


@transaction.atomic
def ensure(stdout, *, seed: int, orgs: int) -> None:
    """Load ``wanted(orgs)`` events unless exactly that many are there already."""
    count = wanted(orgs)
    if Event.objects.count() == count:
        stdout.write(f"  events: reusing {count:,}")
        return
    wipe()
    started = time.monotonic()
    made = _generate(random.Random(seed), count)
    stdout.write(f"  events: {made:,} with their participants and outcomes in {time.monotonic() - started:.1f}s")


def _generate(rng: random.Random, count: int) -> int:
    contacts = list(
        Contact.objects.select_related("organization")
        .only("id", "preferred_language", "organization__id", "organization__category", "organization__hq_country")
        .order_by("id")[: max(500, count * 40, LARGE_EVENT)]
    )
    if not contacts:
        return 0
    staff = list(User.objects.filter(is_active=True).values_list("pk", flat=True)) or [None]
    units = list(Unit.objects.values_list("pk", flat=True)) or [None]
    pillars = list(Pillar.objects.values_list("pk", flat=True))
    kinds = [kind for kind, weight in KIND_WEIGHTS.items() for _ in range(weight)]
    zones = {name for name, _label in TIME_ZONES}
    now = timezone.now()
    events = []
    for n in range(count):
        city, country, zone = rng.choice(CITIES)
        assert zone in zones
        starts = now + timedelta(days=rng.randint(-400, 120), hours=rng.randint(0, 8))
        kind = rng.choice(kinds)
        past = starts < now
        events.append(
            Event(
                kind=kind,
                title_en=f"{rng.choice(TOPICS)} {n + 1}",
                format=EventFormat.VIRTUAL if kind == EventKind.WEBINAR else EventFormat.IN_PERSON,
                link="https://meet.example.org/cec" if kind == EventKind.WEBINAR else "",
                city="" if kind == EventKind.WEBINAR else city,
                country="" if kind == EventKind.WEBINAR else country,
                time_zone=zone,
                starts_at=starts,
                ends_at=starts + timedelta(hours=rng.choice([2, 3, 8])),
                capacity=rng.choice([None, 40, 60]),
                unit_id=rng.choice(units),
                status=rng.choice([EventStatus.HELD, EventStatus.OUTCOMES_RECORDED])
                if past
                else EventStatus.INVITATIONS_SENT,
                created_by_id=rng.choice(staff),
            )
        )
    Event.objects.bulk_create(events, batch_size=1000)
    participants, outcomes, pillar_links = [], [], []
    for index, event in enumerate(events):
        past = event.starts_at < now
        size = LARGE_EVENT if index == 0 else rng.randint(*PARTICIPANTS)
        for contact in rng.sample(contacts, k=min(len(contacts), size)):
            if past:
                status = rng.choice([ParticipantStatus.ATTENDED] * 3 + [ParticipantStatus.NO_SHOW,
                                                                         ParticipantStatus.DECLINED])  # fmt: skip
            else:
                status = rng.choice([ParticipantStatus.INVITED, ParticipantStatus.ACCEPTED, ParticipantStatus.DECLINED])
            participants.append(
                Participant(
                    event_id=event.pk,
                    contact_id=contact.pk,
                    organization_id=contact.organization.pk,
                    category=contact.organization.category,
                    country=contact.organization.hq_country,
                    status=status,
                    language=contact.preferred_language or "en",
                    email_status=EmailStatus.SENT,
                    sent_at=event.starts_at - timedelta(days=30),
                )
            )
        if past:
            for kind in rng.sample(list(OutcomeKind.values), k=2):
                outcomes.append(Outcome(event_id=event.pk, kind=kind, text=f"{rng.choice(TOPICS)}: noted."))
        if pillars:
            pillar_links.append(Event.pillars.through(event_id=event.pk, pillar_id=rng.choice(pillars)))
    Participant.objects.bulk_create(participants, batch_size=2000, ignore_conflicts=True)
    Outcome.objects.bulk_create(outcomes, batch_size=2000)
    if pillars:
        Outcome.pillars.through.objects.bulk_create(
            [Outcome.pillars.through(outcome_id=o.pk, pillar_id=rng.choice(pillars)) for o in outcomes], batch_size=2000
        )
    Event.pillars.through.objects.bulk_create(pillar_links, batch_size=2000)
    return len(events)
