"""Mexican Spanish: ``50,000.00``, as in es-MX, not Spain's ``50.000,00``."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
