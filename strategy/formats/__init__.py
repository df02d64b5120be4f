"""Number formats per language, read by Django through ``FORMAT_MODULE_PATH``.

Django's own ``es`` formats follow Spain (``50.000,00``); the app's Spanish is Mexico's (``50,000.00``).
Its French is Canada's: a non-breaking space groups thousands and a comma marks decimals. Only the
numbers are set here; dates and the rest fall back to Django's module for the language.
"""
