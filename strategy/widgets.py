"""Form widgets every app's pages share."""

from html import escape

from django import forms
from django.utils.safestring import mark_safe
from django_filters.widgets import BaseCSVWidget


def escape_html(text) -> str:
    """``conditional_escape`` without its lazy-argument wrapper (it ran for every option of every list)."""
    return text.__html__() if hasattr(text, "__html__") else escape(str(text))


def _attrs(attrs: dict) -> str:
    """The attributes of a tag, as Django's ``flatatt`` writes them (True alone, False and None left out)."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape_html(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


class FastSelect(forms.Select):
    """A <select> written in Python rather than through one template per option.

    A filter panel offers hundreds of options (provinces and states, owners, sectors); rendering each
    through the template engine cost more than the page's queries, and so did Django's option
    dictionaries (``optgroups``): the options are written straight from the choices. The markup is the same.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        chosen = set(self.format_value(value))
        parts = [f'<select name="{escape_html(name)}"{_attrs(final_attrs)}>']
        rendered_options = getattr(self.choices, "rendered_options", None)  # options written once, when kept
        if rendered_options is not None and not self.allow_multiple_selected:
            return mark_safe(f"{parts[0]}{rendered_options(chosen)}</select>")  # noqa: S308 - escaped when kept
        has_selected = False
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                parts.append(f'<optgroup label="{escape_html(option_value)}">')
                options, group = option_label, True
            else:
                options, group = ((option_value, option_label),), False
            for subvalue, sublabel in options:
                subvalue = "" if subvalue is None else str(subvalue)
                selected = (not has_selected or self.allow_multiple_selected) and subvalue in chosen
                has_selected |= selected
                shown = " selected" if selected else ""
                parts.append(f'<option value="{escape(subvalue)}"{shown}>{escape_html(sublabel)}</option>')
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - names, values and labels are escaped above


class FastCheckboxes(forms.CheckboxSelectMultiple):
    """Bootstrap check boxes for a short multiple choice, written in Python (see ``FastSelect``)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = {**self.build_attrs(self.attrs, attrs), "class": "form-check-input"}
        base_id = final_attrs.pop("id", None)
        chosen = set(self.format_value(value))
        name = escape_html(name)
        parts = []
        for index, (option_value, option_label) in enumerate(self.choices):
            if isinstance(option_label, list | tuple):
                options = [(v, label, f"{index}_{sub}") for sub, (v, label) in enumerate(option_label)]
            else:
                options = [(option_value, option_label, str(index))]
            for subvalue, sublabel, position in options:
                subvalue = "" if subvalue is None else str(subvalue)
                option_id = f"{base_id}_{position}" if base_id else ""
                option_attrs = {**final_attrs, "checked": subvalue in chosen, "id": option_id or None}
                parts.append(
                    f'<div class="form-check"><input type="checkbox" name="{name}" value="{escape(subvalue)}"'
                    f'{_attrs(option_attrs)}><label class="form-check-label" for="{escape_html(option_id)}">'
                    f"{escape_html(sublabel)}</label></div>"
                )
        return mark_safe("".join(parts))  # noqa: S308 - names, values and labels are escaped above


class FastInputMixin:
    """An <input> written in Python rather than through two templates (``input.html``, ``attrs.html``)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else f' value="{escape_html(widget["value"])}"'
        return mark_safe(  # noqa: S308 - escaped here
            f'<input type="{escape_html(widget["type"])}" name="{escape_html(name)}"{shown}{_attrs(widget["attrs"])}>'
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass


class FastCheckbox(FastInputMixin, forms.CheckboxInput):
    pass


class FastCSVSelect(BaseCSVWidget, FastSelect):
    """django-filter's select for an ordering (one value, or several joined by commas), written fast."""


FAST = {forms.Select: FastSelect, forms.CheckboxSelectMultiple: FastCheckboxes}
# Inputs keep their instance (its date format, its check test): only the class, which adds ``render``, changes.
FAST_INPUTS = {
    forms.TextInput: FastTextInput,
    forms.DateInput: FastDateInput,
    forms.CheckboxInput: FastCheckbox,
}


def use_fast_selects(form: forms.BaseForm) -> forms.BaseForm:
    """Swap the plain selects and check box lists of ``form`` for the fast ones, keeping attributes and choices."""
    for field in form.fields.values():
        fast_class = FAST.get(type(field.widget))
        if fast_class:
            fast = fast_class(attrs=field.widget.attrs)
            fast.choices = field.widget.choices
            fast.is_required = field.widget.is_required
            field.widget = fast
    return form


def use_fast_widgets(form: forms.BaseForm) -> forms.BaseForm:
    """``use_fast_selects``, and the text, date and check box inputs written fast too (for forms
    rendered by hand: crispy's templates look at the inputs' class names)."""
    use_fast_selects(form)
    for field in form.fields.values():
        widget_class = type(field.widget)
        if widget_class.__bases__ == (BaseCSVWidget, forms.Select):  # django-filter makes one per field
            field.widget.__class__ = FastCSVSelect
        elif widget_class in FAST_INPUTS:
            field.widget.__class__ = FAST_INPUTS[widget_class]
    return form


BOOTSTRAP_CLASSES = {
    FastSelect: "form-select form-select-sm",
    FastCSVSelect: "form-select form-select-sm",
    FastCheckboxes: "",
}


def bootstrap_filter_form(form: forms.BaseForm) -> forms.BaseForm:
    """Fast widgets with Bootstrap's small classes, for filter panels rendered without crispy."""
    use_fast_widgets(form)
    for field in form.fields.values():
        css = BOOTSTRAP_CLASSES.get(type(field.widget))
        if css is None:
            css = (
                "form-check-input" if isinstance(field.widget, forms.CheckboxInput) else "form-control form-control-sm"
            )
        if css:
            field.widget.attrs["class"] = css
    return form
