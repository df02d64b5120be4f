"""The page of an event with 300 participants and its balance panel (the load's first event).

Target: a 95th percentile under 150 ms of server time. The reference is the plain admin changelist of
that event's participants (printed beside it, not held to a target).
"""

from django.db.models import Count

ADMIN = "/bench-admin/roundtables/participant/"


def roundtable_scenarios(measure, row_class) -> list:
    from roundtables.models import Event

    largest = Event.objects.annotate(n=Count("participants")).order_by("-n", "pk").first()
    if largest is None:
        print("  no events loaded: event page skipped")
        return []
    ours, reference = measure(largest.get_absolute_url(), f"{ADMIN}?event__id__exact={largest.pk}")
    row = row_class("event_page", f"event page, {largest.n:,} participants, with its balance", ours, reference)
    row.checks.append(("p95 < 150 ms", row.ours.p95 < 150))
    return [row]
