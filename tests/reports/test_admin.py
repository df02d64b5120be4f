"""Administrators switch indicators off, rename them in three languages, and set the thresholds."""

import pytest
from django.utils import translation

from accounts.choices import Role
from reports.models import Indicator, ProgressSettings

pytestmark = pytest.mark.django_db


def test_an_administrator_renames_an_indicator_in_french(client_for):
    client = client_for(Role.ADMINISTRATOR, is_staff=True)
    indicator = Indicator.objects.get(code="conferences-attended")
    page = client.get(f"/admin/reports/indicator/{indicator.pk}/change/")
    assert page.status_code == 200
    response = client.post(
        f"/admin/reports/indicator/{indicator.pk}/change/",
        {"enabled": "", "position": 1, "name_en": "Business events attended", "name_fr": "Événements d'affaires",
         "name_es": ""},
    )  # fmt: skip
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert not indicator.enabled
    with translation.override("fr"):
        assert indicator.name == "Événements d'affaires"
    with translation.override("es"):
        assert indicator.name == "Business events attended"  # English when a translation is blank


def test_thresholds_cannot_cross():
    from django.core.exceptions import ValidationError

    settings = ProgressSettings.current()
    settings.at_risk_percent, settings.on_track_percent = 95, 80
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_staff_cannot_change_indicators(client_for):
    client = client_for(Role.STAFF, is_staff=True)
    indicator = Indicator.objects.get(code="conferences-attended")
    assert client.get(f"/admin/reports/indicator/{indicator.pk}/change/").status_code in (302, 403)
