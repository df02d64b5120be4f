"""Setting yearly targets: unit leads for their unit, administrators for every unit and the Secretariat."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Indicator, Target


def may_set_targets_for(user, unit) -> bool:
    if not user.has_perm("reports.add_target"):
        return False
    if user.has_perm("reports.set_any_target"):
        return True
    return unit is not None and unit.pk == user.unit_id


@transaction.atomic
def targets_set(*, by, year: int, unit, values: dict[Indicator, Decimal | None]) -> int:
    """Set (or, with None, remove) the year's target of each indicator for ``unit`` (None: the whole
    Secretariat). Returns how many targets changed."""
    if not may_set_targets_for(by, unit):
        raise PermissionDenied(_("You may set targets for your own unit only."))
    errors = {}
    for indicator, value in values.items():
        if value is not None and value < 0:
            errors[f"target_{indicator.pk}"] = _("A target cannot be negative.")
    if errors:
        raise ValidationError(errors)
    changed = 0
    existing = {t.indicator_id: t for t in Target.objects.filter(year=year, unit=unit, indicator__in=list(values))}
    for indicator, value in values.items():
        target = existing.get(indicator.pk)
        if value is None:
            if target:
                target.delete()
                changed += 1
            continue
        if target and target.value == value:
            continue
        target = target or Target(indicator=indicator, year=year, unit=unit)
        target.value, target.set_by = value, by
        target.full_clean()
        target.save()
        changed += 1
    return changed
