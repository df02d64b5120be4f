"""Where each province, territory and state sits on the tile map: (column, row), roughly as on a map of
North America, Canada above the United States above Mexico. Tiles rather than borders: the app carries
no geometry of the three countries' provinces and states, and equal tiles let every region show its
numbers, however small the region."""

COLUMNS = 13
ROWS = 16

TILES = {
    "CA": {
        "YT": (1, 0), "NT": (2, 0), "NU": (4, 0),
        "BC": (1, 1), "AB": (2, 1), "SK": (3, 1), "MB": (5, 1), "ON": (7, 1), "QC": (9, 1), "NL": (11, 1),
        "NB": (10, 2), "PE": (11, 2), "NS": (12, 2),
    },
    "US": {
        "AK": (0, 3), "ME": (11, 3),
        "VT": (10, 4), "NH": (11, 4),
        "WA": (1, 5), "ID": (2, 5), "MT": (3, 5), "ND": (4, 5), "MN": (5, 5), "IL": (6, 5), "WI": (7, 5),
        "MI": (8, 5), "NY": (9, 5), "RI": (10, 5), "MA": (11, 5),
        "OR": (1, 6), "NV": (2, 6), "WY": (3, 6), "SD": (4, 6), "IA": (5, 6), "IN": (6, 6), "OH": (7, 6),
        "PA": (8, 6), "NJ": (9, 6), "CT": (10, 6),
        "CA": (1, 7), "UT": (2, 7), "CO": (3, 7), "NE": (4, 7), "MO": (5, 7), "KY": (6, 7), "WV": (7, 7),
        "VA": (8, 7), "MD": (9, 7), "DE": (10, 7),
        "AZ": (2, 8), "NM": (3, 8), "KS": (4, 8), "AR": (5, 8), "TN": (6, 8), "NC": (7, 8), "SC": (8, 8),
        "DC": (9, 8),
        "OK": (4, 9), "LA": (5, 9), "MS": (6, 9), "AL": (7, 9), "GA": (8, 9),
        "HI": (0, 10), "TX": (4, 10), "FL": (9, 10),
    },
    "MX": {
        "BCN": (1, 11), "SON": (2, 11), "CHH": (3, 11), "COA": (4, 11), "NLE": (5, 11), "TAM": (6, 11),
        "BCS": (1, 12), "SIN": (2, 12), "DUR": (3, 12), "ZAC": (4, 12), "SLP": (5, 12),
        "NAY": (3, 13), "AGU": (4, 13), "GUA": (5, 13), "QUE": (6, 13), "HID": (7, 13), "VER": (8, 13),
        "JAL": (3, 14), "MIC": (4, 14), "MEX": (5, 14), "CMX": (6, 14), "TLA": (7, 14), "PUE": (8, 14),
        "TAB": (9, 14), "CAM": (10, 14), "YUC": (11, 14),
        "COL": (3, 15), "GRO": (5, 15), "MOR": (6, 15), "OAX": (7, 15), "CHP": (9, 15), "ROO": (11, 15),
    },
}  # fmt: skip


def tile_position(country: str, code: str) -> tuple[int, int] | None:
    """The tile of a region, or None for a region the map does not place."""
    return TILES.get(country, {}).get(code)
