"""Partnerships for ``manage.py generate_load``: one for every fifty organizations, spread over the stages.

Found by the command through each app's ``load`` module, so the register does not depend on this app.
Rows go in with ``bulk_create`` (a few thousand, in a few seconds), without signals or history rows.
Generated partnerships do not move the engagement ladder: the register's levels stay as the load made them.
"""

import random
import time
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from accounts.models import User
from stakeholders.models import Organization
from strategy.models import Goal, KeyPrinciple, Pillar, Unit

from .choices import (
    AFTER_SCREENING,
    CLOSING,
    PIPELINE,
    SIGNED,
    ConflictCheck,
    PartnershipType,
    Recommendation,
    Risk,
    Score,
    StageCode,
)
from .models import (
    Assessment,
    CurrencySettings,
    ExchangeRate,
    Partnership,
    PrincipleScore,
    Resource,
    StageMove,
)

LABEL = "partnerships"
ORGANIZATIONS_PER_PARTNERSHIP = 50
# Where partnerships stand: most are early in the pipeline.
STAGE_WEIGHTS = {
    StageCode.IDENTIFIED: 25,
    StageCode.SCREENING: 20,
    StageCode.DUE_DILIGENCE: 12,
    StageCode.NEGOTIATION: 10,
    StageCode.AGREEMENT_SIGNED: 8,
    StageCode.ACTIVE: 10,
    StageCode.COMPLETED: 7,
    StageCode.DECLINED: 5,
    StageCode.WITHDRAWN: 3,
}
# Yearly average rates into Canadian dollars (Bank of Canada annual averages, rounded).
RATES = {("USD", 2024): "1.3698", ("USD", 2025): "1.3974", ("USD", 2026): "1.3800",
         ("MXN", 2024): "0.0749", ("MXN", 2025): "0.0722", ("MXN", 2026): "0.0750"}  # fmt: skip
AMOUNTS = {"CAD": (5_000, 250_000), "USD": (5_000, 200_000), "MXN": (100_000, 4_000_000)}


def wanted(orgs: int) -> int:
    return max(1, orgs // ORGANIZATIONS_PER_PARTNERSHIP)


def wipe() -> None:
    Partnership.objects.all().delete()


@transaction.atomic
def ensure(stdout, *, seed: int, orgs: int) -> None:
    """Load ``wanted(orgs)`` partnerships unless exactly that many are there already."""
    count = wanted(orgs)
    if Partnership.objects.count() == count:
        stdout.write(f"  partnerships: reusing {count:,}")
        return
    wipe()
    started = time.monotonic()
    made = _generate(random.Random(seed), count)
    seconds = time.monotonic() - started
    stdout.write(f"  partnerships: {made:,} with their moves, assessments and resources in {seconds:.1f}s")


def _generate(rng: random.Random, count: int) -> int:
    bounds = Organization.objects.aggregate(low=Min("id"), high=Max("id"))
    if bounds["low"] is None:
        return 0
    staff = list(User.objects.filter(is_active=True).values_list("pk", flat=True)) or [None]
    units = list(Unit.objects.values_list("pk", flat=True))
    pillars = list(Pillar.objects.values_list("pk", flat=True))
    goals = list(Goal.objects.values_list("pk", flat=True))
    principles = list(KeyPrinciple.objects.values_list("pk", flat=True))
    stages = [stage for stage, weight in STAGE_WEIGHTS.items() for _ in range(weight)]
    kinds = list(PartnershipType.values)
    now = timezone.now()
    _rates()

    partnerships = []
    for n in range(count):
        stage = rng.choice(stages)
        partnerships.append(
            Partnership(
                title=f"{rng.choice(TOPICS)} {n + 1}",
                kind=rng.choice(kinds),
                lead_organization_id=rng.randint(bounds["low"], bounds["high"]),
                owner_id=rng.choice(staff),
                unit_id=rng.choice(units) if units else None,
                stage_id=stage,
                stage_entered_at=now - timedelta(days=rng.randint(0, 200)),
                close_reason="Not aligned with current priorities." if stage in CLOSING else "",
                created_by_id=rng.choice(staff),
            )
        )
    Partnership.objects.bulk_create(partnerships, batch_size=1000)
    _links(rng, partnerships, bounds, pillars, goals)
    _moves_and_assessments(rng, partnerships, staff, principles)
    _resources(rng, partnerships)
    return len(partnerships)


TOPICS = [
    "Youth Innovation Challenge sponsorship",
    "Circular economy pilot",
    "Food loss and waste reduction",
    "Marine litter prevention",
    "Green supply chain data sharing",
    "Clean air monitoring network",
    "Monarch butterfly habitat",
    "Sustainable materials management",
    "Emissions reporting (PRTR) training",
    "Resilient communities fund",
]


def _links(rng, partnerships, bounds, pillars, goals) -> None:
    partners, pillar_links, goal_links = [], [], []
    for p in partnerships:
        for org in {rng.randint(bounds["low"], bounds["high"]) for _ in range(rng.randint(0, 2))} - {
            p.lead_organization_id
        }:
            partners.append(Partnership.partners.through(partnership_id=p.pk, organization_id=org))
        for pillar in set(rng.sample(pillars, k=min(len(pillars), rng.randint(1, 2)))):
            pillar_links.append(Partnership.pillars.through(partnership_id=p.pk, pillar_id=pillar))
        if goals:
            goal_links.append(Partnership.goals.through(partnership_id=p.pk, goal_id=rng.choice(goals)))
    for model, rows in (
        (Partnership.partners.through, partners),
        (Partnership.pillars.through, pillar_links),
        (Partnership.goals.through, goal_links),
    ):
        model.objects.bulk_create(rows, batch_size=2000)


def _moves_and_assessments(rng, partnerships, staff, principles) -> None:
    moves, assessments = [], []
    for p in partnerships:
        path = (
            PIPELINE[: PIPELINE.index(p.stage_id) + 1] if p.stage_id in PIPELINE else [StageCode.IDENTIFIED, p.stage_id]
        )
        if p.stage_id in CLOSING:
            path = [StageCode.IDENTIFIED, StageCode.SCREENING, p.stage_id]
        when = p.stage_entered_at - timedelta(days=30 * (len(path) - 1))
        previous = None
        for stage in path:
            moved_at = p.stage_entered_at if stage == p.stage_id else when
            moves.append(
                StageMove(
                    partnership_id=p.pk,
                    from_stage_id=previous,
                    to_stage_id=stage,
                    moved_by_id=rng.choice(staff),
                    moved_at=moved_at,
                )
            )
            previous, when = stage, when + timedelta(days=30)
        if p.stage_id in AFTER_SCREENING:
            assessments.append(
                Assessment(
                    partnership_id=p.pk,
                    conflict_of_interest=ConflictCheck.NONE,
                    reputational_risk=Risk.LOW,
                    recommendation=Recommendation.PROCEED,
                    assessed_by_id=rng.choice(staff),
                    completed_at=p.stage_entered_at,
                )
            )
        if p.stage_id in SIGNED:
            p.approved_by_id, p.approved_at = rng.choice(staff), p.stage_entered_at
    StageMove.objects.bulk_create(moves, batch_size=2000)
    Assessment.objects.bulk_create(assessments, batch_size=1000)
    PrincipleScore.objects.bulk_create(
        [
            PrincipleScore(
                assessment_id=a.pk,
                principle_id=pk,
                score=rng.choice([Score.ALIGNED, Score.STRONGLY]),
                evidence="Public sustainability report.",
            )
            for a in assessments
            for pk in principles
        ],
        batch_size=2000,
    )
    Partnership.objects.bulk_update(
        [p for p in partnerships if p.stage_id in SIGNED], ["approved_by", "approved_at"], batch_size=1000
    )


def _rates() -> None:
    reporting = CurrencySettings.current().reporting_currency
    if reporting != "CAD":
        return
    for (currency, year), rate in RATES.items():
        ExchangeRate.objects.get_or_create(
            year=year, currency=currency, to_currency="CAD", defaults={"rate": Decimal(rate)}
        )


def _resources(rng, partnerships) -> None:
    resources = []
    for p in partnerships:
        for _ in range(rng.randint(0, 2)):
            currency = rng.choice(list(AMOUNTS))
            low, high = AMOUNTS[currency]
            pledged = Decimal(rng.randrange(low, high, 500))
            received = pledged if p.stage_id in (StageCode.ACTIVE, StageCode.COMPLETED) else None
            resources.append(
                Resource(
                    partnership_id=p.pk,
                    kind=rng.choice(["financial", "financial", "in_kind"]),
                    currency=currency,
                    pledged=pledged,
                    received=received,
                    year=rng.choice([2024, 2025, 2026]),
                )
            )
        if rng.random() < 0.3:
            resources.append(
                Resource(
                    partnership_id=p.pk,
                    kind=rng.choice(["expertise", "networks", "data"]),
                    description="Technical experts",
                    year=2026,
                )
            )
    Resource.objects.bulk_create(resources, batch_size=2000)
