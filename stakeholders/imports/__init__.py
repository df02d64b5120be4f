"""Importing stakeholder lists: reading files, suggesting column mappings, checking and matching rows.

The writes themselves are in ``stakeholders.services.imports``.
"""
