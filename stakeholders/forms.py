"""Forms of the register. Forms check single fields; services hold the rules that span records."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from strategy.forms import DateField
from strategy.models import Action, AreaOfRelevance, Initiative, Objective, Pillar, Unit
from strategy.translation import localized_field
from strategy.widgets import use_fast_selects, use_fast_widgets

from .choice_lists import ListChoiceField
from .form_fields import NameField
from .models import Contact, Interaction, InteractionType, Organization, Region
from .services.naics import naics_parse_list
from .widgets import OrganizationPicker

PHONE_HELP = _("With country code, e.g. +1 514 350-4300 or +52 55 5555 5555.")


class VersionedForm(forms.ModelForm):
    """Carries the version the person started editing, so a concurrent edit is caught on save."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version


def localized(queryset, base="name"):
    return queryset.order_by(localized_field(base))


class OrganizationForm(VersionedForm):
    # A website typed without a scheme ("cemex.com") is taken as https.
    website = forms.URLField(label=_("Website"), max_length=300, required=False, assume_scheme="https")
    naics_codes = forms.CharField(
        label=_("NAICS codes"),
        required=False,
        help_text=_("Separated by commas. Canadian, US or Mexican codes, e.g. 325, 562910."),
    )

    class Meta:
        model = Organization
        fields = [
            "name",
            "acronym",
            "category",
            "hq_country",
            "hq_region",
            "website",
            "owner",
            "operates_in_canada",
            "operates_in_mexico",
            "operates_in_united_states",
            "operates_elsewhere",
            "pillars",
            "areas",
            "other_names",
            "description",
            "equity_owned_by",
            "equity_led_by",
            "equity_representing",
            "equity_serving",
            "equity_indigenous",
            "equity_women",
            "equity_other",
            "certifications",
            "public_commitments",
            "environmental_notes",
            "initiatives",
            "tags",
            "parent",
            "member_of",
        ]
        field_classes = {"name": NameField}
        widgets = {
            "pillars": forms.CheckboxSelectMultiple,
            "areas": forms.CheckboxSelectMultiple,
            "initiatives": forms.CheckboxSelectMultiple,
            "tags": forms.CheckboxSelectMultiple,
            "other_names": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "public_commitments": forms.Textarea(attrs={"rows": 2}),
            "environmental_notes": forms.Textarea(attrs={"rows": 2}),
            "parent": OrganizationPicker(multiple=False),
            "member_of": OrganizationPicker(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["hq_region"].queryset = Region.objects.order_by("country", localized_field("name"))
        fields["owner"].queryset = User.objects.filter(is_active=True).order_by("full_name")
        fields["pillars"].queryset = Pillar.objects.all()
        fields["areas"].queryset = AreaOfRelevance.objects.select_related("pillar")
        fields["initiatives"].queryset = localized(Initiative.objects.all())
        if self.instance.pk:
            fields["naics_codes"].initial = ", ".join(s.code for s in self.instance.sectors.all())
            fields["parent"].queryset = Organization.objects.exclude(pk=self.instance.pk)
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Organization"),
                "name",
                "acronym",
                "category",
                "hq_country",
                "hq_region",
                "website",
                "owner",
                "naics_codes",
            ),
            Fieldset(
                _("Where it operates"),
                "operates_in_canada",
                "operates_in_mexico",
                "operates_in_united_states",
                "operates_elsewhere",
            ),
            Fieldset(_("Strategic fit"), "pillars", "areas", "initiatives", "tags"),
            Fieldset(
                _("Equity-deserving focus"),
                HTML(
                    "<p class='form-text'>{}</p>".format(
                        _("Tick how the organization relates to the populations, then which populations.")
                    )
                ),
                "equity_owned_by",
                "equity_led_by",
                "equity_representing",
                "equity_serving",
                "equity_indigenous",
                "equity_women",
                "equity_other",
            ),
            Fieldset(_("Environmental performance"), "certifications", "public_commitments", "environmental_notes"),
            Fieldset(_("More"), "other_names", "description", "parent", "member_of", "version"),
        )

    def clean_naics_codes(self):
        return naics_parse_list(self.cleaned_data["naics_codes"])

    def clean(self):
        cleaned = super().clean()
        region, country = cleaned.get("hq_region"), cleaned.get("hq_country")
        if region and country and region.country != country:
            self.add_error("hq_region", _("This province or state is not in the headquarters country."))
        return cleaned


class ContactForm(VersionedForm):
    class Meta:
        model = Contact
        fields = [
            "full_name",
            "job_title",
            "organization",
            "email",
            "phone",
            "preferred_language",
            "country",
            "consent_given",
            "consent_date",
            "consent_source",
            "consent_purpose",
            "opted_out",
            "advisory_committee",
        ]
        field_classes = {"full_name": NameField, "consent_date": DateField}
        widgets = {
            "organization": OrganizationPicker(multiple=False),
            "consent_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"phone": PHONE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The day the position starts: of a new contact, or at the organization an existing one moves to.
        date_input = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        if self.instance.pk:
            self.fields["moved_on"] = DateField(
                label=_("Moved on"),
                required=False,
                widget=date_input,
                help_text=_("When the organization changes: the day the person moved (today if left empty)."),
            )
        else:
            self.fields["since"] = DateField(
                label=_("In this position since"),
                required=False,
                widget=date_input,
                help_text=_("Today if left empty."),
            )
        names = list(self.fields)
        position = names.index("job_title") + 1
        extra = names[-1]
        self.order_fields([*names[:position], extra, *[n for n in names[position:] if n != extra]])

    def clean_moved_on(self):
        return self._not_in_future(self.cleaned_data["moved_on"])

    def clean_since(self):
        return self._not_in_future(self.cleaned_data["since"])

    def _not_in_future(self, day):
        if day and day > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return day

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [ch for ch in phone if ch.isdigit()]
        if phone and (len(digits) < 7 or len(digits) > 15 or not all(ch in "0123456789 +-().x" for ch in phone)):
            raise ValidationError(_("Enter a phone number of 7 to 15 digits, e.g. +1 514 350-4300."))
        return phone

    def clean_consent_date(self):
        day = self.cleaned_data["consent_date"]
        if day and day > timezone.localdate():
            raise ValidationError(_("The consent date cannot be in the future."))
        return day

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consent_given") and not cleaned.get("consent_date"):
            self.add_error("consent_date", _("Give the date the consent was given."))
        return cleaned


class InteractionForm(VersionedForm):
    """One short form: what, when, with whom, and an optional follow-up."""

    followup_description = forms.CharField(label=_("Follow-up"), required=False, max_length=300)
    followup_owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none(), required=False)
    followup_due_on = DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    class Meta:
        model = Interaction
        fields = [
            "kind",
            "occurred_on",
            "mode",
            "organizations",
            "contacts",
            "summary",
            "outcome",
            "unit",
            "staff",
            "objectives",
            "actions",
            "pillars",
        ]
        field_classes = {"occurred_on": DateField}
        widgets = {
            "occurred_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
            "organizations": OrganizationPicker(),
            "contacts": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "staff": forms.SelectMultiple(attrs={"size": 4}),
            "objectives": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
            "pillars": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organizations=(), user=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["kind"].queryset = localized(InteractionType.objects.filter(is_active=True))
        fields["unit"].queryset = localized(Unit.objects.all())
        people = User.objects.filter(is_active=True).order_by("full_name")
        fields["staff"].queryset = people
        fields["followup_owner"].queryset = people
        fields["objectives"].queryset = Objective.objects.all()
        fields["actions"].queryset = Action.objects.select_related("objective")
        fields["pillars"].queryset = Pillar.objects.all()
        organization_ids = [org.pk for org in organizations] or (
            list(self.instance.organizations.values_list("pk", flat=True)) if self.instance.pk else []
        )
        fields["contacts"].queryset = Contact.objects.filter(organization_id__in=organization_ids).order_by("name_key")
        if self.instance.summary_code:  # the app's own summary, offered in the reader's language
            self.initial["summary"] = self.instance.summary_shown
        if not fields["contacts"].queryset.exists():
            fields["contacts"].help_text = _("No contacts at this organization yet. Add them from its page.")
        if not self.is_bound and not self.instance.pk:
            self.initial.update(
                organizations=organization_ids,
                occurred_on=timezone.localdate(),
                unit=getattr(user, "unit_id", None),
                staff=[user.pk] if user else [],
                followup_owner=user.pk if user else None,
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        use_fast_selects(self)
        strategy_open = (
            " open"
            if self.is_bound and any(n in self.errors for n in ("unit", "staff", "objectives", "actions"))
            else ""
        )
        summary = _("Link to the strategy (optional)")
        self.helper.layout = Layout(
            Fieldset(
                _("What happened"), "kind", "occurred_on", "mode", "organizations", "contacts", "summary", "outcome"
            ),
            Fieldset(_("Follow-up"), "followup_description", "followup_owner", "followup_due_on"),
            # The strategy links are optional detail: folded away so the everyday form stays short.
            HTML(f"<details class='mb-3'{strategy_open}><summary class='h5 mb-3'>{summary}</summary>"),
            Fieldset("", "unit", "staff", "objectives", "actions", "pillars"),
            HTML("</details>"),
            "version",
        )

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day and day > timezone.localdate():
            raise ValidationError(_("An interaction is logged once it has happened: the date cannot be in the future."))
        return day

    def clean_summary(self):
        """A summary the app wrote stays language-neutral unless the person rewrites it: then it is theirs."""
        summary = self.cleaned_data["summary"]
        if self.instance.summary_code:
            if "summary" not in self.changed_data:
                return self.instance.summary
            self.instance.summary_code, self.instance.summary_values = "", {}
        return summary

    def clean(self):
        cleaned = super().clean()
        description, owner, due = (
            cleaned.get("followup_description"),
            cleaned.get("followup_owner"),
            cleaned.get("followup_due_on"),
        )
        if description and not (owner and due):
            if not owner:
                self.add_error("followup_owner", _("Who will do it?"))
            if not due:
                self.add_error("followup_due_on", _("By when?"))
        return cleaned

    def followups(self) -> list[dict]:
        data = self.cleaned_data
        if not data.get("followup_description"):
            return []
        return [
            {
                "description": data["followup_description"],
                "owner": data["followup_owner"],
                "due_on": data["followup_due_on"],
            }
        ]


class FollowUpForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_fast_widgets(self)  # written out on the organization page, opened all day
        self.fields["owner"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["description"].widget.attrs["class"] = "form-control form-control-sm"
        self.fields["due_on"].widget.attrs["class"] = "form-control form-control-sm"

    description = forms.CharField(label=_("What to do"), max_length=300)
    owner = ListChoiceField(label=_("Owner"), queryset=User.objects.filter(is_active=True), choice_list="staff")
    due_on = DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date", "required": True}))
