"""An import's rows with dates outside 1900-2100 or names made of invisible characters: each such row is
rejected with its reason, the others imported."""

import pytest

from stakeholders.models import Contact, Organization
from stakeholders.services.imports import import_commit
from tests.stakeholders.test_imports import plan_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["\u200b\u200c\u200d", "\u202a\u202e\u2066", "\ufeff\u2060 \u00a0", "\u3164"])
def test_a_row_whose_name_is_only_invisible_characters_is_rejected_with_its_reason(name):
    plan = plan_for(f"Organization,Email\nGood,good@x.org\n{name},bad@x.org\n")
    assert [row.line for row in plan.invalid] == [3]
    assert "Organization: the organization name holds only invisible characters." in plan.invalid[0].reason()
    batch = import_commit(plan, file_name="list.csv", by=None, on_error="skip")
    assert batch.status == "done"
    assert list(Organization.objects.values_list("name", flat=True)) == ["Good"]


def test_invisible_characters_are_taken_off_the_ends_of_imported_names():
    plan = plan_for("Organization,Contact name,Email\n\u200b\ufeffAcme\u200f,\u2066Ana López\u2069,ana@acme.org\n")
    import_commit(plan, file_name="list.csv", by=None, on_error="skip")
    assert Organization.objects.get().name == "Acme"
    assert Contact.objects.get().full_name == "Ana López"


def test_a_row_whose_contact_name_is_only_invisible_characters_is_rejected():
    plan = plan_for("Organization,Contact name,Email\nAcme,\u200b\u200b,ana@acme.org\nOther,Luis,luis@other.org\n")
    assert [row.line for row in plan.invalid] == [2]
    assert "the contact name holds only invisible characters" in plan.invalid[0].reason()


@pytest.mark.parametrize(("day", "refused"), [("1899-12-31", True), ("0001-01-01", True), ("1900-01-01", False)])
def test_a_consent_date_before_1900_is_rejected(day, refused):
    plan = plan_for(f"Organization,Email,Consent,Consent date\nAcme,ana@acme.org,yes,{day}\n")
    assert bool(plan.invalid) == refused
    if refused:
        assert "Consent date: the date is not between the years 1900 and 2100." in plan.invalid[0].reason()
