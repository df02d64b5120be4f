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


def use_fast_selects(form: forms.BaseForm) -> forms.BaseForm:
    """Swap the plain single selects of ``form`` for ``FastSelect``s, keeping their attributes and choices."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            fast = FastSelect(attrs=field.widget.attrs)
            fast.choices = field.widget.choices
            fast.is_required = field.widget.is_required
            field.widget = fast
    return form
