"""``manage.py generate_load``: a large register for benchmarks, deterministic for a seed, loaded fast.

Organizations (names built from the real companies of ``data/demo-organizations.csv``), one NAICS code
and a few pillars each, about 1.5 contacts per organization, interactions with one to three
organizations each over the past three years (the first organizations get about 2,000 each, so there is
a long timeline to page through), follow-ups on about 5% of them, each organization's engagement level
and one level change per engaged organization. Apps built on the register add their own records in
proportion through their ``load`` modules (partnerships: one per fifty organizations).

Rows go in with COPY on PostgreSQL and batched INSERTs elsewhere, never one ORM save per row: no
signals and no history rows. The derived columns are filled the way the services fill them
(``organization_refresh_keys``, ``contact_save``, ``engagement_recompute``). A marker tag names the seed
and the sizes; a later run that asks for no more than that, with the same seed, reuses the data.
Dates count back from today, so the data are the same for a seed on a given day.
"""

import csv
import importlib
import io
import random
import time
from bisect import bisect_right
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.choices import Role
from accounts.models import User
from strategy.models import Pillar, Unit

from ...bulk import copy_text
from ...choices import Category, ChangeReason, Mode
from ...models import (
    Contact,
    FollowUp,
    Interaction,
    InteractionOrganization,
    InteractionType,
    LadderSettings,
    LevelChange,
    NaicsCode,
    Organization,
    OrganizationSector,
    Region,
    Tag,
)
from ...normalize import fold, name_key
from ...reference_data import DATA
from ...services.engagement import window_start
from ...services.naics import sector_code
from ...services.organizations import organization_refresh_keys

MARKER_PREFIX = "generate_load:"
STAFF_COUNT = 50
STAFF_EMAIL = "load-staff-{:02d}@generate-load.invalid"
UNUSABLE_PASSWORD = "!generate_load"  # noqa: S105 - "!" starts an unusable password: nobody signs in with it
HEAVY_ORGANIZATIONS = 20
HEAVY_INTERACTIONS = 2_000
DAYS = 3 * 365
CHUNK = 50_000
REFERENCE_MODELS = {NaicsCode, Region, InteractionType, LadderSettings, Tag}

CATEGORIES = [
    (Category.CORPORATION, 40),
    (Category.SME, 20),
    (Category.INDUSTRY_ASSOCIATION, 8),
    (Category.CHAMBER_OF_COMMERCE, 5),
    (Category.RELATED_NONPROFIT, 5),
    (Category.GOVERNMENT, 7),
    (Category.ACADEMIA, 6),
    (Category.NGO, 6),
    (Category.INDIGENOUS, 2),
    (Category.INTERGOVERNMENTAL, 1),
]
# Name patterns for the variants of each real company name, in the language of its country.
PATTERNS_ES = [
    "Grupo {}",
    "{} Norte",
    "{} del Pacífico",
    "{} del Golfo",
    "{} Bajío",
    "Grupo {} Industrial",
    "{} Energía",
    "{} Servicios",
    "{} Logística",
    "{} Ambiental",
    "Corporativo {}",
    "{} Internacional",
    "{} de Occidente",
    "{} del Sureste",
    "Grupo {} Holding",
    "{} Reciclaje",
    "{} Agua",
    "{} Minería",
    "{} Renovables",
    "{} Tecnología",
]
PATTERNS_EN = [
    "{} Holdings",
    "{} Pacific",
    "{} Atlantic",
    "{} Prairie",
    "{} Great Lakes",
    "{} Energy",
    "{} Services",
    "{} Logistics",
    "{} Environmental",
    "{} Industries",
    "{} International",
    "{} North America",
    "{} Renewables",
    "{} Water",
    "{} Mining",
    "{} Technologies",
    "{} Recycling",
    "{} Gulf Coast",
    "{} Midwest",
    "{} Énergie",
]
TLD = {"CA": "ca", "MX": "com.mx", "US": "com"}
FIRST = {
    "es": ["Ana", "Luis", "Sofía", "Carlos", "Diego", "Mariana", "José", "Lucía", "Fernanda", "Jorge", "Valeria"],
    "fr": ["Marie", "Jean", "Chloé", "Louis", "Camille", "Étienne", "Julie", "Mathieu", "Léa", "François"],
    "en": ["Emily", "James", "Aisha", "Noah", "Olivia", "Liam", "Sarah", "David", "Grace", "Ethan", "Priya"],
}
LAST = {
    "es": ["García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez"],
    "fr": ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Bélanger"],
    "en": ["Smith", "Johnson", "Nguyen", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor"],
}
TITLES = [
    "Director of Sustainability",
    "Environmental Manager",
    "Chief Executive Officer",
    "Government Relations Lead",
    "Plant Manager",
    "Coordinador de Medio Ambiente",
    "Directora de Sustentabilidad",
    "Responsable des affaires publiques",
    "",
]
CERTIFICATIONS = ["ISO 14001", "ISO 14001, ISO 50001", "ISO 50001", "B Corp", "Industria Limpia (PROFEPA)", "LEED"]
SUMMARIES = [
    "Introduced the CEC's work and shared the latest report.",
    "Discussed barriers to adopting cleaner technologies and possible pilot projects.",
    "Exchanged on the data the company reports to the PRTR and how it could feed North American analyses.",
    "Explored sponsorship of the Youth Innovation Challenge.",
    "Followed up on the roundtable and agreed on next steps.",
    "Presented the Strategic Plan pillars and areas of relevance for private sector engagement.",
    "Reviewed a draft partnership proposal against the key principles.",
    "Shared lessons learned on circular economy initiatives in the supply chain.",
    "Webinar on resilient economies and ecosystems; questions on funding.",
    "Call about joining the next multi-stakeholder roundtable on plastics.",
]
OUTCOMES = [
    "Agreed to share data for the next report.",
    "Interested in a formal partnership.",
    "Will circulate the survey to members.",
    "No further action for now.",
]
FOLLOWUPS = [
    "Send the meeting notes and the relevant CEC report",
    "Schedule a call with the program unit",
    "Share the partnership screening checklist",
    "Invite to the next roundtable",
]
ORGANIZATION_COLUMNS = [
    "id",
    "name",
    "acronym",
    "other_names",
    "category",
    "description",
    "website",
    "hq_country",
    "hq_region_id",
    "operates_in_canada",
    "operates_in_mexico",
    "operates_in_united_states",
    "operates_elsewhere",
    "equity_owned_by",
    "equity_led_by",
    "equity_representing",
    "equity_serving",
    "equity_indigenous",
    "equity_women",
    "equity_other",
    "certifications",
    "public_commitments",
    "environmental_notes",
    "owner_id",
    "engagement_level",
    "name_key",
    "search_key",
    "website_domain",
    "created_at",
    "updated_at",
    "version",
]


class Writer:
    """Inserts rows into a model's table: COPY on PostgreSQL, batched INSERTs on other databases."""

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def write(self, model, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        fields = [model._meta.get_field(name) for name in columns]
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        with connection.cursor() as cursor:
            if self.copy:
                cursor.copy_expert(f"COPY {table} ({names}) FROM STDIN", io.StringIO(copy_text(rows, len(fields))))
            else:
                placeholders = ", ".join(["%s"] * len(fields))
                sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - our own names
                prepared = [
                    [field.get_db_prep_save(value, connection) for field, value in zip(fields, row, strict=True)]
                    for row in rows
                ]
                for start in range(0, len(prepared), 5_000):
                    cursor.executemany(sql, prepared[start : start + 5_000])


def _next_id(model) -> int:
    return (model.objects.aggregate(last=Max("id"))["last"] or 0) + 1


def _stem(name: str) -> tuple[str, str]:
    """Split a company name into its distinctive words and its legal form: ("Acuagranjas Dos Lagos", "SA de CV")."""
    words = name_key(name).split()
    tokens = name.split()
    if 0 < len(words) < len(tokens) and fold(" ".join(tokens[: len(words)])) == " ".join(words):
        return " ".join(tokens[: len(words)]), " ".join(tokens[len(words) :])
    return name, ""


def load_extensions() -> list:
    """The ``load`` modules of the project's other apps (partnerships, ...), which add their own records
    in proportion to the register: each has ``ensure(stdout, seed=, orgs=)`` and ``wipe()``. Found by name,
    so the register does not depend on the apps built on it."""
    found = []
    for config in apps.get_app_configs():
        if not config.path.startswith(str(settings.BASE_DIR)) or config.label == "stakeholders":
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.load"))
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.load":
                raise
    return found


def _table(weighted) -> list:
    """A list to draw from with ``rng.choice``, each item repeated by its weight."""
    return [item for item, weight in weighted for _ in range(weight)]


class Command(BaseCommand):
    help = "Fill the database with a large register for benchmarks (deterministic for a seed; reused when loaded)."

    def add_arguments(self, parser):
        parser.add_argument("--orgs", type=int, default=100_000, help="organizations (default 100,000)")
        parser.add_argument("--interactions", type=int, default=1_000_000, help="interactions (default 1,000,000)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="when an earlier run loaded other sizes or another seed, delete its register first",
        )

    def handle(self, *args, orgs: int, interactions: int, seed: int, replace: bool, **options):
        if orgs < 1 or interactions < 0:
            raise CommandError("--orgs must be at least 1 and --interactions at least 0.")
        started = time.monotonic()
        markers = list(Tag.objects.filter(name__startswith=MARKER_PREFIX).values_list("name", flat=True))
        if self._covered(markers, seed, orgs, interactions):
            self.stdout.write(
                f"Reusing the register already loaded ({markers[0]}): "
                f"{Organization.objects.count():,} organizations, {Interaction.objects.count():,} interactions."
            )
            for extension in load_extensions():
                extension.ensure(self.stdout, seed=seed, orgs=orgs)
            return
        if markers and not replace:
            raise CommandError(
                f"The database holds another load ({', '.join(markers)}); run again with --replace to delete it."
            )
        with transaction.atomic():
            if markers:
                for extension in load_extensions():
                    extension.wipe()
                self._wipe()
            LoadGenerator(self.stdout, seed=seed, orgs=orgs, interactions=interactions).run()
            for extension in load_extensions():
                extension.ensure(self.stdout, seed=seed, orgs=orgs)
            Tag.objects.create(name=f"{MARKER_PREFIX}seed={seed}:orgs={orgs}:interactions={interactions}")
        if connection.vendor == "postgresql":
            # Fresh statistics for the planner; VACUUM too (visibility map for index-only scans) unless
            # a transaction is still open around the command, as in a test.
            statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            step = time.monotonic()
            with connection.cursor() as cursor:
                cursor.execute(statement)
            self.stdout.write(f"  {statement}: {time.monotonic() - step:.1f}s")
        self.stdout.write(self.style.SUCCESS(f"Loaded in {time.monotonic() - started:.1f}s."))

    def _covered(self, markers: list[str], seed: int, orgs: int, interactions: int) -> bool:
        for marker in markers:
            try:
                values = dict(part.split("=") for part in marker.removeprefix(MARKER_PREFIX).split(":"))
                covered = (
                    int(values["seed"]) == seed
                    and int(values["orgs"]) >= orgs
                    and int(values["interactions"]) >= interactions
                )
            except (KeyError, ValueError):
                continue
            if covered:
                return Organization.objects.count() >= orgs and Interaction.objects.count() >= interactions
        return False

    def _wipe(self) -> None:
        """Delete the register (not its reference data) and the marker tags, restarting the ids."""
        step = time.monotonic()
        models = [
            model
            for model in apps.get_app_config("stakeholders").get_models(include_auto_created=True)
            if model not in REFERENCE_MODELS
        ]
        tables = [model._meta.db_table for model in models]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                names = ", ".join(connection.ops.quote_name(table) for table in tables)
                cursor.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            else:
                for table in tables:
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our table names
                if connection.vendor == "sqlite":
                    placeholders = ", ".join(["%s"] * len(tables))
                    cursor.execute(f"DELETE FROM sqlite_sequence WHERE name IN ({placeholders})", tables)  # noqa: S608
        Tag.objects.filter(name__startswith=MARKER_PREFIX).delete()
        self.stdout.write(f"  deleted the earlier load: {time.monotonic() - step:.1f}s")


class LoadGenerator:
    def __init__(self, stdout, *, seed: int, orgs: int, interactions: int):
        self.stdout = stdout
        self.rng = random.Random(seed)
        self.orgs = orgs
        self.interactions = interactions
        self.writer = Writer()
        self.today = timezone.localdate()
        self.now = timezone.now()

    def run(self) -> None:
        skipping = self._skip_foreign_key_triggers()
        self._reference()
        self._step("staff", self._staff)
        self._step("organizations drawn", self._organizations)
        self._step("contacts", self._contacts)
        self._step("interactions", self._interactions)
        self._step("organizations, with their engagement levels", self._write_organizations)
        self._reset_sequences()
        if skipping:
            # The rest of an enclosing transaction (a test's) checks its foreign keys again. On an error,
            # rolling back to the command's savepoint undoes the SET LOCAL as well.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = origin")

    def _skip_foreign_key_triggers(self) -> bool:
        """On PostgreSQL, as a superuser, skip the foreign-key triggers for this transaction: every row
        points to rows of this same load, and checking millions of them at commit doubles the time.
        Anyone else gets the checks at commit."""
        if connection.vendor != "postgresql":
            return False
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
        except DatabaseError:
            self.stdout.write("  (not a superuser: foreign keys are checked at commit)")
            return False
        return True

    def _step(self, label: str, function) -> None:
        started = time.monotonic()
        count = function()
        self.stdout.write(f"  {label}: {count:,} rows in {time.monotonic() - started:.1f}s")

    def _reference(self) -> None:
        kinds = list(InteractionType.objects.order_by("position", "pk").values_list("pk", "level"))
        if not kinds:
            raise CommandError("No interaction types: run migrate first.")
        # Information and active exchanges are common; formal partnership activity is rare.
        self.kinds = _table(((pk, level), {1: 10, 2: 4, 3: 1}[level]) for pk, level in kinds)
        self.regions = {}
        for pk, country, code in Region.objects.order_by("pk").values_list("pk", "country", "code"):
            self.regions.setdefault(country, []).append(pk)
            self.regions[(country, code)] = pk
        codes = set(NaicsCode.objects.values_list("code", flat=True))
        self.naics_codes = codes
        self.industries = sorted(
            code
            for code in NaicsCode.objects.filter(level__gte=4).values_list("code", flat=True)
            if sector_code(code) in codes and code[:3] in codes
        )
        self.pillars = list(Pillar.objects.order_by("pk").values_list("pk", flat=True))
        self.units = list(Unit.objects.order_by("pk").values_list("pk", flat=True))
        self.since = window_start(self.today)

    def _staff(self) -> int:
        """About fifty program officers (role "Secretariat staff"), created once with an unusable password."""
        emails = [STAFF_EMAIL.format(k) for k in range(1, STAFF_COUNT + 1)]
        existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        languages = ["en", "fr", "es"]
        new = []
        for k, email in enumerate(emails):
            if email in existing:
                continue
            language = languages[k % 3]
            new.append(
                User(
                    email=email,
                    full_name=f"{FIRST[language][k % len(FIRST[language])]} {LAST[language][k % len(LAST[language])]}",
                    password=UNUSABLE_PASSWORD,
                    unit_id=self.units[k % len(self.units)] if self.units else None,
                    preferred_language="en",
                )
            )
        User.objects.bulk_create(new)
        self.staff = list(User.objects.filter(email__in=emails).order_by("email").values_list("pk", flat=True))
        group = Group.objects.get(name=Role.STAFF.value)
        through = User.groups.through
        through.objects.bulk_create(
            [through(user_id=pk, group_id=group.pk) for pk in self.staff], ignore_conflicts=True
        )
        return len(new)

    def _organizations(self) -> int:
        rng = self.rng
        with open(DATA / "demo-organizations.csv", encoding="utf-8", newline="") as handle:
            bases = [row for row in csv.DictReader(handle) if row["country"] in TLD]
        categories = _table(CATEGORIES)
        first_id = self.first_org = _next_id(Organization)
        self.org_country = []
        rows, sectors, pillars, seen = [], [], [], set()
        for index in range(self.orgs):
            base = bases[index % len(bases)]
            country = base["country"]
            name = self._name(base["name"], country, index // len(bases))
            if name in seen:
                name = f"{name} #{index}"
            seen.add(name)
            org_id = first_id + index
            self.org_country.append(country)
            region = self.regions.get((country, base["region"]))
            if region is None or (index >= len(bases) and rng.random() < 0.6):
                region = rng.choice(self.regions[country])
            stem = _stem(name)[0]
            acronym = ""
            if rng.random() < 0.15:
                acronym = "".join(word[0] for word in stem.split() if word[:1].isalpha()).upper()[:6]
                acronym = acronym if len(acronym) >= 2 else ""
            slug = fold(stem).replace(" ", "")[:40]
            website = f"https://www.{slug}{index}.{TLD[country]}" if rng.random() < 0.7 else ""
            other_names = f"{stem} {country}" if rng.random() < 0.1 else ""
            # The keys exactly as the service sets them, on an unsaved instance.
            keys = Organization(name=name, acronym=acronym, other_names=other_names, website=website)
            organization_refresh_keys(keys)
            flags = {c: c == country or rng.random() < 0.15 for c in TLD}
            equity = rng.random() < 0.08
            created = self.now - timedelta(days=rng.randint(0, DAYS), minutes=rng.randint(0, 1440))
            rows.append(
                [
                    org_id,
                    name,
                    acronym,
                    other_names,
                    rng.choice(categories),
                    "",  # description
                    website,
                    country,
                    region,
                    flags["CA"],
                    flags["MX"],
                    flags["US"],
                    rng.random() < 0.1,
                    equity and rng.random() < 0.5,
                    equity and rng.random() < 0.5,
                    equity and rng.random() < 0.3,
                    equity and rng.random() < 0.4,
                    equity and rng.random() < 0.5,
                    equity and rng.random() < 0.6,
                    "",  # equity_other
                    rng.choice(CERTIFICATIONS) if rng.random() < 0.2 else "",
                    "",  # public_commitments
                    "",  # environmental_notes
                    rng.choice(self.staff) if rng.random() < 0.9 else None,
                    None,  # engagement_level: known once the interactions are drawn
                    keys.name_key,
                    keys.search_key,
                    keys.website_domain,
                    created,
                    created + timedelta(days=rng.randint(0, 30)),
                    1,
                ]
            )
            code = base["naics"] if rng.random() < 0.5 else rng.choice(self.industries)
            if not (sector_code(code) in self.naics_codes and code[:3] in self.naics_codes):
                code = rng.choice(self.industries)
            sectors.append((org_id, code, sector_code(code), code[:3]))
            for pillar in rng.sample(self.pillars, k=min(len(self.pillars), rng.choice((0, 1, 1, 2, 3)))):
                pillars.append((org_id, pillar))
        self.org_rows, self.org_sectors, self.org_pillars = rows, sectors, pillars
        return len(rows)

    def _name(self, name: str, country: str, round_: int) -> str:
        """The real name first, then variants: "Grupo Acuagranjas Dos Lagos SA de CV", "Acme Prairie 3 Inc"."""
        if round_ == 0:
            return name
        stem, form = _stem(name)
        patterns = PATTERNS_ES if country == "MX" else PATTERNS_EN
        number = (round_ - 1) // len(patterns) + 1
        varied = patterns[(round_ - 1) % len(patterns)].format(stem)
        return " ".join(part for part in (varied, str(number) if number > 1 else "", form) if part)

    def _contacts(self) -> int:
        rng = self.rng
        contact_id = self.first_contact = _next_id(Contact)
        self.contacts_of = []  # per organization: (first contact id, how many)
        rows = []
        for index, country in enumerate(self.org_country):
            count = rng.choice((0, 1, 1, 2, 2, 3))
            self.contacts_of.append((contact_id, count))
            language = {"MX": "es", "US": "en"}.get(country) or rng.choice(("en", "en", "fr"))
            for _ in range(count):
                full_name = f"{rng.choice(FIRST[language])} {rng.choice(LAST[language])}"
                consent = rng.random() < 0.6
                opted_out = consent and rng.random() < 0.05
                created = self.now - timedelta(days=rng.randint(0, DAYS))
                rows.append(
                    (
                        contact_id,
                        full_name,
                        rng.choice(TITLES),
                        self.first_org + index,
                        f"{fold(full_name).replace(' ', '.')}.{contact_id}@example.{TLD[country]}",
                        "",
                        language,
                        country,
                        consent,
                        (created - timedelta(days=rng.randint(0, 60))).date() if consent else None,
                        "CEC event registration" if consent else "",
                        "CEC newsletters and invitations" if consent else "",
                        opted_out,
                        created.date() if opted_out else None,
                        "",
                        fold(full_name)[:200],
                        created,
                        created,
                        1,
                    )
                )
                contact_id += 1
        columns = [
            "id",
            "full_name",
            "job_title",
            "organization_id",
            "email",
            "phone",
            "preferred_language",
            "country",
            "consent_given",
            "consent_date",
            "consent_source",
            "consent_purpose",
            "opted_out",
            "opted_out_on",
            "advisory_committee",
            "name_key",
            "created_at",
            "updated_at",
            "version",
        ]
        self.writer.write(Contact, columns, rows)
        return len(rows)

    def _interactions(self) -> int:
        """Interactions in chunks, with their organizations, contacts, staff, pillars and follow-ups.

        Tracks, for each organization, the highest rung in the rolling window and the first
        interaction that reached it: the level and the level change ``engagement_recompute`` would
        have recorded.
        """
        rng = self.rng
        rand, randrange = rng.random, rng.randrange
        first_org, orgs = self.first_org, self.orgs
        heavy = list(range(min(HEAVY_ORGANIZATIONS, orgs)))
        heavy_share = min(len(heavy) * HEAVY_INTERACTIONS, self.interactions // 5) / max(self.interactions, 1)
        days = [self.today - timedelta(days=k) for k in range(DAYS + 1)]
        # A little more activity lately than three years ago: day k back weighs 2 - k / DAYS.
        day_weights = list(accumulate(2.0 - k / DAYS for k in range(DAYS + 1)))
        last_day = len(days) - 1
        size_table = (1,) * 6 + (2,) * 3 + (3,)
        # Some organizations are much busier than others, and 40% have had nothing to do with the CEC
        # this past year: an interaction draws from the front of a shuffled order, the recent ones from
        # its first 60% only.
        order = list(range(orgs))
        rng.shuffle(order)
        active = max(1, int(orgs * 0.6))
        kinds, staff, units, pillars = self.kinds, self.staff, self.units, self.pillars
        since = self.since
        self.best = [(0, None, None)] * orgs  # (level, date, interaction id) per organization
        best = self.best
        first_id = _next_id(Interaction)
        totals = dict.fromkeys(("interactions", "participations", "links", "followups"), 0)
        buffers = self._buffers()
        for number in range(self.interactions):
            interaction_id = first_id + number
            day = days[min(bisect_right(day_weights, rand() * day_weights[-1]), last_day)]
            kind, level = kinds[randrange(len(kinds))]
            by = staff[randrange(len(staff))]
            created = datetime(day.year, day.month, day.day, 13 + randrange(9), randrange(60), tzinfo=UTC)
            buffers["interactions"].append(
                (
                    interaction_id,
                    day,
                    kind,
                    Mode.IN_PERSON if rand() < 0.6 else Mode.ONLINE,
                    units[randrange(len(units))] if units and rand() < 0.8 else None,
                    SUMMARIES[randrange(len(SUMMARIES))],
                    OUTCOMES[randrange(len(OUTCOMES))] if rand() < 0.3 else "",
                    by,
                    created,
                    1,
                )
            )
            pool = active if day >= since else orgs
            members = [heavy[randrange(len(heavy))] if rand() < heavy_share else order[int(pool * rand() ** 2)]]
            for _ in range(size_table[randrange(10)] - 1):
                other = order[int(pool * rand() ** 2)]
                if other not in members:
                    members.append(other)
            for index in members:
                buffers["participations"].append((interaction_id, first_org + index, day))
                if day >= since:
                    current = best[index]
                    if level > current[0] or (level == current[0] and day < current[1]):
                        best[index] = (level, day, interaction_id)
            first_contact, count = self.contacts_of[members[0]]
            if count and rand() < 0.3:
                buffers["contacts"].append((interaction_id, first_contact + randrange(count)))
            if rand() < 0.4:
                buffers["staff"].append((interaction_id, by))
            if pillars and rand() < 0.3:
                buffers["pillars"].append((interaction_id, pillars[randrange(len(pillars))]))
            if rand() < 0.05:
                due = day + timedelta(days=7 + randrange(40))
                done = due < self.today and rand() < 0.85
                buffers["followups"].append(
                    (
                        interaction_id,
                        first_org + members[0],
                        FOLLOWUPS[randrange(len(FOLLOWUPS))],
                        staff[randrange(len(staff))],
                        due,
                        created + timedelta(days=(due - day).days - randrange(5)) if done else None,
                        by if done else None,
                        created,
                    )
                )
            if len(buffers["interactions"]) >= CHUNK:
                self._flush(buffers, totals)
                buffers = self._buffers()
                self.stdout.write(f"    {number + 1:,} interactions")
        self._flush(buffers, totals)
        return sum(totals.values())

    @staticmethod
    def _buffers() -> dict[str, list]:
        return {name: [] for name in ("interactions", "participations", "contacts", "staff", "pillars", "followups")}

    def _flush(self, buffers: dict[str, list], totals: dict[str, int]) -> None:
        write = self.writer.write
        write(
            Interaction,
            ["id", "occurred_on", "kind_id", "mode", "unit_id", "summary", "outcome", "created_by_id", "created_at"]
            + ["version"],
            buffers["interactions"],
        )
        write(InteractionOrganization, ["interaction_id", "organization_id", "occurred_on"], buffers["participations"])
        write(Interaction.contacts.through, ["interaction_id", "contact_id"], buffers["contacts"])
        write(Interaction.staff.through, ["interaction_id", "user_id"], buffers["staff"])
        write(Interaction.pillars.through, ["interaction_id", "pillar_id"], buffers["pillars"])
        write(
            FollowUp,
            ["interaction_id", "organization_id", "description", "owner_id", "due_on", "done_at", "done_by_id"]
            + ["created_at"],
            buffers["followups"],
        )
        totals["interactions"] += len(buffers["interactions"])
        totals["participations"] += len(buffers["participations"])
        totals["links"] += len(buffers["contacts"]) + len(buffers["staff"]) + len(buffers["pillars"])
        totals["followups"] += len(buffers["followups"])

    def _write_organizations(self) -> int:
        """Write the organizations with their levels, NAICS codes and pillars, and the level changes.

        An engaged organization's level and its one change are what ``engagement_recompute`` gives
        when the first interaction at its highest rung in the window is logged. The organizations go
        in after the rows that point to them: foreign keys are checked at commit.
        """
        level_column = ORGANIZATION_COLUMNS.index("engagement_level")
        changes = []
        for index, (level, day, interaction_id) in enumerate(self.best):
            if level:
                self.org_rows[index][level_column] = level
                changes.append((self.first_org + index, day, None, level, interaction_id, ChangeReason.INTERACTION))
        self.writer.write(Organization, ORGANIZATION_COLUMNS, self.org_rows)
        self.writer.write(
            OrganizationSector, ["organization_id", "code", "sector_id", "subsector_id"], self.org_sectors
        )
        self.writer.write(Organization.pillars.through, ["organization_id", "pillar_id"], self.org_pillars)
        self.writer.write(
            LevelChange,
            ["organization_id", "changed_on", "from_level", "to_level", "interaction_id", "reason", "recorded_at"],
            [(*change, self.now) for change in changes],
        )
        return len(self.org_rows) + len(self.org_sectors) + len(self.org_pillars) + len(changes)

    def _reset_sequences(self) -> None:
        """Rows went in with explicit ids: move the id sequences past them (PostgreSQL)."""
        models = [Organization, OrganizationSector, Contact, Interaction, InteractionOrganization, FollowUp]
        models += [LevelChange, Organization.pillars.through, Interaction.contacts.through]
        models += [Interaction.staff.through, Interaction.pillars.through]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
