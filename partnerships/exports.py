"""The partnership list as CSV or XLSX rows, in the reader's language."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from stakeholders.exports import MAX_EXPORT_ROWS

from .models import Partnership
from .selectors import pledged_by_partnership


def partnership_rows(queryset: QuerySet[Partnership]):
    partnerships = list(
        queryset.select_related("lead_organization", "stage", "owner", "unit").prefetch_related("partners")[
            :MAX_EXPORT_ROWS
        ]
    )
    values, currency = pledged_by_partnership(p.pk for p in partnerships)
    header = [
        _("Title"),
        _("Type"),
        _("Stage"),
        _("In stage since"),
        _("Lead organization"),
        _("Other partners"),
        _("Owner"),
        _("Unit"),
        _("Expected start"),
        _("Expected end"),
        _("Pledged (%(currency)s)") % {"currency": currency},
        _("Next step"),
        _("Next step due"),
    ]
    rows = (
        [
            p.title,
            p.get_kind_display(),
            p.stage.name,
            p.stage_entered_at.date().isoformat(),
            p.lead_organization.name,
            "; ".join(o.name for o in p.partners.all()),
            str(p.owner or ""),
            str(p.unit or ""),
            p.expected_start.isoformat() if p.expected_start else "",
            p.expected_end.isoformat() if p.expected_end else "",
            values.get(p.pk, ""),
            p.next_step,
            p.next_step_due.isoformat() if p.next_step_due else "",
        ]
        for p in partnerships
    )
    return header, rows
