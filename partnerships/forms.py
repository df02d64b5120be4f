"""Forms of the partnership pages. Forms check single fields; the services hold the gates and rules."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from stakeholders.choices import Mode
from stakeholders.form_fields import NameField
from stakeholders.forms import VersionedForm, localized
from stakeholders.models import Contact, InteractionType
from stakeholders.widgets import OrganizationPicker
from strategy.forms import DateField
from strategy.models import Action, Goal, Initiative, KeyPrinciple, Objective, Pillar, Unit
from strategy.widgets import use_fast_selects

from .choices import ConflictCheck, Recommendation, Risk, Score
from .models import Assessment, Partnership, Resource, Stage

DATE = {"type": "date"}


def _date_widget():
    return forms.DateInput(attrs=DATE, format="%Y-%m-%d")


class PartnershipForm(VersionedForm):
    class Meta:
        model = Partnership
        fields = [
            "title",
            "kind",
            "lead_organization",
            "partners",
            "contacts",
            "description",
            "owner",
            "unit",
            "expected_start",
            "expected_end",
            "next_step",
            "next_step_due",
            "initiatives",
            "goals",
            "objectives",
            "actions",
            "pillars",
        ]
        field_classes = {
            "title": NameField,
            "expected_start": DateField,
            "expected_end": DateField,
            "next_step_due": DateField,
        }
        widgets = {
            "lead_organization": OrganizationPicker(multiple=False),
            "partners": OrganizationPicker(),
            "contacts": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "expected_start": _date_widget(),
            "expected_end": _date_widget(),
            "next_step_due": _date_widget(),
            "initiatives": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "objectives": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
            "pillars": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user=None, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["owner"].queryset = User.objects.filter(is_active=True).order_by("full_name")
        fields["unit"].queryset = localized(Unit.objects.all())
        fields["initiatives"].queryset = localized(Initiative.objects.all())
        fields["goals"].queryset = Goal.objects.all()
        fields["objectives"].queryset = Objective.objects.all()
        fields["actions"].queryset = Action.objects.select_related("objective")
        fields["pillars"].queryset = Pillar.objects.all()
        organization_ids = self._organization_ids(organization)
        fields["contacts"].queryset = Contact.objects.filter(organization_id__in=organization_ids).order_by("name_key")
        if not organization_ids:
            fields["contacts"].help_text = _(
                "Choose the lead organization first; its contacts are listed here once saved."
            )
        elif not fields["contacts"].queryset.exists():
            fields["contacts"].help_text = _("No contacts at these organizations yet. Add them from their pages.")
        if not self.is_bound and not self.instance.pk:
            self.initial.update(
                lead_organization=organization.pk if organization else None,
                owner=getattr(user, "pk", None),
                unit=getattr(user, "unit_id", None),
            )
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        strategy_open = (
            " open"
            if self.is_bound
            and any(name in self.errors for name in ("initiatives", "goals", "objectives", "actions", "pillars"))
            else ""
        )
        self.helper.layout = Layout(
            Fieldset(_("The partnership"), "title", "kind", "lead_organization", "partners", "contacts", "description"),
            Fieldset(
                _("Who and when"), "owner", "unit", "expected_start", "expected_end", "next_step", "next_step_due"
            ),
            HTML(
                format_html(
                    "<details class='mb-3'{}><summary class='h5 mb-3'>{}</summary>",
                    strategy_open,
                    _("What it serves in the strategy"),
                )
            ),
            Fieldset("", "initiatives", "goals", "objectives", "actions", "pillars"),
            HTML("</details>"),
            "version",
        )

    def _organization_ids(self, organization) -> list[int]:
        if self.is_bound:
            raw = [self.data.get("lead_organization"), *self.data.getlist("partners")]
            return [int(value) for value in raw if value and str(value).isdigit()]
        if self.instance.pk:
            return [self.instance.lead_organization_id, *self.instance.partners.values_list("pk", flat=True)]
        return [organization.pk] if organization else []


class MoveForm(forms.Form):
    """Move a partnership to another stage (the board's drag and drop posts the same fields)."""

    stage = forms.ChoiceField(label=_("Move to"))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when declining or withdrawing: the reason."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        stages = [(stage.code, stage.name) for stage in Stage.objects.all()]
        self.fields["stage"].choices = [
            (code, name) for code, name in stages if partnership is None or code != partnership.stage_id
        ]
        if partnership is not None and not self.is_bound:
            self.initial["version"] = partnership.version
        use_fast_selects(self)


class ApprovalForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AssessmentForm(forms.ModelForm):
    """The four key principles, each with a score and its evidence, the checks and the recommendation."""

    complete = forms.BooleanField(
        label=_("The assessment is complete"),
        required=False,
        help_text=_("Leave unticked to save a draft. A complete assessment lets the partnership leave screening."),
    )

    class Meta:
        model = Assessment
        fields = [
            "conflict_of_interest",
            "conflict_notes",
            "reputational_risk",
            "reputational_notes",
            "recommendation",
            "recommendation_notes",
        ]
        widgets = {
            "conflict_of_interest": forms.RadioSelect,
            "reputational_risk": forms.RadioSelect,
            "recommendation": forms.RadioSelect,
            "conflict_notes": forms.Textarea(attrs={"rows": 2}),
            "reputational_notes": forms.Textarea(attrs={"rows": 2}),
            "recommendation_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conflict_of_interest"].choices = ConflictCheck.choices
        self.fields["reputational_risk"].choices = Risk.choices
        self.fields["recommendation"].choices = Recommendation.choices
        scores = {score.principle_id: score for score in self.instance.scores.all()} if self.instance.pk else {}
        self.principles = list(KeyPrinciple.objects.all())
        for principle in self.principles:
            saved = scores.get(principle.pk)
            self.fields[f"score_{principle.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=Score.choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                initial=saved.score if saved else None,
            )
            self.fields[f"evidence_{principle.pk}"] = forms.CharField(
                label=_("Evidence"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=saved.evidence if saved else "",
            )
        if not self.is_bound:
            self.initial["complete"] = self.instance.is_complete

    def principle_rows(self):
        return [(p, self[f"score_{p.pk}"], self[f"evidence_{p.pk}"]) for p in self.principles]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {p.pk: (data.get(f"score_{p.pk}") or None, data.get(f"evidence_{p.pk}", "")) for p in self.principles}

    def checks(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


NOT_NEGATIVE = _("An amount cannot be negative.")


class ResourceForm(forms.ModelForm):
    pledged = forms.DecimalField(
        label=_("Pledged"),
        required=False,
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0, message=NOT_NEGATIVE)],
    )
    received = forms.DecimalField(
        label=_("Received"),
        required=False,
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0, message=NOT_NEGATIVE)],
    )

    class Meta:
        model = Resource
        fields = ["kind", "description", "currency", "pledged", "received", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk:
            self.initial["year"] = timezone.localdate().year
        self.fields["year"].widget.attrs.update(min=1990, max=2100)
        self.fields["pledged"].widget.attrs.update(min=0, step="0.01")
        self.fields["received"].widget.attrs.update(min=0, step="0.01")
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False


class StepForm(forms.Form):
    """A step of the partnership, logged as an interaction with all its organizations."""

    kind = forms.ModelChoiceField(label=_("Type"), queryset=InteractionType.objects.none())
    occurred_on = DateField(label=_("Date"), widget=_date_widget())
    mode = forms.ChoiceField(label=_("Online or in person"), choices=Mode.choices, widget=forms.RadioSelect)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    contacts = forms.ModelMultipleChoiceField(
        label=_("Contacts"), queryset=Contact.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = localized(InteractionType.objects.filter(is_active=True))
        if partnership is not None:
            self.fields["contacts"].queryset = partnership.contacts.order_by("name_key")
        if not self.is_bound:
            self.initial.update(occurred_on=timezone.localdate(), mode=Mode.IN_PERSON)
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
