"""Amounts of money and percentages written as each language's readers write them.

The digits come from Django's number formats (``strategy/formats``); what this adds is where the
currency and the percent sign go, following the Unicode CLDR for the locale each language stands for:
Canada's French puts the sign after the number (``50 000,00 $``, ``12,5 %``), Mexico's Spanish and
English put it before (``$50,000.00``, ``12.5%``). A currency that is not the locale's own keeps a
mark that tells it apart (``50 000,00 $ US``, ``USD 50,000.00``, ``US$50,000.00``).
"""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language

NBSP = "\xa0"

# (pattern, symbols): the pattern places the amount and the symbol; a currency absent from the symbols
# shows its ISO code. From CLDR, as browsers' Intl.NumberFormat print them.
MONEY = {
    "fr": ("{amount}" + NBSP + "{symbol}", {"CAD": "$", "USD": "$" + NBSP + "US", "EUR": "€"}),
    "es": ("{symbol}{amount}", {"MXN": "$"}),
    "en": ("{symbol}{amount}", {"CAD": "$", "USD": "US$", "MXN": "MX$", "EUR": "€"}),
}
PERCENT = {"fr": "{number}" + NBSP + "%", "es": "{number}%", "en": "{number}%"}


def _language(language: str | None) -> str:
    code = (language or get_language() or "en").split("-")[0]
    return code if code in MONEY else "en"


def format_money(amount, currency: str, *, places: int = 2, language: str | None = None) -> str:
    """``amount`` in ``currency`` with its thousands grouped, as ``language`` (the active one) writes it."""
    language = _language(language)
    pattern, symbols = MONEY[language]
    digits = formats.number_format(Decimal(amount), places, use_l10n=True, force_grouping=True)
    # Another currency shows its code, spaced from the digits: "50 000,00 MXN", "USD 50,000.00".
    symbol = symbols.get(currency, currency if language == "fr" else currency + NBSP)
    return pattern.format(amount=digits, symbol=symbol)


def format_percent(number, *, places: int = 1, language: str | None = None) -> str:
    """``number`` (already a percentage: 12.5 for 12.5 %) with the language's decimal mark and sign."""
    language = _language(language)
    digits = formats.number_format(Decimal(str(number)), places, use_l10n=True, force_grouping=True)
    return PERCENT[language].format(number=digits)
