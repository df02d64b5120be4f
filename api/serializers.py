"""What the API returns for each kind of record.

Field names are English and fixed: reports built on them must not break when a label is renamed.
Choices and reference data are given by their code (``category``, ``hq_country``, ``unit``), each with a
``*_label`` in the key owner's language where a person reads it; other records by their id.
"""

from rest_framework import serializers

from partnerships.models import Partnership
from reports.models import IndicatorValue, Snapshot
from roundtables.models import Event
from stakeholders.models import Contact, Interaction, Organization

CODES = {"many": True, "read_only": True, "slug_field": "code"}
IDS = {"many": True, "read_only": True}


def label(source: str) -> serializers.CharField:
    """A display label read from ``source`` (a ``get_*_display`` method or a translated name)."""
    return serializers.CharField(source=source, read_only=True, allow_null=True)


# The organization's own columns the API reads (the list loads only these).
ORGANIZATION_COLUMNS = [
    "id",
    "name",
    "acronym",
    "category",
    "website",
    "hq_country",
    "hq_region",
    "operates_in_canada",
    "operates_in_mexico",
    "operates_in_united_states",
    "operates_elsewhere",
    "engagement_level",
    "owner",
    "parent",
    "created_at",
    "updated_at",
]


class OrganizationSerializer(serializers.ModelSerializer):
    category_label = label("get_category_display")
    hq_country_label = label("get_hq_country_display")
    hq_region = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    hq_region_label = label("hq_region.name")
    engagement_level_label = label("get_engagement_level_display")
    owner_name = label("owner.full_name")
    # Set by ``api.selectors.organizations_with_codes``.
    pillars = serializers.ListField(child=serializers.CharField(), source="pillar_codes", read_only=True)
    tags = serializers.ListField(child=serializers.CharField(), source="tag_names", read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "acronym",
            "category",
            "category_label",
            "website",
            "hq_country",
            "hq_country_label",
            "hq_region",
            "hq_region_label",
            "operates_in_canada",
            "operates_in_mexico",
            "operates_in_united_states",
            "operates_elsewhere",
            "engagement_level",
            "engagement_level_label",
            "owner",
            "owner_name",
            "parent",
            "pillars",
            "tags",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# What an erased contact no longer has, and what only a reachable contact shows.
ERASED_FIELDS = ("full_name", "job_title", "email", "phone", "preferred_language", "country", "country_label")
REACHABLE_ONLY_FIELDS = ("email", "phone")


class ContactSerializer(serializers.ModelSerializer):
    """A contact as the register keeps it, less what consent or erasure withholds.

    Email and phone are null unless the person consented and has not opted out (the rule of
    ``Contact.objects.reachable()``); an erased contact keeps only its id, organization and dates.
    """

    organization_name = label("organization.name")
    country_label = label("get_country_display")
    erased = serializers.SerializerMethodField()

    class Meta:
        model = Contact
        fields = [
            "id",
            "full_name",
            "job_title",
            "organization",
            "organization_name",
            "email",
            "phone",
            "preferred_language",
            "country",
            "country_label",
            "consent_given",
            "consent_date",
            "opted_out",
            "opted_out_on",
            "advisory_committee",
            "erased",
            "erased_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_erased(self, contact) -> bool:
        return contact.erased_at is not None

    def to_representation(self, contact):
        data = super().to_representation(contact)
        withheld = ()
        if contact.erased_at is not None:
            withheld = ERASED_FIELDS
        elif not (contact.consent_given and not contact.opted_out):
            withheld = REACHABLE_ONLY_FIELDS
        for name in withheld:
            data[name] = None
        return data


class InteractionSerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    # The app's own summaries in the key owner's language, a person's as written.
    summary = serializers.CharField(source="summary_shown", read_only=True)
    kind_label = label("kind.name")
    mode_label = label("get_mode_display")
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    # Set by ``api.selectors.interactions_with_links``.
    organizations = serializers.ListField(child=serializers.IntegerField(), source="organization_ids", read_only=True)
    contacts = serializers.ListField(child=serializers.IntegerField(), source="contact_ids", read_only=True)
    staff = serializers.ListField(child=serializers.IntegerField(), source="staff_ids", read_only=True)
    pillars = serializers.ListField(child=serializers.CharField(), source="pillar_codes", read_only=True)

    class Meta:
        model = Interaction
        fields = [
            "id",
            "occurred_on",
            "kind",
            "kind_label",
            "mode",
            "mode_label",
            "unit",
            "organizations",
            "contacts",
            "staff",
            "pillars",
            "summary",
            "outcome",
            "created_at",
        ]
        read_only_fields = fields


class PartnershipSerializer(serializers.ModelSerializer):
    kind_label = label("get_kind_display")
    stage = serializers.SlugRelatedField(slug_field="code", read_only=True)
    stage_label = label("stage.name")
    lead_organization_name = label("lead_organization.name")
    partners = serializers.PrimaryKeyRelatedField(**IDS)
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    pillars = serializers.SlugRelatedField(**CODES)

    class Meta:
        model = Partnership
        fields = [
            "id",
            "title",
            "kind",
            "kind_label",
            "stage",
            "stage_label",
            "stage_entered_at",
            "lead_organization",
            "lead_organization_name",
            "partners",
            "owner",
            "unit",
            "pillars",
            "expected_start",
            "expected_end",
            "next_step_due",
            "approved_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    kind_label = label("get_kind_display")
    title = serializers.CharField(read_only=True)
    status_label = label("get_status_display")
    format_label = label("get_format_display")
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    pillars = serializers.SlugRelatedField(**CODES)

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
            "kind_label",
            "title",
            "title_en",
            "title_fr",
            "title_es",
            "status",
            "status_label",
            "format",
            "format_label",
            "starts_at",
            "ends_at",
            "time_zone",
            "city",
            "country",
            "capacity",
            "unit",
            "pillars",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class SnapshotSerializer(serializers.ModelSerializer):
    class Meta:
        model = Snapshot
        fields = ["id", "as_of", "computed_at"]
        read_only_fields = fields


class IndicatorValueSerializer(serializers.ModelSerializer):
    """One number of a snapshot: an indicator for the Secretariat (dimension ``all``) or a breakdown."""

    as_of = serializers.DateField(source="snapshot.as_of", read_only=True)
    indicator = serializers.SlugRelatedField(slug_field="code", read_only=True)
    indicator_label = label("indicator.name")
    dimension_label = label("get_dimension_display")

    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "snapshot",
            "as_of",
            "indicator",
            "indicator_label",
            "dimension",
            "dimension_label",
            "key",
            "value",
        ]
        read_only_fields = fields
