"""An event: a roundtable, conference, workshop, webinar or committee meeting, with its balance targets."""

import zoneinfo
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stakeholders.choices import Country
from stakeholders.validators import validate_visible
from strategy.models import Action, Goal, Objective, Pillar, Unit
from strategy.translation import Translated
from strategy.validators import validate_year_in_range

from ..choices import CANCELLABLE, TIME_ZONES, EventFormat, EventKind, EventStatus


def _local_midnights(day: date) -> dict[datetime, list[str]]:
    """The instant ``day`` begins in each of the event time zones, with the zones that share it."""
    zones: dict[datetime, list[str]] = defaultdict(list)
    for name, _label in TIME_ZONES:
        zones[datetime.combine(day, time.min, tzinfo=zoneinfo.ZoneInfo(name))].append(name)
    return zones


def starting_from(day: date) -> Q:
    """Events whose day, where they happen, is ``day`` or later.

    An event's day is the one its page and the lists show (in its own time zone), and the day its
    attendance is logged on. The condition is written per time zone (those sharing a midnight together),
    so it is plain SQL on SQLite and PostgreSQL alike.
    """
    return reduce(or_, (Q(time_zone__in=zones, starts_at__gte=at) for at, zones in _local_midnights(day).items()))


def starting_until(day: date) -> Q:
    """Events whose day, where they happen, is ``day`` or earlier (see ``starting_from``)."""
    following = _local_midnights(day + timedelta(days=1))
    return reduce(or_, (Q(time_zone__in=zones, starts_at__lt=at) for at, zones in following.items()))


class EventQuerySet(models.QuerySet):
    def starting_between(self, first: date, last: date):
        """Events whose own day falls from ``first`` to ``last``, both included."""
        return self.filter(starting_from(first), starting_until(last))

    def for_list(self):
        """What a list row or a calendar cell shows."""
        return self.select_related("unit").only(
            "id",
            "kind",
            "title_en",
            "title_fr",
            "title_es",
            "format",
            "starts_at",
            "ends_at",
            "time_zone",
            "city",
            "country",
            "status",
            "capacity",
            "unit__id",
            "unit__name_en",
            "unit__name_fr",
            "unit__name_es",
        )


class Event(models.Model):
    """Start and end are stored in UTC; ``time_zone`` is where the event happens, and its times are shown there."""

    kind = models.CharField(_("kind of event"), max_length=12, choices=EventKind.choices)
    title_en = models.CharField(
        pgettext_lazy("event", "title (English)"), max_length=300, validators=[validate_visible]
    )
    title_fr = models.CharField(
        pgettext_lazy("event", "title (French)"), max_length=300, blank=True, validators=[validate_visible]
    )
    title_es = models.CharField(
        pgettext_lazy("event", "title (Spanish)"), max_length=300, blank=True, validators=[validate_visible]
    )
    issue_en = models.TextField(_("issue (English)"), blank=True)
    issue_fr = models.TextField(_("issue (French)"), blank=True)
    issue_es = models.TextField(_("issue (Spanish)"), blank=True)
    pillars = models.ManyToManyField(Pillar, blank=True, related_name="events", verbose_name=_("pillars"))
    goals = models.ManyToManyField(Goal, blank=True, related_name="events", verbose_name=_("goals"))
    objectives = models.ManyToManyField(Objective, blank=True, related_name="events", verbose_name=_("objectives"))
    actions = models.ManyToManyField(Action, blank=True, related_name="events", verbose_name=_("actions"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organizing unit"),
    )
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.IN_PERSON)
    # Bounded (1900 to 2100) so that the conversion to and from UTC never leaves the years Python holds.
    starts_at = models.DateTimeField(_("start"), validators=[validate_year_in_range])
    ends_at = models.DateTimeField(_("end"), validators=[validate_year_in_range])
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONES)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    interpretation = models.JSONField(_("interpretation languages"), default=list, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.PLANNING)
    # The revision of the event in people's calendars (iCalendar SEQUENCE): raised when its time changes
    # after invitations went out and when it is cancelled, so calendars apply the newer version.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # Raised by each save from the edit form: a save that started from an older version is refused
    # (``stakeholders.services.versions``), so two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1, editable=False)

    # The balance the organizers aim for (section "Balance" of the event page).
    target_each_country = models.BooleanField(
        _("at least one participant from each of the three countries"), default=True
    )
    target_each_category = models.BooleanField(
        _("at least one participant from each stakeholder category invited"), default=True
    )
    target_equity = models.PositiveSmallIntegerField(
        _("participants from organizations with an equity-deserving focus, at least"), default=0
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    title = Translated()
    issue = Translated()

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["starts_at"], name="event_starts"),
            models.Index(fields=["status", "starts_at"], name="event_status_starts"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The end cannot be before the start."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("roundtables:event_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end cannot be before the start.")
        if not self.time_zone:
            errors["time_zone"] = _("Give the time zone the event happens in.")
        elif self.time_zone not in dict(TIME_ZONES):
            errors["time_zone"] = _("Choose one of the time zones of the three countries.")
        if self.format in (EventFormat.VIRTUAL, EventFormat.HYBRID) and not self.link:
            errors["link"] = _("A virtual or hybrid event needs its link.")
        if self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not self.city:
            errors["city"] = _("An event in person needs its city.")
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_local(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def ends_local(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def can_be_cancelled(self) -> bool:
        return self.status in CANCELLABLE

    @property
    def place(self) -> str:
        parts = [self.city, self.get_country_display() if self.country else ""]
        return ", ".join(part for part in parts if part)

    def interpretation_labels(self) -> list[str]:
        from ..choices import InterpretationLanguage

        labels = dict(InterpretationLanguage.choices)
        return [str(labels[code]) for code in self.interpretation if code in labels]
