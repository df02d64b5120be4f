"""Demo partnerships for ``seed_demo``: a handful at different stages, made through the services."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.choices import Role
from stakeholders.models import Organization
from strategy.models import Initiative, KeyPrinciple, Pillar

from .choices import ConflictCheck, PartnershipType, Recommendation, Risk, Score, StageCode
from .load import RATES
from .models import ExchangeRate, Partnership, Resource
from .services.assessments import assessment_save
from .services.pipeline import partnership_approve, partnership_move, partnership_save

# title, lead organization (acronym or name start), type, stage, (currency, pledged) or None
DEMO = [
    (
        "Youth Innovation Challenge 2027 sponsorship",
        "NASCO",
        PartnershipType.SPONSORSHIP,
        StageCode.ACTIVE,
        ("USD", 50_000),
    ),
    ("Chemical management data-sharing pilot", "CIAC", PartnershipType.KNOWLEDGE, StageCode.AGREEMENT_SIGNED, None),
    ("Circular economy roundtable series", "CONCAMIN", PartnershipType.MOU, StageCode.NEGOTIATION, ("MXN", 750_000)),
    ("Cleaner production training for SMEs", "UNAM", PartnershipType.IN_KIND, StageCode.DUE_DILIGENCE, None),
    ("Marine litter prevention campaign", "WEF", PartnershipType.FUNDING, StageCode.SCREENING, ("CAD", 120_000)),
    ("PRTR reporting support network", None, PartnershipType.KNOWLEDGE, StageCode.IDENTIFIED, None),
]


def _assess(partnership, by) -> None:
    assessment_save(
        partnership=partnership,
        by=by,
        fields={
            "conflict_of_interest": ConflictCheck.NONE,
            "conflict_notes": "",
            "reputational_risk": Risk.LOW,
            "reputational_notes": "Sustainability reports and press reviewed.",
            "recommendation": Recommendation.PROCEED,
            "recommendation_notes": "",
        },
        scores={
            p.pk: (Score.ALIGNED, "Documented in the partner's public reports.") for p in KeyPrinciple.objects.all()
        },
        complete=True,
    )


@transaction.atomic
def seed_demo_partnerships(people) -> int:
    """Create the demo partnerships once; returns how many were added."""
    if Partnership.objects.filter(title=DEMO[0][0]).exists():
        return 0
    staff = next((p for p in people if p.role == Role.STAFF), people[0])
    lead = next((p for p in people if p.has_perm("partnerships.approve_partnership")), staff)
    for (currency, year), rate in RATES.items():
        ExchangeRate.objects.get_or_create(
            year=year, currency=currency, to_currency="CAD", defaults={"rate": Decimal(rate)}
        )
    fallback = Organization.objects.filter(category="corporation").order_by("pk")
    yic = Initiative.objects.filter(code__icontains="yic").first()
    pillars = list(Pillar.objects.all()[:2])
    added = 0
    for index, (title, acronym, kind, stage, money) in enumerate(DEMO):
        organization = Organization.objects.filter(acronym=acronym).first() if acronym else None
        if organization is None and fallback.exists():
            organization = fallback[index % fallback.count()]
        if organization is None:
            continue
        partnership = partnership_save(
            partnership=Partnership(
                title=title,
                kind=kind,
                lead_organization=organization,
                owner=staff,
                unit=getattr(staff, "unit", None),
                next_step="Call with the partner's sustainability lead",
                next_step_due=timezone.localdate() + timezone.timedelta(days=7 + index),
            ),
            by=staff,
            many_to_many={"pillars": pillars, "initiatives": [yic] if yic and index == 0 else []},
        )
        added += 1
        if money:
            currency, amount = money
            Resource.objects.create(
                partnership=partnership, kind="financial", currency=currency, pledged=Decimal(amount), year=2026
            )
        path = [
            StageCode.SCREENING,
            StageCode.DUE_DILIGENCE,
            StageCode.NEGOTIATION,
            StageCode.AGREEMENT_SIGNED,
            StageCode.ACTIVE,
        ]
        for step in path[: path.index(stage) + 1] if stage in path else []:
            if step == StageCode.DUE_DILIGENCE:
                _assess(partnership, staff)
            if step == StageCode.AGREEMENT_SIGNED:
                partnership_approve(partnership=partnership, by=lead, note="Within the unit's plan for the year.")
            partnership_move(
                partnership=partnership,
                to_stage=step,
                by=lead if step in (StageCode.AGREEMENT_SIGNED, StageCode.ACTIVE) else staff,
            )
    return added
