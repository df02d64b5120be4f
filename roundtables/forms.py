"""Forms of the event pages. Forms check single fields; the services hold the rules."""

import json

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from stakeholders.form_fields import NameField
from stakeholders.forms import VersionedForm, localized
from stakeholders.models import Organization
from strategy.forms import DateField, DateTimeField
from strategy.models import Action, Goal, Objective, Pillar, Unit
from strategy.widgets import use_fast_selects

from .choices import InterpretationLanguage, OutcomeKind, ParticipantRole
from .models import Event, EventAction, Outcome

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeField(DateTimeField):
    """A wall-clock time, without a zone: the form puts it in the event's own time zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)

    def to_python(self, value):
        result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result


LINKS = ("pillars", "goals", "objectives", "actions")


def _set_posted(data, key: str, value) -> None:
    """Put ``value`` in posted ``data`` as its widget would have posted it."""
    if value is True:
        data[key] = "on"
    elif value is False:
        data.pop(key, None)
    elif isinstance(value, list | tuple):
        data.setlist(key, [str(item) for item in value])
    elif hasattr(value, "strftime"):
        data[key] = value.strftime(LOCAL_FORMAT)
    else:
        data[key] = "" if value is None else str(value)


class EventForm(VersionedForm):
    """The event's own fields. Beside its version, the form carries the event as the person opened it
    (``opened``), so that when someone else saved it meanwhile, the page can say what they changed."""

    starts_at = LocalDateTimeField(label=_("Start"), help_text=_("In the event's time zone."))
    ends_at = LocalDateTimeField(label=_("End"))
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation languages"),
        choices=InterpretationLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            "kind",
            "title_en",
            "title_fr",
            "title_es",
            "issue_en",
            "issue_fr",
            "issue_es",
            "format",
            "time_zone",
            "starts_at",
            "ends_at",
            "city",
            "country",
            "link",
            "interpretation",
            "capacity",
            "unit",
            "pillars",
            "goals",
            "objectives",
            "actions",
            "target_each_country",
            "target_each_category",
            "target_equity",
        ]
        field_classes = {"title_en": NameField, "title_fr": NameField, "title_es": NameField}
        widgets = {
            "issue_en": forms.Textarea(attrs={"rows": 2}),
            "issue_fr": forms.Textarea(attrs={"rows": 2}),
            "issue_es": forms.Textarea(attrs={"rows": 2}),
            "pillars": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "objectives": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["unit"].queryset = localized(Unit.objects.all())
        fields["pillars"].queryset = Pillar.objects.all()
        fields["goals"].queryset = Goal.objects.all()
        fields["objectives"].queryset = Objective.objects.all()
        fields["actions"].queryset = Action.objects.select_related("objective")
        fields["time_zone"].choices = [("", _("Choose the time zone")), *fields["time_zone"].choices[1:]]
        if self.instance.pk and not self.is_bound:
            self.initial["starts_at"] = self.instance.starts_local.replace(tzinfo=None)
            self.initial["ends_at"] = self.instance.ends_local.replace(tzinfo=None)
            self.initial["opened"] = json.dumps(self.snapshot(self.instance))
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("The event"), "kind", "title_en", "title_fr", "title_es", "issue_en", "issue_fr", "issue_es"),
            Fieldset(
                _("When and where"),
                "format",
                "time_zone",
                "starts_at",
                "ends_at",
                "city",
                "country",
                "link",
                "interpretation",
                "capacity",
                "unit",
            ),
            Fieldset(_("Balance targets"), "target_each_country", "target_each_category", "target_equity"),
            Fieldset(_("What it serves in the strategy"), "pillars", "goals", "objectives", "actions"),
            "version",
            "opened",
        )

    @classmethod
    def snapshot(cls, event: Event, links: dict | None = None) -> dict:
        """The event's editable values, as plain JSON values (ids for the links, local times);
        ``links``: the many-to-many values to take instead of the saved ones."""
        values = {}
        for name in cls.Meta.fields:
            if name in ("starts_at", "ends_at"):
                value = getattr(event, name).astimezone(event.zone).replace(tzinfo=None).isoformat()
            elif name == "unit":
                value = event.unit_id
            elif event._meta.get_field(name).many_to_many:
                items = links[name] if links is not None else getattr(event, name).all()
                value = sorted(item.pk for item in items)
            else:
                value = getattr(event, name)
            values[name] = value
        return json.loads(json.dumps(values))

    def take_in_concurrent_edit(self, current: Event) -> list[tuple[str, str]]:
        """After someone else saved ``current`` while this form was open: the fields they changed, each
        with its label and its value now as the person reads it (every field when the form does not say
        how it was opened).

        The form becomes an edit of ``current``: their changes come into the fields this person left as
        they were, this person's input stays in the others, and saving again saves what the form shows."""
        try:
            opened = json.loads(self.data.get(self.add_prefix("opened")) or "{}")
        except ValueError:
            opened = {}
        theirs = self.snapshot(current)
        mine = self.snapshot(self.instance, links={name: self.cleaned_data[name] for name in LINKS})
        changed = [name for name in self.Meta.fields if opened.get(name, object()) != theirs[name]]
        data = self.data.copy()
        now = EventForm(instance=current)  # their values, as the widgets take them
        for name in changed:
            if name in opened and mine[name] == opened[name]:
                _set_posted(data, self.add_prefix(name), now[name].value())
        data[self.add_prefix("version")] = str(current.version)
        data[self.add_prefix("opened")] = json.dumps(theirs)
        self.data = data
        return [(str(self.fields[name].label), self._shown(current, name)) for name in changed]

    @staticmethod
    def _shown(event: Event, name: str) -> str:
        if name in ("starts_at", "ends_at"):
            return formats.date_format(getattr(event, name).astimezone(event.zone), "DATETIME_FORMAT")
        if name == "interpretation":
            return ", ".join(event.interpretation_labels()) or "—"
        field = event._meta.get_field(name)
        if field.many_to_many:
            return ", ".join(str(item) for item in getattr(event, name).all()) or "—"
        if field.choices:
            return str(getattr(event, f"get_{name}_display")()) or "—"
        value = getattr(event, name)
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        return "—" if value in (None, "") else str(value)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            from zoneinfo import ZoneInfo

            zone = ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                if cleaned.get(name):
                    cleaned[name] = cleaned[name].replace(tzinfo=zone)
        else:
            # Without a zone the times mean nothing: keep them out of the model's checks.
            cleaned.pop("starts_at", None)
            cleaned.pop("ends_at", None)
        return cleaned


class InviteForm(forms.Form):
    role = forms.ChoiceField(label=_("Role of those invited"), choices=ParticipantRole.choices)
    contacts = forms.TypedMultipleChoiceField(
        label=_("Contacts to invite"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].choices = [(c.pk, c.full_name) for c in contacts]


class ParticipantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ParticipantRole.choices)
    status = forms.ChoiceField(label=_("Answer"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .choices import ParticipantStatus as S

        self.fields["status"].choices = [(s.value, s.label) for s in (S.INVITED, S.ACCEPTED, S.DECLINED)]


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Event._meta.get_field("status").choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )


def _event_organizations(event: Event, *keep: int):
    """The organizations of the event's participants (and ``keep``, those a record already names)."""
    return (
        Organization.objects.filter(Q(event_participations__event=event) | Q(pk__in=keep))
        .distinct()
        .only("id", "name", "acronym")  # what a choice shows (str())
        .order_by("name_key")
    )


def event_organization_choices(event: Event) -> list[tuple[int, str]]:
    """The choices of ``_event_organizations``, read once for the event page's two forms (a conference
    has hundreds), as (id, label) pairs labelled as ``Organization.__str__`` does."""
    rows = _event_organizations(event).values_list("id", "name", "acronym")
    return [(pk, f"{name} ({acronym})" if acronym else name) for pk, name, acronym in rows]


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["kind", "text", "pillars", "organizations"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "pillars": forms.CheckboxSelectMultiple,
            "organizations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, event: Event, organization_choices: list | None = None, **kwargs):
        """``organization_choices``: those of ``event_organization_choices``, when the page has them."""
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OutcomeKind.choices
        self.fields["pillars"].queryset = Pillar.objects.all()
        named = [o.pk for o in self.instance.organizations.all()] if self.instance.pk else []
        self.fields["organizations"].queryset = _event_organizations(event, *named)
        use_fast_selects(self)  # a conference's hundreds of organizations, written without a template each
        if organization_choices is not None and not named:
            self.fields["organizations"].widget.choices = organization_choices
        self.helper = FormHelper()
        self.helper.form_tag = False
        # The organizations' check boxes are written by their fast widget in the page, not by crispy's
        # template per option.
        self.helper.layout = Layout("kind", "text", "pillars")


class ActionForm(forms.Form):
    description = forms.CharField(label=_("What to do"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_on = DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    outcome = forms.ModelChoiceField(label=_("Outcome it follows"), queryset=Outcome.objects.none(), required=False)

    def __init__(
        self,
        *args,
        event: Event,
        user=None,
        action: EventAction | None = None,
        organization_choices: list | None = None,
        **kwargs,
    ):
        """``user`` owns a new action by default; ``action`` is the one being edited;
        ``organization_choices``: those of ``event_organization_choices``, when the page has them."""
        super().__init__(*args, **kwargs)
        followup = action.followup if action is not None else None
        owners = Q(is_active=True) | Q(pk=followup.owner_id) if followup else Q(is_active=True)
        self.fields["owner"].queryset = User.objects.filter(owners).order_by("full_name")
        self.fields["organization"].queryset = _event_organizations(
            event, *([followup.organization_id] if followup else [])
        )
        self.fields["outcome"].queryset = event.outcomes.all()
        if followup is not None and not self.is_bound:
            self.initial.update(
                description=followup.description,
                owner=followup.owner_id,
                due_on=followup.due_on,
                organization=followup.organization_id,
                outcome=action.outcome_id,
            )
        elif user is not None and not self.is_bound:
            self.initial["owner"] = user.pk
        use_fast_selects(self)
        if organization_choices is not None and followup is None:
            field = self.fields["organization"]
            field.widget.choices = [("", field.empty_label), *organization_choices]
        self.helper = FormHelper()
        self.helper.form_tag = False
