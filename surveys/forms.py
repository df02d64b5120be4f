"""Forms of the survey builder and of the public response page."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from stakeholders.form_fields import NameField
from strategy.forms import DateField
from strategy.models import Action, Objective
from strategy.widgets import use_fast_selects

from .choices import CHOICE_KINDS, REFERENCE_KINDS, SCALE_KINDS, QuestionKind
from .models import Question, Reminder, Section, Survey

DATE = {"type": "date"}
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = [
            "title_en",
            "title_fr",
            "title_es",
            "intro_en",
            "intro_fr",
            "intro_es",
            "closing_en",
            "closing_fr",
            "closing_es",
            "opens_on",
            "closes_on",
            "open_link_enabled",
            "objectives",
            "actions",
        ]
        field_classes = {
            **{f"title_{code}": NameField for code in LANGUAGE_NAMES},
            "opens_on": DateField,
            "closes_on": DateField,
        }
        widgets = {
            **{f"intro_{code}": forms.Textarea(attrs={"rows": 3}) for code in LANGUAGE_NAMES},
            **{f"closing_{code}": forms.Textarea(attrs={"rows": 2}) for code in LANGUAGE_NAMES},
            "opens_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "objectives": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = Objective.objects.all()
        self.fields["actions"].queryset = Action.objects.select_related("objective")
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            *[
                Fieldset(name, f"title_{code}", f"intro_{code}", f"closing_{code}")
                for code, name in LANGUAGE_NAMES.items()
            ],
            Fieldset(_("When"), "opens_on", "closes_on", "open_link_enabled"),
            HTML(
                format_html(
                    "<details class='mb-3'><summary class='h5 mb-3'>{}</summary>", _("What it serves in the strategy")
                )
            ),
            Fieldset("", "objectives", "actions"),
            HTML("</details>"),
        )

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("A survey cannot close before it opens."))
        return cleaned


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title_en", "title_fr", "title_es"]
        field_classes = {f"title_{code}": NameField for code in LANGUAGE_NAMES}


class QuestionForm(forms.ModelForm):
    """A question in the three languages; its choices one per line in each language."""

    choices_en = forms.CharField(
        label=_("Choices (English), one per line"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    choices_fr = forms.CharField(
        label=_("Choices (French), one per line"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    choices_es = forms.CharField(
        label=_("Choices (Spanish), one per line"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    class Meta:
        model = Question
        fields = [
            "section",
            "kind",
            "required",
            "text_en",
            "text_fr",
            "text_es",
            "help_en",
            "help_fr",
            "help_es",
            "low_label_en",
            "low_label_fr",
            "low_label_es",
            "high_label_en",
            "high_label_fr",
            "high_label_es",
        ]

    def __init__(self, *args, survey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = survey.sections.all()
        self.fields["section"].label_from_instance = lambda section: (
            section.title or _("Section %(n)s") % {"n": section.position}
        )
        if self.instance.pk and not self.is_bound and self.instance.kind in CHOICE_KINDS - REFERENCE_KINDS:
            choices = list(self.instance.choices.all())
            for code in LANGUAGE_NAMES:
                self.initial[f"choices_{code}"] = "\n".join(getattr(c, f"label_{code}") for c in choices)
        use_fast_selects(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("The question"), "section", "kind", "required"),
            *[
                Fieldset(
                    name, f"text_{code}", f"help_{code}", f"choices_{code}", f"low_label_{code}", f"high_label_{code}"
                )
                for code, name in LANGUAGE_NAMES.items()
            ],
        )

    def choice_lines(self) -> dict[str, list[str]]:
        return {code: self.cleaned_data.get(f"choices_{code}", "").splitlines() for code in LANGUAGE_NAMES}


class ReminderForm(forms.ModelForm):
    class Meta:
        model = Reminder
        fields = ["send_on"]
        field_classes = {"send_on": DateField}
        widgets = {"send_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d")}


class ResponseForm(forms.Form):
    """The respondent's form, built from the survey's questions in the active language."""

    def __init__(self, *args, questions=(), answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = self._field(question)
            saved = answers.get(question.pk)
            if saved is not None and not self.is_bound:
                self.initial[f"q{question.pk}"] = saved

    @staticmethod
    def _field(question: Question) -> forms.Field:
        common = {"label": question.text, "required": False, "help_text": question.help}
        if question.kind in CHOICE_KINDS:
            choices = [(str(choice.pk), choice.label) for choice in question.choices.all()]
            if question.kind in (QuestionKind.MULTIPLE, QuestionKind.PILLARS, QuestionKind.AREAS):
                return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
            if question.kind == QuestionKind.SECTOR:
                return forms.ChoiceField(choices=[("", "—"), *choices], **common)
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if question.kind in SCALE_KINDS:
            low, high = SCALE_KINDS[question.kind]
            values = [(str(n), str(n)) for n in range(low, high + 1)]
            return forms.ChoiceField(choices=values, widget=forms.RadioSelect, **common)
        if question.kind == QuestionKind.LONG_TEXT:
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)
        return forms.CharField(**common)

    def raw_answers(self) -> dict[int, object]:
        """What the respondent gave, by question id, before the service checks it."""
        data = {}
        for question in self.questions:
            name = f"q{question.pk}"
            field = self.fields[name]
            data[question.pk] = (
                self.data.getlist(name) if isinstance(field, forms.MultipleChoiceField) else self.data.get(name, "")
            )
        return data
