"""English, as written in Canada and the United States alike: ``50,000.00``."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
