"""Canadian French: ``50 000,00`` with a non-breaking space between thousands."""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
