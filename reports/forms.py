from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stakeholders.choices import Country
from strategy.forms import DateField
from strategy.models import Pillar, Unit
from strategy.translation import localized_field

from .selectors import Filters, default_period


class DashboardFilterForm(forms.Form):
    """The dashboards' filters: one breakdown at a time (snapshots keep each on its own) and a period."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False,
                                  empty_label=_("Whole Secretariat"))  # fmt: skip
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("All countries")), *Country.choices], required=False
    )
    pillar = forms.ModelChoiceField(label=_("Pillar"), queryset=Pillar.objects.none(), required=False,
                                    empty_label=_("All pillars"))  # fmt: skip
    start = DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.order_by(localized_field("name"))
        self.fields["pillar"].queryset = Pillar.objects.order_by("position")
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name in ("start", "end") else "form-select"

    def clean(self):
        data = super().clean()
        chosen = [name for name in ("unit", "country", "pillar") if data.get(name)]
        if len(chosen) > 1:
            raise ValidationError(_("Choose one of unit, country or pillar at a time."))
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period cannot end before it starts."))
        return data

    def filters(self) -> Filters:
        """The chosen filters, or the defaults (this year, whole Secretariat) where the input is invalid."""
        start, end = default_period()
        if not self.is_valid():
            return Filters(start=start, end=end)
        data = self.cleaned_data
        end = data.get("end") or end
        start = data.get("start") or date(end.year, 1, 1)
        return Filters(start=start, end=end, unit=data.get("unit"), country=data.get("country") or "",
                       pillar=data.get("pillar"))  # fmt: skip


class TargetScopeForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False,
                                  empty_label=_("Whole Secretariat"))  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].widget.attrs["class"] = "form-select"
        self.fields["year"].widget.attrs["class"] = "form-control"
        units = Unit.objects.order_by(localized_field("name"))
        if not user.has_perm("reports.set_any_target"):
            units = units.filter(pk=user.unit_id)
            self.fields["unit"].required = True
            self.fields["unit"].empty_label = None
        self.fields["unit"].queryset = units


class TargetValuesForm(forms.Form):
    """One number field per indicator; blank removes the target."""

    def __init__(self, *args, indicators, initial_values, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            self.fields[f"target_{indicator.pk}"] = forms.DecimalField(
                label=indicator.name,
                required=False,
                min_value=0,
                max_digits=18,
                decimal_places=2,
                initial=initial_values.get(indicator.pk),
                error_messages={
                    "invalid": _("Enter a number."),
                    "min_value": _("A target cannot be negative."),
                },
                widget=forms.NumberInput(attrs={"step": "any", "min": "0", "class": "form-control"}),
            )

    def values(self):
        return {indicator: self.cleaned_data.get(f"target_{indicator.pk}") for indicator in self.indicators}

    def bound_rows(self):
        return [(indicator, self[f"target_{indicator.pk}"]) for indicator in self.indicators]
