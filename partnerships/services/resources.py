"""Resources leveraged: amounts keep their own currency; totals go through a yearly rate, never a sum."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import VALUED
from ..models import CurrencySettings, ExchangeRate, Resource


def missing_rate_message(year: int, currency: str, to_currency: str) -> str:
    return _(
        "There is no exchange rate from %(currency)s to %(reporting)s for %(year)s, so this amount cannot be "
        "reported. An administrator can add it under Exchange rates."
    ) % {"currency": currency, "reporting": to_currency, "year": year}


def _check(resource: Resource) -> None:
    if resource.kind in VALUED:
        errors = {}
        if not resource.currency:
            errors["currency"] = _("Choose the currency of the amount.")
        if resource.pledged is None and resource.received is None:
            errors["pledged"] = _("Give the amount pledged or received.")
        if errors:
            raise ValidationError(errors)
        reporting = CurrencySettings.current().reporting_currency
        if (
            resource.currency != reporting
            and not ExchangeRate.objects.filter(
                year=resource.year, currency=resource.currency, to_currency=reporting
            ).exists()
        ):
            raise ValidationError({"currency": missing_rate_message(resource.year, resource.currency, reporting)})
    else:
        resource.currency = ""
        resource.pledged = resource.received = None
        if not resource.description.strip():
            raise ValidationError({"description": _("Describe what the partner brings.")})


@transaction.atomic
def resource_save(*, resource: Resource) -> Resource:
    resource.full_clean()
    _check(resource)
    resource.save()
    resource.partnership.save(update_fields=["updated_at"])
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource) -> None:
    partnership = resource.partnership
    resource.delete()
    partnership.save(update_fields=["updated_at"])
