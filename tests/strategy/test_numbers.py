"""Numbers, amounts and percentages are written as each language's readers write them: Canada's French
(50 000,00 $), Mexico's Spanish (50,000.00) and English, on the pages and in the helpers behind them."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from accounts.choices import Role
from partnerships.models import Resource
from strategy.numbers import format_money, format_percent
from tests.factories.partnerships import PartnershipFactory

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "50,000.5"), ("fr", f"50{NBSP}000,5"), ("es", "50,000.5")],
)
def test_grouped_numbers_follow_the_language(language, expected):
    with translation.override(language):
        assert Template('{{ value|floatformat:"1g" }}').render(Context({"value": Decimal("50000.5")})) == expected


@pytest.mark.parametrize(
    ("language", "currency", "expected"),
    [
        ("fr", "CAD", f"50{NBSP}000,00{NBSP}$"),
        ("fr", "USD", f"50{NBSP}000,00{NBSP}${NBSP}US"),
        ("fr", "MXN", f"50{NBSP}000,00{NBSP}MXN"),
        ("es", "MXN", "$50,000.00"),
        ("es", "CAD", f"CAD{NBSP}50,000.00"),
        ("en", "CAD", "$50,000.00"),
        ("en", "USD", "US$50,000.00"),
        ("en", "MXN", "MX$50,000.00"),
    ],
)
def test_money_places_the_currency_as_the_language_does(language, currency, expected):
    with translation.override(language):
        assert format_money(Decimal("50000"), currency) == expected


@pytest.mark.parametrize(("language", "expected"), [("en", "12.5%"), ("fr", f"12,5{NBSP}%"), ("es", "12.5%")])
def test_percentages_follow_the_language(language, expected):
    with translation.override(language):
        assert format_percent(12.5) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "$50,000.00"), ("fr", f"50{NBSP}000,00{NBSP}$"), ("es", f"CAD{NBSP}50,000.00")],
)
def test_a_partnerships_amounts_read_in_the_readers_language(client_for, language, expected):
    partnership = PartnershipFactory()
    Resource.objects.create(
        partnership=partnership, kind="financial", currency="CAD", pledged=Decimal("50000"), year=2026
    )
    page = client_for(Role.VIEWER, preferred_language=language).get(partnership.get_absolute_url())
    assert expected in page.content.decode()
