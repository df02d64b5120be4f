"""Import batches: who imported what, when, with what result; what each batch created and changed,
so it can be undone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Waiting for review")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Imported")
    REJECTED = "rejected", _("Rejected: nothing imported")
    FAILED = "failed", _("Failed")
    UNDO_QUEUED = "undo_queued", _("Undo queued")
    UNDOING = "undoing", _("Undoing")
    UNDONE = "undone", _("Undone")


UNDOING = (ImportStatus.UNDO_QUEUED, ImportStatus.UNDOING)
# A batch in these states wrote nothing that is still in the register.
REMOVABLE = (ImportStatus.PREVIEWED, ImportStatus.REJECTED, ImportStatus.FAILED)


class OnError(models.TextChoices):
    ABORT = "abort", _("All or nothing: import nothing if any row is invalid")
    SKIP = "skip", _("Skip invalid rows and import the others")


class UpdateMode(models.TextChoices):
    FILL = "fill", _("Fill blank fields only")
    OVERWRITE = "overwrite", _("Overwrite with the file's values")


class ImportBatch(models.Model):
    """One import of one file."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.RUNNING)
    # The uploaded file, kept until the import runs (bounded by the upload limit), and how to read it.
    data = models.BinaryField(null=True, blank=True, editable=False)
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    mapping = models.JSONField(default=dict, blank=True, help_text="Column index → target field.")
    on_error = models.CharField(_("invalid rows"), max_length=5, choices=OnError.choices, default=OnError.ABORT)
    update_mode = models.CharField(_("matches"), max_length=10, choices=UpdateMode.choices, default=UpdateMode.FILL)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    skipped_count = models.PositiveIntegerField(_("unchanged"), default=0)
    invalid_count = models.PositiveIntegerField(_("invalid"), default=0)
    rejected_csv = models.TextField(blank=True, help_text="The invalid rows with their reasons, as CSV.")
    error = models.TextField(blank=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the undo left as it was, because someone changed it after the import: {"organization": [ids],
    # "contact": [ids]} (stakeholders.services.import_undo).
    undo_kept = models.JSONField(default=dict, blank=True, editable=False)
    # The job's lease (strategy.jobs): written every few seconds while it runs, and how many times a
    # job has started on the batch (one killed with its worker is started again, a few times at most).
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("stakeholders:import_detail", args=[self.pk])

    @property
    def percent_done(self) -> int:
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0

    @property
    def is_working(self) -> bool:
        """A job is importing or undoing the batch: the page follows it."""
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING, *UNDOING)

    @property
    def is_undoing(self) -> bool:
        return self.status in UNDOING

    @property
    def can_start_again(self) -> bool:
        """A failed import wrote nothing and kept its file (cleared only once imported): it can run again."""
        return self.status == ImportStatus.FAILED

    @property
    def can_be_removed(self) -> bool:
        """Nothing of the batch is in the register: it can go from the list."""
        return self.status in REMOVABLE

    @property
    def error_message(self) -> str:
        """The error in the reader's language: the job's own messages are kept in English (their
        translations are in the catalogue), a database's or a refusal's as they came."""
        return gettext(self.error) if self.error else ""

    @property
    def kept_count(self) -> int:
        return sum(len(ids) for ids in self.undo_kept.values())


def imported_in_field() -> models.ForeignKey:
    """The import that created an organization or a contact, if one did: its undo deletes what it created.

    No index (an undo reads the table once) and no database constraint (checked row by row, it would cost
    a large import seconds): the column is written with its batch, in its transaction.
    """
    return models.ForeignKey(
        "ImportBatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("imported in"),
        db_index=False,
        db_constraint=False,
    )


class ImportChange(models.Model):
    """A record an import changed, or a NAICS code it gave an existing organization; ``before`` holds the
    changed fields' earlier values. (The organizations and contacts it created name it: ``imported_in``.)"""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")

    # No index of its own: "importchange_batch" below starts with the batch. An import writes a row here
    # per record, so each index costs on every import; and no database constraint either, whose check
    # per row would cost seconds at the commit of a large import: these rows are written only with
    # their batch, in its transaction, and deleted with it.
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="changes", db_index=False, db_constraint=False
    )
    model = models.CharField(max_length=40)  # "organization" or "contact"
    object_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    before = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["batch", "model", "action"], name="importchange_batch"),
            # A record's page finds the import that created it (its change history) by this pair.
            models.Index(fields=["model", "object_id"], name="importchange_record"),
        ]

    def __str__(self):
        return f"{self.action} {self.model} {self.object_id}"


class SavedMapping(models.Model):
    """A column mapping kept for files of the same shape (e.g. a partner's monthly list)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    columns = models.JSONField(help_text="Header name (folded) → target field.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved column mapping")
        verbose_name_plural = _("saved column mappings")

    def __str__(self):
        return self.name
