"""Names and titles made only of invisible characters are refused in every form that takes one; those
characters are taken off the ends of the others."""

import pytest
from django.http import QueryDict

from partnerships.forms import PartnershipForm
from roundtables.forms import EventForm
from stakeholders.forms import ContactForm, OrganizationForm
from stakeholders.normalize import strip_invisible
from surveys.forms import SectionForm, SurveyForm

pytestmark = pytest.mark.django_db

# Each range the format characters come in, and white space no keyboard shows.
INVISIBLE = (
    [chr(code) for code in range(0x200B, 0x2010)]
    + [chr(code) for code in range(0x202A, 0x202F)]
    + [chr(code) for code in range(0x2060, 0x2065)]
    + [chr(code) for code in range(0x2066, 0x206A)]
    + ["\ufeff", "\u00ad", "\u180e", "\u3000", "\u00a0", "\u2028", "\u3164", "\x00", "\t"]
)
FIELDS = [
    (OrganizationForm, "name"),
    (ContactForm, "full_name"),
    (EventForm, "title_en"),
    (EventForm, "title_fr"),
    (SurveyForm, "title_en"),
    (SurveyForm, "title_es"),
    (SectionForm, "title_fr"),
    (PartnershipForm, "title"),
]


def posted(field: str, value: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data[field] = value
    return data


def test_every_invisible_character_is_taken_off_the_ends_and_letters_kept():
    for ch in INVISIBLE:
        assert strip_invisible(f"{ch}{ch}Acme{ch}") == "Acme", repr(ch)
        assert strip_invisible(ch * 3) == "", repr(ch)
    assert strip_invisible("\u200b क्\u200dष \u200b") == "क्\u200dष"  # a joiner inside a word stays


@pytest.mark.parametrize(("form_class", "field"), FIELDS)
@pytest.mark.parametrize(
    "value", ["\u200b\u200c\u200d\u200e\u200f", "\u202a\u202b\u202c\u202d\u202e", "\u2060\u2064\u2066\u2069\ufeff"]
)
def test_a_name_of_only_invisible_characters_is_refused_with_its_own_message(form_class, field, value):
    form = form_class(data=posted(field, value))
    assert not form.is_valid()
    assert form.errors[field] == [
        "This holds only invisible characters (spaces, zero-width or direction marks): type it again."
    ]


@pytest.mark.parametrize(("form_class", "field"), FIELDS)
def test_invisible_characters_are_taken_off_the_ends_of_a_name(form_class, field):
    form = form_class(data=posted(field, "\ufeff\u202e Água Viva\u2069\u200b "))
    form.is_valid()
    assert field not in form.errors
    assert form.cleaned_data[field] == "Água Viva"
