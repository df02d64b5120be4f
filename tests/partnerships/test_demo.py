import pytest
from django.core.management import call_command

from partnerships.choices import StageCode
from partnerships.models import Partnership
from stakeholders.choices import Level


@pytest.mark.django_db
def test_the_demo_shows_a_pipeline_at_every_open_stage_once(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    stages = set(Partnership.objects.values_list("stage", flat=True))
    assert stages == {
        StageCode.IDENTIFIED,
        StageCode.SCREENING,
        StageCode.DUE_DILIGENCE,
        StageCode.NEGOTIATION,
        StageCode.AGREEMENT_SIGNED,
        StageCode.ACTIVE,
    }
    assert Partnership.objects.count() == 6
    active = Partnership.objects.get(stage=StageCode.ACTIVE)
    assert active.lead_organization.engagement_level == Level.COLLABORATIVE
    assert active.moves.count() == 6
