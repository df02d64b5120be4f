"""Reads the pages reuse: the balance of an event, the issues that keep coming back, a month of events."""

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stakeholders.choices import Category, Country
from stakeholders.models import Organization
from strategy.models import Pillar

from .choices import COMING, OutcomeKind, ParticipantStatus
from .models import Event, Outcome, Participant

THREE_COUNTRIES = (Country.CANADA, Country.MEXICO, Country.UNITED_STATES)


@dataclass
class Balance:
    """The mix of those coming (accepted or attended) beside those invited, and what is still missing."""

    invited: int = 0
    coming: int = 0
    attended: int = 0
    by_category: list = field(default_factory=list)  # (label, invited, coming)
    by_country: list = field(default_factory=list)
    equity_invited: int = 0
    equity_coming: int = 0
    warnings: list = field(default_factory=list)

    @property
    def is_off(self) -> bool:
        return bool(self.warnings)


def event_balance(event: Event, participants: list[Participant] | None = None) -> Balance:
    """Compute the balance from the participants (given when the page has them already, else one query)."""
    if participants is None:
        participants = list(event.participants.only("category", "country", "equity_focus", "status"))
    balance = Balance(invited=len(participants))
    invited_categories, coming_categories = Counter(), Counter()
    invited_countries, coming_countries = Counter(), Counter()
    for p in participants:
        invited_categories[p.category] += 1
        invited_countries[p.country] += 1
        balance.equity_invited += p.equity_focus
        if p.status in COMING:
            balance.coming += 1
            balance.attended += p.status == ParticipantStatus.ATTENDED
            coming_categories[p.category] += 1
            coming_countries[p.country] += 1
            balance.equity_coming += p.equity_focus
    balance.by_category = [
        (label, invited_categories[value], coming_categories[value])
        for value, label in Category.choices
        if invited_categories[value]
    ]
    balance.by_country = [
        (label, invited_countries[value], coming_countries[value])
        for value, label in Country.choices
        if invited_countries[value] or value in THREE_COUNTRIES
    ]
    labels = dict(Country.choices)
    if event.target_each_country:
        missing = [str(labels[c]) for c in THREE_COUNTRIES if not coming_countries[c]]
        if missing:
            balance.warnings.append(_("No participant yet from: %(countries)s.") % {"countries": ", ".join(missing)})
    if event.target_each_category:
        categories = dict(Category.choices)
        missing = [str(categories[c]) for c in invited_categories if not coming_categories[c]]
        if missing:
            balance.warnings.append(
                _("Invited categories with nobody coming yet: %(categories)s.") % {"categories": ", ".join(missing)}
            )
    if event.target_equity and balance.equity_coming < event.target_equity:
        balance.warnings.append(
            ngettext(
                "%(coming)s of the %(target)s participant sought from organizations with an equity-deserving focus.",
                "%(coming)s of the %(target)s participants sought from organizations with an equity-deserving focus.",
                event.target_equity,
            )
            % {"coming": balance.equity_coming, "target": event.target_equity}
        )
    if event.capacity is not None and balance.coming > event.capacity:
        balance.warnings.append(
            _("More people are coming (%(coming)s) than the capacity (%(capacity)s): new acceptances are refused.")
            % {"coming": balance.coming, "capacity": event.capacity}
        )
    return balance


# A participant's own fields and the names its rows show: a conference's hundreds of contacts and
# organizations are not worth building whole.
PARTICIPANT_ROW = [
    *(field.attname for field in Participant._meta.concrete_fields),
    "contact__full_name",
    "organization__name",
]


def event_participants(event: Event) -> list[Participant]:
    return list(
        event.participants.select_related("contact", "organization")
        .only(*PARTICIPANT_ROW)
        .order_by("organization__name_key", "contact__name_key", "id")
    )


def issues_across_events(pillar: Pillar | None = None):
    """Issues of common interest from every event, newest first, with their pillars and organizations."""
    issues = (
        Outcome.objects.issues()
        .select_related("event")
        .prefetch_related(
            "pillars", Prefetch("organizations", queryset=Organization.objects.only("id", "name", "acronym"))
        )
    )
    if pillar is not None:
        issues = issues.filter(pillars=pillar)
    return issues.order_by("-event__starts_at", "-id")


def recurring_pillars():
    """Pillars by the number of distinct events that raised an issue of common interest on them: the
    topics that keep coming back come first."""
    return (
        Pillar.objects.filter(event_outcomes__kind=OutcomeKind.ISSUE)
        .annotate(
            event_count=Count("event_outcomes__event", distinct=True),
            issue_count=Count("event_outcomes", distinct=True),
        )
        .order_by("-event_count", "-issue_count", "pk")
    )


def month_weeks(year: int, month: int, events, zone) -> list[list[tuple[date, list[Event]]]]:
    """The weeks of a month (Monday first), each day with the events starting that day in ``zone``."""
    by_day: dict[date, list[Event]] = {}
    for event in events:
        by_day.setdefault(event.starts_at.astimezone(zone).date(), []).append(event)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[(day, by_day.get(day, [])) for day in week] for week in weeks]


def month_bounds(year: int, month: int, zone) -> tuple[datetime, datetime]:
    """The first and last instants of a month in ``zone`` (a week either side, as the grid shows them)."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    start = datetime.combine(first - timedelta(days=7), time.min, tzinfo=zone)
    end = datetime.combine(last + timedelta(days=7), time.max, tzinfo=zone)
    return start, end
