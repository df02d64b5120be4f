"""Every list filter speaks the reader's language: each FilterSet's labels, empty choices, boolean choices
and sort orders, in French and Spanish, differ from the English ones (or are the same word in both)."""

import importlib
import inspect

import django_filters
import pytest
from django.utils import translation

APPS = ["stakeholders", "partnerships", "surveys", "roundtables", "reports"]
# Words written alike in English and the language: not a missing translation.
# The engagement levels are « passive / active / collaborative » in French (the glossary's terms).
SAME_WORD = {
    "fr": {
        "Canada",
        "Contact",
        "Contacts",
        "Type",
        "Initiatives",
        "Total",
        "Actions",
        "Passive",
        "Active",
        "Collaborative",
    },
    "es": {"Academia", "Total"},
}


def filtersets():
    found = []
    for app in APPS:
        try:
            module = importlib.import_module(f"{app}.filters")
        except ModuleNotFoundError:
            continue
        found += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, django_filters.FilterSet) and cls.__module__ == module.__name__ and cls._meta.model
        ]
    return found


def texts(filterset_class, language):
    """Label, empty label and choice labels of each field of the filter form, as ``language`` shows them."""
    with translation.override(language):
        form = filterset_class(data={}, queryset=filterset_class._meta.model.objects.none()).form
        shown = {}
        for name, field in form.fields.items():
            shown[(name, "label")] = str(field.label)
            if getattr(field, "empty_label", None):
                shown[(name, "empty")] = str(field.empty_label)
            if hasattr(field, "queryset") or callable(getattr(getattr(field, "choices", None), "choices", None)):
                continue  # records or reference data (names: "Ontario"), not words of the interface
            choices = field.choices if hasattr(field, "choices") else getattr(field.widget, "choices", [])
            for index, (_value, label) in enumerate(choices):
                if not isinstance(label, (list, tuple)):
                    shown[(name, f"choice {index}")] = str(label)
        return shown


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_filter_label_and_choice_is_translated(language):
    untranslated = []
    for filterset_class in filtersets():
        english, other = texts(filterset_class, "en"), texts(filterset_class, language)
        untranslated += [
            f"{filterset_class.__name__}.{name} {part}: {english[(name, part)]!r}"
            for (name, part), text in other.items()
            if text == english.get((name, part)) and text.strip() and text not in SAME_WORD[language]
        ]
    assert filtersets()
    assert not untranslated, "\n".join(untranslated)
