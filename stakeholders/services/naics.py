"""Classifying NAICS codes by the sector and subsector the three countries share."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import NaicsCode

# NAICS sectors that span several two-digit prefixes.
SECTOR_RANGES = {
    "31": "31-33",
    "32": "31-33",
    "33": "31-33",
    "44": "44-45",
    "45": "44-45",
    "48": "48-49",
    "49": "48-49",
}
CODE_RE = re.compile(r"^\d{2,6}$")


@dataclass(frozen=True)
class Classified:
    code: str
    sector: NaicsCode
    subsector: NaicsCode | None


def sector_code(code: str) -> str:
    return SECTOR_RANGES.get(code[:2], code[:2])


def naics_sectors_and_subsectors() -> dict[str, NaicsCode]:
    """Every sector and subsector by code, for classifying many codes without a query each (imports)."""
    return {code.code: code for code in NaicsCode.objects.filter(level__lte=3)}


def naics_classify(raw: str, known: dict[str, NaicsCode] | None = None) -> Classified:
    """Check a NAICS code (Canada, United States or SCIAN México) and find its sector and subsector.

    The code is kept as given: a valid US or Mexican 6-digit industry is never refused for being
    absent from another country's list; only its sector and subsector must exist. ``known`` (from
    ``naics_sectors_and_subsectors``) saves the queries when many codes are classified.
    """

    def find(code):
        return known.get(code) if known is not None else NaicsCode.objects.filter(code=code).first()

    code = re.sub(r"\s+", "", raw or "")
    if not CODE_RE.match(code):
        raise ValidationError(
            _("“%(code)s” is not a NAICS code: use 2 to 6 digits, e.g. 325 or 562910."), params={"code": raw}
        )
    sector = find(sector_code(code))
    if sector is None:
        raise ValidationError(
            _("NAICS code %(code)s: there is no sector %(sector)s."), params={"code": code, "sector": code[:2]}
        )
    subsector = None
    if len(code) >= 3:
        subsector = find(code[:3])
        if subsector is None:
            raise ValidationError(
                _("NAICS code %(code)s: there is no subsector %(subsector)s."),
                params={"code": code, "subsector": code[:3]},
            )
    return Classified(code=code, sector=sector, subsector=subsector)


def naics_parse_list(text: str, known: dict[str, NaicsCode] | None = None) -> list[Classified]:
    """Classify a comma- or space-separated list of codes; every invalid one is reported at once."""
    codes = [part for part in re.split(r"[,;\s]+", text or "") if part]
    classified, errors = [], []
    for code in dict.fromkeys(codes):
        try:
            classified.append(naics_classify(code, known))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return classified
