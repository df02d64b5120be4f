"""Every date a person can type, in every form and list filter of the project, is refused outside the years
1900 to 2100: the forms are found by importing every module, so a new form cannot forget the rule."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django_filters import FilterSet

APPS = ["strategy", "accounts", "stakeholders", "partnerships", "surveys", "roundtables", "reports"]
REFUSED = {forms.DateField: ["1899-12-31", "2101-01-01"], forms.DateTimeField: ["1899-12-31 12:00", "2101-01-01 12:00"]}
ACCEPTED = {forms.DateField: "2024-05-01", forms.DateTimeField: "2024-05-01 12:00"}


def project_classes():
    """Every class defined in the apps' modules (migrations aside)."""
    found = {}
    for app in APPS:
        package = importlib.import_module(app)
        for module_info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__:
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def date_fields():
    """(where, field) for each date or date-and-time field of the forms and filters."""
    fields = []
    for where, cls in sorted(project_classes().items()):
        if issubclass(cls, forms.BaseForm):
            declared = cls.base_fields
        elif issubclass(cls, FilterSet) and cls._meta.model is not None:
            declared = cls().form.fields
        else:
            continue
        fields += [
            (f"{where}.{name}", field)
            for name, field in declared.items()
            if isinstance(field, forms.DateField | forms.DateTimeField)
        ]
    return fields


def kind_of(field):
    return forms.DateTimeField if isinstance(field, forms.DateTimeField) else forms.DateField


@pytest.mark.django_db
def test_every_date_field_of_every_form_refuses_the_years_1899_and_2101():
    fields = date_fields()
    names = {where for where, _field in fields}
    # The walk finds the forms it should (a walk that found none would prove nothing).
    assert {
        "roundtables.forms.EventForm.starts_at",
        "roundtables.forms.EventForm.ends_at",
        "stakeholders.forms.ContactForm.consent_date",
        "stakeholders.forms.InteractionForm.occurred_on",
        "surveys.forms.SurveyForm.opens_on",
        "partnerships.forms.PartnershipForm.expected_start",
        "reports.forms.DashboardFilterForm.start",
        "roundtables.filters.EventFilter.starts_after",
        "stakeholders.filters.InteractionFilter.occurred_after",
    } <= names
    accepting = []
    for where, field in fields:
        field.clean(ACCEPTED[kind_of(field)])
        for value in REFUSED[kind_of(field)]:
            try:
                field.clean(value)
            except ValidationError as error:
                assert "Enter a date between the years 1900 and 2100." in error.messages, where
            else:
                accepting.append(f"{where} accepts {value}")
    assert not accepting


@pytest.mark.django_db
def test_every_date_field_of_the_administration_site_refuses_the_years_1899_and_2101(rf, make_user):
    from django.contrib import admin

    from accounts.choices import Role

    request = rf.get("/")
    request.user = make_user(Role.ADMINISTRATOR, is_superuser=True, is_staff=True)
    accepting, checked = [], []
    for model, model_admin in admin.site._registry.items():
        form = model_admin.get_form(request, model(), change=True)
        for name, field in form.base_fields.items():
            if isinstance(field, forms.SplitDateTimeField):
                values = {"ok": ["2024-05-01", "12:00"], "refused": [["1899-12-31", "12:00"], ["2101-01-01", "12:00"]]}
            elif isinstance(field, forms.DateField | forms.DateTimeField):
                values = {"ok": ACCEPTED[kind_of(field)], "refused": REFUSED[kind_of(field)]}
            else:
                continue
            checked.append(f"{model.__name__}.{name}")
            field.clean(values["ok"])
            for value in values["refused"]:
                try:
                    field.clean(value)
                except ValidationError:
                    pass
                else:
                    accepting.append(f"{model.__name__}.{name} accepts {value}")
    assert "ProgressSettings.baseline_date" in checked
    assert not accepting
