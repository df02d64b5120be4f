"""The dashboards under the load: the full computation of every indicator and breakdown, and the overview
page served from the stored snapshot.

Targets: the computation in under 10 s of wall time, beside a bare SQL aggregation of the same counts
(the ratio is printed; the aim is within three times of it); the overview page, a 95th percentile under
100 ms of server time (no reference: the admin has no page that does what it does).
"""

import time

from django.db import connection

from .measure import Timing

# The same counts the indicators make, each as one plain aggregate, with no ORM and no breakdown filled in.
BARE_SQL = [
    # 1.1 private-sector organizations mapped, by country (headquarters or operations), pillar and sector
    """SELECT count(*), count(*) FILTER (WHERE hq_country = 'CA' OR operates_in_canada),
              count(*) FILTER (WHERE hq_country = 'MX' OR operates_in_mexico),
              count(*) FILTER (WHERE hq_country = 'US' OR operates_in_united_states),
              count(*) FILTER (WHERE hq_country = 'XX' OR operates_elsewhere),
              count(*) FILTER (WHERE (equity_owned_by OR equity_led_by OR equity_representing OR equity_serving)
                               AND (equity_indigenous OR equity_women OR equity_other <> ''))
       FROM stakeholders_organization
       WHERE category IN ('corporation', 'sme', 'industry_association', 'chamber_of_commerce', 'related_nonprofit')""",
    """SELECT p.pillar_id, count(*) FROM stakeholders_organization_pillars p
       JOIN stakeholders_organization o ON o.id = p.organization_id
       WHERE o.category IN ('corporation', 'sme', 'industry_association', 'chamber_of_commerce', 'related_nonprofit')
       GROUP BY p.pillar_id""",
    """SELECT s.sector_id, count(DISTINCT s.organization_id) FROM stakeholders_organizationsector s
       JOIN stakeholders_organization o ON o.id = s.organization_id
       WHERE o.category IN ('corporation', 'sme', 'industry_association', 'chamber_of_commerce', 'related_nonprofit')
       GROUP BY s.sector_id""",
    # 1.2: interactions of each type this year, per unit, per pillar, per country
    """SELECT kind_id, unit_id, count(*) FROM stakeholders_interaction
       WHERE occurred_on >= date_trunc('year', current_date) AND occurred_on <= current_date
       GROUP BY kind_id, unit_id""",
    """SELECT i.kind_id, p.pillar_id, count(*) FROM stakeholders_interaction_pillars p
       JOIN stakeholders_interaction i ON i.id = p.interaction_id
       WHERE i.occurred_on >= date_trunc('year', current_date) AND i.occurred_on <= current_date
       GROUP BY i.kind_id, p.pillar_id""",
    """SELECT i.kind_id, o.hq_country, count(DISTINCT io.interaction_id) FROM stakeholders_interactionorganization io
       JOIN stakeholders_interaction i ON i.id = io.interaction_id
       JOIN stakeholders_organization o ON o.id = io.organization_id
       WHERE io.occurred_on >= date_trunc('year', current_date) AND io.occurred_on <= current_date
       GROUP BY i.kind_id, o.hq_country""",
    # 2.1, 2.2, 3.1: events held this year (on their own day, where they happen), by kind: per unit and pillar,
    # and per country someone attended from; attendances per unit, country and category, and per pillar;
    # outcomes by type per unit, per pillar and per country their event was attended from
    """SELECT e.kind, e.unit_id, count(*) FROM roundtables_event e
       WHERE e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2""",
    """SELECT e.kind, p.pillar_id, count(*) FROM roundtables_event_pillars p
       JOIN roundtables_event e ON e.id = p.event_id
       WHERE e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2""",
    """SELECT e.kind, a.country, count(DISTINCT e.id) FROM roundtables_participant a
       JOIN roundtables_event e ON e.id = a.event_id
       WHERE a.status = 'attended' AND e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2""",
    """SELECT e.kind, e.unit_id, a.country, a.category, count(*) FROM roundtables_participant a
       JOIN roundtables_event e ON e.id = a.event_id
       WHERE a.status = 'attended' AND e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2, 3, 4""",
    """SELECT e.kind, p.pillar_id, count(*) FROM roundtables_participant a
       JOIN roundtables_event e ON e.id = a.event_id
       JOIN roundtables_event_pillars p ON p.event_id = e.id
       WHERE a.status = 'attended' AND e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2""",
    """SELECT e.kind, o.kind, e.unit_id, count(*) FROM roundtables_outcome o
       JOIN roundtables_event e ON e.id = o.event_id
       WHERE e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2, 3""",
    """SELECT e.kind, o.kind, p.pillar_id, count(*) FROM roundtables_outcome o
       JOIN roundtables_event e ON e.id = o.event_id
       JOIN roundtables_event_pillars p ON p.event_id = e.id
       WHERE e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2, 3""",
    """SELECT e.kind, o.kind, a.country, count(*) FROM roundtables_outcome o
       JOIN roundtables_event e ON e.id = o.event_id
       JOIN (SELECT DISTINCT event_id, country FROM roundtables_participant WHERE status = 'attended') a
         ON a.event_id = o.event_id
       WHERE e.status IN ('held', 'outcomes_recorded')
         AND (e.starts_at AT TIME ZONE e.time_zone)::date BETWEEN date_trunc('year', current_date) AND current_date
       GROUP BY 1, 2, 3""",
    # 2.1 organizations reached this year; moved from passive to active
    """SELECT count(DISTINCT organization_id) FROM stakeholders_interactionorganization
       WHERE occurred_on >= date_trunc('year', current_date) AND occurred_on <= current_date""",
    """SELECT count(DISTINCT organization_id) FROM stakeholders_levelchange
       WHERE from_level = 1 AND to_level >= 2 AND changed_on >= date_trunc('year', current_date)""",
    # vision: organizations at each rung
    "SELECT engagement_level, hq_country, count(*) FROM stakeholders_organization GROUP BY 1, 2",
    # 1.3 and 4.1: partnerships by stage, unit; resources by kind and currency
    "SELECT stage_id, unit_id, count(*) FROM partnerships_partnership GROUP BY 1, 2",
    "SELECT kind, currency, year, sum(pledged), sum(received) FROM partnerships_resource GROUP BY 1, 2, 3",
]


def _wall(function, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _bare_sql() -> None:
    with connection.cursor() as cursor:
        for statement in BARE_SQL:
            cursor.execute(statement)
            cursor.fetchall()


def dashboard_scenarios(measure, row_class) -> list:
    from django.utils import timezone

    from reports.services.snapshots import snapshot_compute, snapshot_take

    if connection.vendor != "postgresql":
        print("  not PostgreSQL: dashboard scenarios skipped")
        return []
    print("  timing the full computation of every indicator and breakdown, and its bare SQL")
    snapshot_take()  # warm-up, and the snapshot the page reads
    ours = Timing(url="compute_progress", samples_ms=_wall(lambda: snapshot_compute(as_of=timezone.localdate()), 3))
    reference = Timing(url="bare SQL aggregation", samples_ms=_wall(_bare_sql, 3))
    computation = row_class("dashboard_compute", "dashboards: compute every indicator", ours, reference)
    computation.checks.append(("< 10 s", ours.p95 < 10_000))
    computation.checks.append(("≤ 3x bare SQL (aim)", ours.p50 <= 3 * reference.p50))
    (overview,) = measure("/dashboards/")
    page = row_class("dashboard_overview", "dashboard overview, from the snapshot", overview, None)
    page.checks.append(("p95 < 100 ms", overview.p95 < 100))
    return [computation, page]
