"""The reference the register's pages are measured against: a plain Django admin on the same tables.

Bench-only: the app registers no ModelAdmin for the register. Each admin shows the columns the app's
list shows (so it joins the same tables once, instead of a query per row for ``__str__``), and uses raw-id
widgets for the links to 100,000 organizations and ``list_select_related`` for the nullable foreign keys
it shows (the default only follows non-null ones), as anyone would before putting such an admin in use.
Two sites: 25 rows per page (the app's default page) and 100 rows per page (``?size=100``).
"""

from django.contrib import admin

from partnerships.models import Partnership
from roundtables.models import Participant
from stakeholders.models import Interaction, Organization


class ReferenceAdminSite(admin.AdminSite):
    site_header = "Reference admin (benchmark only)"

    def has_permission(self, request):
        # The benchmark signs in as a program officer, who is not is_staff; model permissions still apply.
        return request.user.is_active


class OrganizationReference(admin.ModelAdmin):
    list_display = ["name", "category", "hq_country", "hq_region", "engagement_level", "owner"]
    list_select_related = ["hq_region", "owner"]
    search_fields = ["name"]
    raw_id_fields = ["parent", "member_of"]
    list_per_page = 25


class InteractionReference(admin.ModelAdmin):
    list_display = ["occurred_on", "kind", "mode", "created_by"]
    list_select_related = ["kind", "created_by"]
    search_fields = ["summary"]
    raw_id_fields = ["contacts", "staff"]
    list_per_page = 25


class PartnershipReference(admin.ModelAdmin):
    list_display = ["title", "lead_organization", "stage", "kind", "owner", "unit"]
    list_select_related = ["lead_organization", "stage", "owner", "unit"]
    list_filter = ["stage", "unit", "pillars"]
    search_fields = ["title"]
    raw_id_fields = ["lead_organization", "partners", "contacts"]
    list_per_page = 25


class ParticipantReference(admin.ModelAdmin):
    list_display = ["contact", "organization", "role", "status", "category", "country"]
    list_select_related = ["contact", "organization"]
    list_filter = ["event"]
    list_per_page = 25


def _site(name: str, per_page: int) -> ReferenceAdminSite:
    site = ReferenceAdminSite(name=name)
    site.register(Organization, type("OrganizationReference", (OrganizationReference,), {"list_per_page": per_page}))
    site.register(Interaction, type("InteractionReference", (InteractionReference,), {"list_per_page": per_page}))
    site.register(Partnership, PartnershipReference)
    site.register(Participant, ParticipantReference)
    return site


site = _site("bench_admin", 25)
site_100 = _site("bench_admin_100", 100)
