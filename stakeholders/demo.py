"""A demo register for `make run`: real companies from the public registries the CEC supports
(Mexico's RETC, Canada's GHGRP, the US TRI), a few of the associations the strategy names, contacts,
a year of interactions logged through the same service staff use, and follow-ups."""

import csv
import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from strategy.models import Pillar, Unit

from .choices import Category
from .models import InteractionType, Organization, Region
from .normalize import fold
from .reference_data import DATA
from .services.contacts import contact_save
from .services.interactions import interaction_log
from .services.naics import naics_classify
from .services.organizations import organization_save

# Organizations section 2 of the strategy names as private sector (industry associations, chambers,
# related not-for-profits), with one government and one academic partner for roundtables.
NAMED = [
    ("North American Strategy for Competitiveness", "NASCO", Category.RELATED_NONPROFIT, "US", "TX"),
    ("World Economic Forum", "WEF", Category.RELATED_NONPROFIT, "XX", ""),
    (
        "Confederación de Cámaras Industriales de los Estados Unidos Mexicanos",
        "CONCAMIN",
        Category.CHAMBER_OF_COMMERCE,
        "MX",
        "CMX",
    ),
    ("Chemistry Industry Association of Canada", "CIAC", Category.INDUSTRY_ASSOCIATION, "CA", "ON"),
    ("Environment and Climate Change Canada", "ECCC", Category.GOVERNMENT, "CA", "QC"),
    ("Universidad Nacional Autónoma de México", "UNAM", Category.ACADEMIA, "MX", "CMX"),
]
FIRST = ["Ana", "Luis", "Marie", "Jean", "Sofía", "Carlos", "Emily", "James", "Chloé", "Diego", "Aisha", "Noah"]
LAST = ["García", "Tremblay", "Smith", "Hernández", "Gagnon", "Johnson", "López", "Roy", "Martínez", "Nguyen"]
SUMMARIES = [
    "Introduced the CEC's work on {pillar} and shared the latest report.",
    "Discussed barriers to adopting cleaner technologies and possible pilot projects.",
    "Exchanged on data the company reports and how it could feed North American analyses.",
    "Explored sponsorship of the Youth Innovation Challenge.",
    "Followed up on the roundtable and agreed on next steps.",
]


def _region(country: str, code: str) -> Region | None:
    return Region.objects.filter(country=country, code=code).first() if code else None


def _organization(name, acronym, category, country, region_code, naics, owner) -> tuple[Organization, bool]:
    existing = Organization.objects.filter(name=name).first()
    if existing:
        return existing, False
    organization = Organization(
        name=name,
        acronym=acronym,
        category=category,
        hq_country=country,
        hq_region=_region(country, region_code),
        owner=owner,
        operates_in_canada=country == "CA",
        operates_in_mexico=country == "MX",
        operates_in_united_states=country == "US",
        operates_elsewhere=country == "XX",
    )
    sectors = []
    if naics:
        try:
            sectors = [naics_classify(naics)]
        except Exception:  # noqa: BLE001 - a code the reference data lacks is left out of the demo
            sectors = []
    return organization_save(organization=organization, sectors=sectors), True


@transaction.atomic
def seed_demo_register(people: list[User], *, seed: int = 7) -> int:
    """Load the demo register once; returns how many organizations were added (0 when already there)."""
    rng = random.Random(seed)
    today = timezone.localdate()
    staff = [p for p in people if p.has_perm("stakeholders.add_interaction")] or people
    kinds = list(InteractionType.objects.all())
    pillars = list(Pillar.objects.all())
    units = list(Unit.objects.all())
    rows = [(name, acronym, category, country, region, "") for name, acronym, category, country, region in NAMED]
    with open(DATA / "demo-organizations.csv", encoding="utf-8") as handle:
        rows += [
            (row["name"], "", Category.CORPORATION, row["country"], row["region"], row["naics"])
            for row in csv.DictReader(handle)
        ]
    added = 0
    for index, (name, acronym, category, country, region, naics) in enumerate(rows):
        owner = staff[index % len(staff)]
        organization, created = _organization(name, acronym, category, country, region, naics, owner)
        if not created:
            continue
        added += 1
        organization.pillars.set(rng.sample(pillars, k=rng.randint(1, 2)))
        contacts = []
        for _ in range(rng.randint(0, 2)):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            contacts.append(contact_save(contact=_contact(organization, f"{first} {last}", rng, today)))
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            pillar = rng.choice(pillars)
            interaction_log(
                kind=rng.choice(kinds),
                occurred_on=today - timedelta(days=rng.randint(0, 540)),
                organizations=[organization],
                contacts=contacts[:1],
                staff=[owner],
                unit=rng.choice(units),
                pillars=[pillar],
                summary=rng.choice(SUMMARIES).format(pillar=pillar.name_en),
                by=owner,
                followups=[
                    {
                        "description": "Send the meeting notes and the relevant CEC report",
                        "owner": owner,
                        "due_on": today + timedelta(days=rng.randint(-10, 30)),
                    }
                ]
                if rng.random() < 0.15
                else [],
            )
    return added


def _contact(organization, full_name, rng, today):
    from .models import Contact

    consent = rng.random() < 0.7
    domain = organization.website_domain or "example.org"
    return Contact(
        organization=organization,
        full_name=full_name,
        email=f"{fold(full_name).replace(' ', '.')}.{organization.pk}@{domain}",
        preferred_language={"MX": "es", "CA": rng.choice(["en", "fr"]), "US": "en"}.get(organization.hq_country, "en"),
        country=organization.hq_country if organization.hq_country != "XX" else "",
        consent_given=consent,
        consent_date=today - timedelta(days=rng.randint(30, 700)) if consent else None,
        consent_source="CEC event registration" if consent else "",
    )
