"""generate_load adds partnerships in proportion to the register, through the partnerships app's load module."""

import io

import pytest
from django.core.management import call_command

from partnerships.choices import AFTER_SCREENING, SIGNED
from partnerships.models import Partnership, StageMove

pytestmark = pytest.mark.django_db


def test_generate_load_adds_one_partnership_per_fifty_organizations_and_reuses_them():
    call_command("generate_load", orgs=500, interactions=300, seed=4, stdout=io.StringIO())
    assert Partnership.objects.count() == 10
    for partnership in Partnership.objects.all():
        moves = StageMove.objects.filter(partnership=partnership)
        assert moves.order_by("moved_at", "id").last().to_stage_id == partnership.stage_id
        if partnership.stage_id in AFTER_SCREENING:
            assert partnership.assessment.is_complete
        if partnership.stage_id in SIGNED:
            assert partnership.is_approved
    first = set(Partnership.objects.values_list("pk", flat=True))
    output = io.StringIO()
    call_command("generate_load", orgs=500, interactions=300, seed=4, stdout=output)
    assert "partnerships: reusing 10" in output.getvalue()
    assert set(Partnership.objects.values_list("pk", flat=True)) == first
