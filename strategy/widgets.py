"""Form widgets every app's pages share."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class FastSelect(forms.Select):
    """A <select> written in Python rather than through one template per option.

    A filter panel offers hundreds of options (provinces and states, owners, sectors); rendering each
    through the template engine cost more than the page's queries. The markup is the same.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    format_html(
                        '<option value="{}"{}>{}</option>',
                        "" if option["value"] is None else option["value"],
                        flatatt(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every piece above went through format_html


class FastCheckboxes(forms.CheckboxSelectMultiple):
    """Bootstrap check boxes for a short multiple choice, written in Python (see ``FastSelect``)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for _group, options, _index in widget["optgroups"]:
            for option in options:
                option_attrs = {**option["attrs"], "class": "form-check-input"}
                parts.append(
                    format_html(
                        '<div class="form-check"><input type="checkbox" name="{}" value="{}"{}>'
                        '<label class="form-check-label" for="{}">{}</label></div>',
                        widget["name"],
                        option["value"],
                        flatatt(option_attrs),
                        option_attrs.get("id", ""),
                        option["label"],
                    )
                )
        return mark_safe("".join(parts))  # noqa: S308 - every piece above went through format_html


FAST = {forms.Select: FastSelect, forms.CheckboxSelectMultiple: FastCheckboxes}


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


BOOTSTRAP_CLASSES = {FastSelect: "form-select form-select-sm", FastCheckboxes: ""}


def bootstrap_filter_form(form: forms.BaseForm) -> forms.BaseForm:
    """Fast widgets with Bootstrap's small classes, for filter panels rendered without crispy."""
    use_fast_selects(form)
    for field in form.fields.values():
        css = BOOTSTRAP_CLASSES.get(type(field.widget))
        if css is None:
            css = (
                "form-check-input" if isinstance(field.widget, forms.CheckboxInput) else "form-control form-control-sm"
            )
        if css:
            field.widget.attrs["class"] = css
    return form
