"""Dated snapshots of every indicator, and the jobs that compute them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Dimension, RunStatus
from .indicators import Indicator

ACTIVE_LOCK = "active"


class SnapshotRun(models.Model):
    """One run of the computation; the page polls it for progress.

    ``lock`` holds ``"active"`` while the run is queued or running: unique, so a second refresh finds
    the running job instead of starting another.
    """

    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    lock = models.CharField(max_length=10, null=True, blank=True, unique=True, editable=False)
    as_of = models.DateField(_("as of"))
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("snapshot job")
        verbose_name_plural = _("snapshot jobs")

    def __str__(self):
        return f"{self.as_of} {self.status}"

    @property
    def is_working(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)

    @property
    def percent_done(self) -> int:
        return int(100 * self.steps_done / self.steps_total) if self.steps_total else 0


class Snapshot(models.Model):
    """Every indicator's values on one date; written whole in one transaction, one per date."""

    as_of = models.DateField(_("date"), unique=True)
    computed_at = models.DateTimeField(_("computed"))
    seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-as_of"]
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")

    def __str__(self):
        return str(self.as_of)


class IndicatorValue(models.Model):
    """An indicator's value on a snapshot's date, for the whole Secretariat or one breakdown.

    ``value`` is null when there is nothing to compute from (a share of nothing): shown as "no data".
    """

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    key = models.CharField(max_length=40, blank=True)
    value = models.DecimalField(max_digits=20, decimal_places=2, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "indicator", "dimension", "key"], name="one_value_per_snapshot_breakdown"
            )
        ]
        indexes = [
            models.Index(fields=["indicator", "dimension", "key", "snapshot"], name="value_trend"),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.dimension}:{self.key} = {self.value}"
