"""A picker for organizations: the register is too large for a drop-down, so people search for one.

It renders the chosen organizations as ticked boxes (or a chosen radio button) and a search box that
fetches matching ones with htmx; every control is a native one, so it works from the keyboard alone.
"""

from django import forms


class OrganizationPicker(forms.Widget):
    template_name = "stakeholders/widgets/organization_picker.html"

    def __init__(self, attrs=None, multiple=True):
        super().__init__(attrs)
        self.multiple = multiple

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return data.get(name) or None

    def value_omitted_from_data(self, data, files, name):
        return False if self.multiple else name not in data

    def format_value(self, value):
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]

    def get_context(self, name, value, attrs):
        from .models import Organization

        context = super().get_context(name, value, attrs)
        ids = [v for v in context["widget"]["value"] if str(v).isdigit()]
        context["widget"].update(
            multiple=self.multiple,
            chosen=Organization.objects.filter(pk__in=ids).only("id", "name", "acronym").order_by("name_key"),
        )
        return context
