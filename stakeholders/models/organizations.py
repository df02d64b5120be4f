"""Organizations of the register: private sector first, and the other stakeholders of roundtables."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import MEMBERSHIP_BODIES, PRIVATE_SECTOR, Category, Country, Level, choice_display
from .imports import imported_in_field
from .reference import NaicsCode, Region, Tag


class OrganizationQuerySet(models.QuerySet):
    def private_sector(self):
        return self.filter(category__in=PRIVATE_SECTOR)

    def for_list(self):
        """What a list row shows, in one query: name, acronym, category, headquarters with the province
        or state in each language, engagement level and the relationship owner's name.

        Plain rows (dicts), not model instances: building a page of 100 organizations with their region
        and owner cost several times the query itself.
        """
        return self.values(*LIST_COLUMNS)


LIST_COLUMNS = (
    "id",
    "name",
    "acronym",
    "category",
    "hq_country",
    "hq_region__name_en",
    "hq_region__name_fr",
    "hq_region__name_es",
    "engagement_level",
    "owner__full_name",
    "owner__email",
)


class Organization(models.Model):
    """An organization the Secretariat engages, or may engage.

    ``engagement_level`` is derived by ``stakeholders.services.engagement`` from the organization's
    interactions and commitments; it is stored so lists filter on it, and every change is kept in
    ``LevelChange``. ``name_key`` and ``search_key`` are the accent-free keys search and duplicate
    matching use; the services keep them in step with the names.
    """

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        default="",
        db_default="",
        help_text=_("One per line, in any of the three languages."),
    )
    category = models.CharField(_("stakeholder category"), max_length=24, choices=Category.choices)
    description = models.TextField(_("description"), blank=True, default="", db_default="")
    website = models.URLField(_("website"), max_length=300, blank=True)

    hq_country = models.CharField(_("headquarters country"), max_length=2, choices=Country.choices)
    hq_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("headquarters province or state"),
    )
    operates_in_canada = models.BooleanField(_("operates in Canada"), default=False)
    operates_in_mexico = models.BooleanField(_("operates in Mexico"), default=False)
    operates_in_united_states = models.BooleanField(_("operates in the United States"), default=False)
    operates_elsewhere = models.BooleanField(_("operates in other countries"), default=False)

    pillars = models.ManyToManyField(
        "strategy.Pillar", blank=True, related_name="organizations", verbose_name=_("pillars")
    )
    areas = models.ManyToManyField(
        "strategy.AreaOfRelevance", blank=True, related_name="organizations", verbose_name=_("areas of relevance")
    )

    # Equity-deserving focus (action 1.1.4): how the organization relates to which populations.
    equity_owned_by = models.BooleanField(_("owned by"), default=False, db_default=False)
    equity_led_by = models.BooleanField(_("led by"), default=False, db_default=False)
    equity_representing = models.BooleanField(_("representing"), default=False, db_default=False)
    equity_serving = models.BooleanField(_("serving"), default=False, db_default=False)
    equity_indigenous = models.BooleanField(_("Indigenous peoples"), default=False, db_default=False)
    equity_women = models.BooleanField(_("women"), default=False, db_default=False)
    equity_other = models.CharField(_("other populations"), max_length=200, blank=True, default="", db_default="")

    certifications = models.CharField(
        _("certifications"),
        max_length=300,
        blank=True,
        default="",
        db_default="",
        help_text=_("For example ISO 14001, ISO 50001."),
    )
    public_commitments = models.TextField(_("public environmental commitments"), blank=True, default="", db_default="")
    environmental_notes = models.TextField(_("environmental performance notes"), blank=True, default="", db_default="")
    initiatives = models.ManyToManyField(
        "strategy.Initiative",
        blank=True,
        related_name="organizations",
        verbose_name=_("previous CEC involvement"),
    )

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_organizations",
        verbose_name=_("relationship owner"),
        db_index=False,  # org_owner_name leads with it
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="organizations", verbose_name=_("tags"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subsidiaries",
        verbose_name=_("parent organization"),
    )
    member_of = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="members",
        verbose_name=_("member of"),
        help_text=_("Associations and chambers this organization belongs to."),
    )

    engagement_level = models.PositiveSmallIntegerField(
        _("engagement level"), choices=Level.choices, null=True, blank=True, editable=False
    )
    name_key = models.CharField(max_length=255, editable=False)
    search_key = models.CharField(max_length=800, editable=False)
    website_domain = models.CharField(max_length=255, editable=False, blank=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_default=Now())
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_default=Now())
    imported_in = imported_in_field()
    version = models.PositiveIntegerField(default=1, db_default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["search_key", "name_key", "website_domain", "version", "imported_in"])

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name_key", "id"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        permissions = [("merge_organization", "Can merge organizations and contacts")]
        indexes = [
            models.Index(fields=["category", "name_key"], name="org_category_name"),
            models.Index(fields=["hq_country", "name_key"], name="org_country_name"),
            models.Index(fields=["engagement_level", "name_key"], name="org_level_name"),
            models.Index(fields=["owner", "name_key"], name="org_owner_name"),
            models.Index(fields=["acronym"], name="org_acronym"),
            # Plain b-trees: db_index on a text column would add a second, pattern-ops index nothing
            # uses (searches go through the trigram index), and every import pays for each index.
            models.Index(fields=["name_key"], name="org_name_key"),
            models.Index(fields=["website_domain"], name="org_website_domain"),
            # The mapping pages count organizations by these columns: read from the index alone, the
            # counts skip the wide rows (on 100,000 organizations, 8 ms instead of 60).
            models.Index(fields=["hq_region", "engagement_level"], name="org_region_level"),
            models.Index(fields=["id", "engagement_level"], name="org_id_level"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="organization_not_its_own_parent",
                violation_error_message=_("An organization cannot be its own parent."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("stakeholders:organization_detail", args=[self.pk])

    get_category_display = choice_display("category", Category)
    get_hq_country_display = choice_display("hq_country", Country)
    get_engagement_level_display = choice_display("engagement_level", Level)

    @property
    def has_members(self) -> bool:
        """Chambers of commerce and industry associations have member organizations (``members``)."""
        return self.category in MEMBERSHIP_BODIES

    @property
    def is_private_sector(self) -> bool:
        return self.category in PRIVATE_SECTOR

    @property
    def has_equity_focus(self) -> bool:
        relation = self.equity_owned_by or self.equity_led_by or self.equity_representing or self.equity_serving
        return relation and (self.equity_indigenous or self.equity_women or bool(self.equity_other))

    @property
    def countries_of_operation(self) -> list[str]:
        flags = [
            (self.operates_in_canada, Country.CANADA),
            (self.operates_in_mexico, Country.MEXICO),
            (self.operates_in_united_states, Country.UNITED_STATES),
            (self.operates_elsewhere, Country.OTHER),
        ]
        return [country.label for flag, country in flags if flag]


class OrganizationSector(models.Model):
    """A NAICS code of an organization, kept as given, classified by its shared sector and subsector."""

    # The foreign keys' own indexes are left out: the unique constraint and orgsector_sector_org lead
    # with the organization and the sector, and the subsector gets a plain b-tree (see Meta).
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="sectors", db_index=False)
    code = models.CharField(_("NAICS code"), max_length=6)
    sector = models.ForeignKey(
        NaicsCode, on_delete=models.PROTECT, related_name="+", verbose_name=_("sector"), db_index=False
    )
    subsector = models.ForeignKey(
        NaicsCode, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("subsector"), db_index=False
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("NAICS sector")
        verbose_name_plural = _("NAICS sectors")
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="unique_org_naics_code")]
        indexes = [
            models.Index(fields=["sector", "organization"], name="orgsector_sector_org"),
            models.Index(fields=["subsector"], name="orgsector_subsector"),
        ]

    def __str__(self):
        return self.code
