"""The file the import scenario reads: organizations with a contact each, deterministic for the register.

Names are drawn from the real companies of ``stakeholders/data/demo-organizations.csv``, with a city and
a line of business after the name ("Acuagranjas Dos Lagos Monterrey Logística SA de CV"), each with its
own website, so they match nothing in the register nor each other. One row in ten (the 10th, 20th, ...)
is an organization already in the register, under its exact name and website, evenly spread over the
register (never one of the 100 with the longest timelines, whose pages the page scenarios time): half
of those bring a new contact, the others the organization's first contact with a phone number the
register lacks; those without an acronym get one. So every row is valid, and an import that matches by
website domain creates 9 in 10 organizations and updates the 10th.
"""

import csv
import random
from dataclasses import dataclass
from pathlib import Path

HEADER = [
    "Organization",
    "Acronym",
    "Website",
    "Country",
    "Province/State",
    "NAICS",
    "Contact name",
    "Email",
    "Phone",
    "Language",
]
MATCH_EVERY = 10
SPARED = 100  # the organizations with the most interactions: the page scenarios time the busiest one
COUNTRY_NAMES = {"CA": ["Canada", "Canada", "CA"], "MX": ["Mexico", "México", "MX"], "US": ["United States", "USA"]}
# What a Django user writes in a resource to turn the file's country into the model's code.
COUNTRY_CODES = {name: code for code, names in COUNTRY_NAMES.items() for name in names}
TLD = {"CA": "ca", "MX": "com.mx", "US": "com"}
PHONE = {"CA": "+1 {a} 555 {b:04d}", "MX": "+52 {a} 5555 {b:04d}", "US": "+1 {a} 555 {b:04d}"}
AREA = {"CA": ["416", "514", "604", "403", "613"], "MX": ["55", "81", "33", "222"], "US": ["212", "713", "312", "206"]}
LANGUAGES = {"CA": ["English", "English", "French", "Français"], "MX": ["Spanish", "Español"], "US": ["English"]}
CITIES = {
    "CA": [
        "Calgary",
        "Edmonton",
        "Halifax",
        "Winnipeg",
        "Regina",
        "Saskatoon",
        "Québec",
        "Montréal",
        "Laval",
        "Hamilton",
        "Victoria",
        "Kelowna",
        "Moncton",
        "Sherbrooke",
        "Sudbury",
    ],
    "MX": [
        "Monterrey",
        "Guadalajara",
        "Puebla",
        "Querétaro",
        "Toluca",
        "León",
        "Saltillo",
        "Mérida",
        "Tijuana",
        "Hermosillo",
        "Chihuahua",
        "Veracruz",
        "Oaxaca",
        "Morelia",
        "Torreón",
    ],
    "US": [
        "Houston",
        "Denver",
        "Phoenix",
        "Atlanta",
        "Portland",
        "Seattle",
        "Boston",
        "Chicago",
        "Tulsa",
        "Omaha",
        "Austin",
        "Raleigh",
        "Tampa",
        "Detroit",
        "Buffalo",
    ],
}
BUSINESS = {
    "MX": ["", "Logística", "Servicios", "Energía", "Comercial", "Manufactura", "Ambiental", "Distribución"],
    "CA": ["", "Logistics", "Services", "Energy", "Trading", "Manufacturing", "Environmental", "Distribution"],
    "US": ["", "Logistics", "Services", "Energy", "Trading", "Manufacturing", "Environmental", "Distribution"],
}
FIRST = {
    "es": ["Ana", "Luis", "Sofía", "Carlos", "Diego", "Mariana", "José", "Lucía", "Fernanda", "Jorge"],
    "fr": ["Marie", "Jean", "Chloé", "Louis", "Camille", "Étienne", "Julie", "Mathieu", "Léa"],
    "en": ["Emily", "James", "Aisha", "Noah", "Olivia", "Liam", "Sarah", "David", "Grace", "Priya"],
}
LAST = {
    "es": ["García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Pérez", "Sánchez"],
    "fr": ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie"],
    "en": ["Smith", "Johnson", "Nguyen", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson"],
}


@dataclass
class ImportFile:
    path: Path
    rows: int
    matched: int  # rows naming an organization of the register
    size: int  # bytes

    @property
    def new(self) -> int:
        return self.rows - self.matched

    def as_dict(self) -> dict:
        return {"rows": self.rows, "matching_the_register": self.matched, "bytes": self.size}


def write_import_file(path: Path, rows: int, seed: int = 1) -> ImportFile:
    """Write ``rows`` rows to ``path`` (UTF-8 CSV); the same register and seed give the same bytes."""
    from stakeholders.models import Contact, NaicsCode, Organization, OrganizationSector, Region
    from stakeholders.normalize import fold, name_key, website_domain
    from stakeholders.reference_data import DATA
    from stakeholders.services.naics import sector_code

    rng = random.Random(seed)
    with open(DATA / "demo-organizations.csv", encoding="utf-8", newline="") as handle:
        bases = [row for row in csv.DictReader(handle) if row["country"] in TLD]
    codes = set(NaicsCode.objects.values_list("code", flat=True))
    industries = sorted(
        code
        for code in NaicsCode.objects.filter(level__gte=4).values_list("code", flat=True)
        if sector_code(code) in codes and code[:3] in codes
    )
    regions = {
        (country, code): (code, en, fr, es)
        for country, code, en, fr, es in Region.objects.values_list("country", "code", "name_en", "name_fr", "name_es")
    }
    region_by_id = dict(Region.objects.values_list("pk", "code"))

    # What the register already holds, so that the new rows match none of it.
    taken_keys, taken_domains, taken_acronyms = set(), set(), set()
    for key, domain, acronym in Organization.objects.values_list("name_key", "website_domain", "acronym").iterator(
        chunk_size=10_000
    ):
        taken_keys.add(key)
        taken_domains.add(domain)
        taken_acronyms.add(acronym.upper())

    matched = _register_rows(rows // MATCH_EVERY)
    organization_ids = [org["id"] for org in matched]
    sectors = dict(
        OrganizationSector.objects.filter(organization_id__in=organization_ids)
        .order_by("organization_id", "-id")
        .values_list("organization_id", "code")
    )
    contacts = {}
    for organization_id, full_name, email in (
        Contact.objects.filter(organization_id__in=organization_ids)
        .exclude(email="")
        .order_by("organization_id", "-id")
        .values_list("organization_id", "full_name", "email")
    ):
        contacts[organization_id] = (full_name, email)  # the lowest id wins: ordered by -id

    def region_name(country: str, code: str | None) -> str:
        names = regions.get((country, code))
        if names is None:
            return ""
        code, en, fr, es = names
        if rng.random() < 0.15:
            return code
        return es if country == "MX" else fr if code == "QC" else en

    def acronym_of(words: str) -> str:
        """The initials, or the initials and a digit when another organization has them; unique."""
        initials = "".join(word[0] for word in words.split() if word[:1].isalpha()).upper()[:5]
        if len(initials) < 2:
            return ""
        for acronym in (initials, *(f"{initials}{digit}" for digit in range(2, 10))):
            if acronym not in taken_acronyms:
                taken_acronyms.add(acronym)
                return acronym
        return ""

    def person(country: str, domain: str) -> tuple[str, str, str]:
        language = rng.choice(LANGUAGES[country])
        kind = {"English": "en", "French": "fr", "Français": "fr"}.get(language, "es")
        full_name = f"{rng.choice(FIRST[kind])} {rng.choice(LAST[kind])}"
        return full_name, f"{fold(full_name).replace(' ', '.')}@{domain}", language

    def phone(country: str) -> str:
        return PHONE[country].format(a=rng.choice(AREA[country]), b=rng.randrange(10_000))

    new_count = 0
    register = iter(matched)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            if index % MATCH_EVERY == MATCH_EVERY - 1:
                org = next(register)
                country = org["hq_country"]
                acronym = org["acronym"] or (
                    acronym_of(_stem(org["name"], fold, name_key)[0]) if index % 20 == 19 else ""
                )
                if org["id"] in contacts and index % 20 == 9:
                    full_name, email = contacts[org["id"]]  # the register's contact, with a phone number now
                    language = rng.choice(LANGUAGES[country])
                else:
                    full_name, email, language = person(country, org["website_domain"])
                code = sectors.get(org["id"], "")
                region = region_name(country, region_by_id.get(org["hq_region_id"]))
                writer.writerow(
                    [
                        org["name"],
                        acronym,
                        org["website"],
                        rng.choice(COUNTRY_NAMES[country]),
                        region,
                        code,
                        full_name,
                        email,
                        phone(country),
                        language,
                    ]
                )
                continue
            base = bases[new_count % len(bases)]
            round_ = new_count // len(bases)
            new_count += 1
            country = base["country"]
            cities, business = CITIES[country], BUSINESS[country]
            city = cities[round_ % len(cities)]
            line = business[(round_ // len(cities)) % len(business)]
            number = round_ // (len(cities) * len(business)) + 1
            stem, form = _stem(base["name"], fold, name_key)
            words = " ".join(part for part in (stem, city, line, str(number) if number > 1 else "") if part)
            name = f"{words} {form}".strip()
            while name_key(name) in taken_keys:
                number += 1
                words = " ".join(part for part in (stem, city, line, str(number)) if part)
                name = f"{words} {form}".strip()
            taken_keys.add(name_key(name))
            slug = fold(f"{stem} {city}").replace(" ", "")[:18] + fold(line).replace(" ", "")[:4]
            domain, suffix = f"{slug}.{TLD[country]}", 1
            while website_domain(domain) in taken_domains:
                suffix += 1
                domain = f"{slug}{suffix}.{TLD[country]}"
            taken_domains.add(domain)
            naics = base["naics"]
            if sector_code(naics) not in codes or naics[:3] not in codes:
                naics = rng.choice(industries)  # the file's US companies have no code
            if rng.random() < 0.1:
                naics = f"{naics}, {rng.choice(industries)}"
            full_name, email, language = person(country, domain)
            writer.writerow(
                [
                    name,
                    acronym_of(f"{stem} {city}") if rng.random() < 0.15 else "",
                    f"www.{domain}" if rng.random() < 0.8 else f"https://www.{domain}/",
                    rng.choice(COUNTRY_NAMES[country]),
                    region_name(country, base["region"]),
                    naics,
                    full_name,
                    email,
                    phone(country),
                    language,
                ]
            )
    return ImportFile(path=path, rows=rows, matched=len(matched), size=path.stat().st_size)


def _register_rows(count: int) -> list[dict]:
    """``count`` organizations of the register that have a website, evenly spread by id, leaving out the
    SPARED busiest (the page scenarios' organization page shows the busiest one)."""
    from django.db.models import Count

    from stakeholders.models import InteractionOrganization, Organization

    if count == 0:
        return []
    busiest = (
        InteractionOrganization.objects.values("organization")
        .annotate(count=Count("id"))
        .order_by("-count", "organization")
        .values_list("organization", flat=True)[:SPARED]
    )
    candidates = (
        Organization.objects.exclude(website_domain="")
        .exclude(id__in=list(busiest))
        .order_by("id")
        .values("id", "name", "acronym", "website", "website_domain", "hq_country", "hq_region_id")
    )
    total = candidates.count()
    if total < count:
        from .measure import BenchError

        raise BenchError(
            f"the register has {total:,} organizations with a website to match; a file of {count * 10:,} rows "
            "needs a tenth of that: lower BENCH_IMPORT_ROWS"
        )
    step = total // count
    return list(candidates[: step * count])[::step][:count]


def _stem(name: str, fold, name_key) -> tuple[str, str]:
    """A company name split into its distinctive words and its legal form, as generate_load does."""
    words = name_key(name).split()
    tokens = name.split()
    if 0 < len(words) < len(tokens) and fold(" ".join(tokens[: len(words)])) == " ".join(words):
        return " ".join(tokens[: len(words)]), " ".join(tokens[len(words) :])
    return name, ""
