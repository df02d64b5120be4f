"""The partnership pages under the load's partnerships (one per fifty organizations: 2,000 by default).

Targets: the board, and the list filtered by unit and pillar, each with a 95th percentile under 150 ms of
server time. The reference is the plain admin changelist of partnerships with the same filters (its
ratio is printed, not held to a target).
"""

from django.db.models import Count

BOARD = "/partnerships/board/"
ADMIN = "/bench-admin/partnerships/partnership/"


def partnership_scenarios(measure, row_class) -> list:
    from partnerships.models import Partnership

    count = Partnership.objects.count()
    if not count:
        print("  no partnerships loaded: partnership pages skipped")
        return []
    through = Partnership.pillars.through
    busiest = (
        through.objects.filter(partnership__unit__isnull=False)
        .values("partnership__unit", "pillar")
        .annotate(n=Count("id"))
        .order_by("-n", "partnership__unit", "pillar")
        .first()
    )
    unit, pillar = busiest["partnership__unit"], busiest["pillar"]
    board, board_reference, listed, listed_reference = measure(
        BOARD,
        ADMIN,
        f"/partnerships/?unit={unit}&pillar={pillar}",
        f"{ADMIN}?unit__id__exact={unit}&pillars__id__exact={pillar}",
    )
    rows = [
        row_class("partnership_board", f"partnership board, {count:,} partnerships", board, board_reference),
        row_class("partnership_list", "partnership list, unit + pillar", listed, listed_reference),
    ]
    for row in rows:
        row.checks.append(("p95 < 150 ms", row.ours.p95 < 150))
    return rows
