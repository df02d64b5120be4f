"""The indicators of the strategy's objectives: one small function each, registered by code.

Each function takes a ``Context`` (the snapshot's date and the year it counts in) and returns its values
for the whole Secretariat and for each breakdown it supports, keyed by ``(dimension, key)``, in a few
aggregate queries. A value of ``None`` means there is nothing to compute from ("no data"), which pages
never show as zero.

Conferences, committees and roundtables (goals 2 and 3) are counted from the roundtables app's events,
attendance and outcomes, through the shared reads of ``events.py``; support to units (1.2) from the
register's interactions of that type.
"""

from . import goal1, goal2, goal3, goal4, vision
from .registry import REGISTRY, Context, Definition, Values, definitions_for, register

__all__ = ["REGISTRY", "Context", "Definition", "Values", "definitions_for", "goal1", "goal2", "goal3", "goal4",
           "register", "vision"]  # fmt: skip
