"""The read-only API for reporting tools, and the page that explains how to connect them.

Each list takes the filters of its page in the application (the same FilterSet), pages with a cursor
(``next``), and needs the view permission that page checks. Every list's queryset loads related rows
with select_related/prefetch_related, so a page costs the same number of queries however many rows it has.
"""

from django.contrib.auth.decorators import login_not_required
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularAPIView
from rest_framework import authentication, permissions, viewsets

from partnerships.filters import PartnershipFilter
from partnerships.models import Partnership
from reports.models import IndicatorValue, Snapshot
from roundtables.filters import EventFilter
from roundtables.models import Event
from stakeholders.filters import ContactFilter, InteractionFilter, OrganizationFilter
from stakeholders.models import Contact, Interaction, Organization

from . import serializers
from .authentication import ApiKeyAuthentication
from .filters import IndicatorValueFilter, SnapshotFilter
from .pagination import IdCursorPagination
from .permissions import CanViewAsInTheApplication
from .selectors import interactions_with_links, organizations_with_codes


class ReadOnlyApiViewSet(viewsets.ReadOnlyModelViewSet):
    """List and detail of one kind of record, for a person's API key, in that person's language."""

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [CanViewAsInTheApplication]
    pagination_class = IdCursorPagination
    filter_backends = [DjangoFilterBackend]
    permission_required: str

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Labels in the key owner's language, as the application shows them (not the tool's Accept-Language).
        translation.activate(request.user.preferred_language)
        request.LANGUAGE_CODE = request.user.preferred_language

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        # The API signs requests in by key, not session: the site-wide sign-in redirect does not apply.
        return login_not_required(super().as_view(actions, **initkwargs))


class OrganizationViewSet(ReadOnlyApiViewSet):
    permission_required = "stakeholders.view_organization"
    serializer_class = serializers.OrganizationSerializer
    filterset_class = OrganizationFilter
    # The columns the API gives, not the long texts (description, commitments) a list has no use for.
    queryset = Organization.objects.select_related("hq_region", "owner").only(
        *serializers.ORGANIZATION_COLUMNS,
        "hq_region__code",
        "hq_region__name_en",
        "hq_region__name_fr",
        "hq_region__name_es",
        "owner__full_name",
    )

    def paginate_queryset(self, queryset):
        return organizations_with_codes(super().paginate_queryset(queryset))

    def get_object(self):
        return organizations_with_codes([super().get_object()])[0]


class ContactViewSet(ReadOnlyApiViewSet):
    permission_required = "stakeholders.view_contact"
    serializer_class = serializers.ContactSerializer
    filterset_class = ContactFilter
    queryset = Contact.objects.select_related("organization")


class InteractionViewSet(ReadOnlyApiViewSet):
    permission_required = "stakeholders.view_interaction"
    serializer_class = serializers.InteractionSerializer
    filterset_class = InteractionFilter
    queryset = Interaction.objects.select_related("kind", "unit")

    def paginate_queryset(self, queryset):
        return interactions_with_links(super().paginate_queryset(queryset))

    def get_object(self):
        return interactions_with_links([super().get_object()])[0]


class PartnershipViewSet(ReadOnlyApiViewSet):
    permission_required = "partnerships.view_partnership"
    serializer_class = serializers.PartnershipSerializer
    filterset_class = PartnershipFilter
    queryset = Partnership.objects.select_related("stage", "lead_organization", "unit").prefetch_related(
        "partners", "pillars"
    )


class EventViewSet(ReadOnlyApiViewSet):
    permission_required = "roundtables.view_event"
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    queryset = Event.objects.select_related("unit").prefetch_related("pillars")


class SnapshotViewSet(ReadOnlyApiViewSet):
    permission_required = "reports.view_snapshot"
    serializer_class = serializers.SnapshotSerializer
    filterset_class = SnapshotFilter
    queryset = Snapshot.objects.all()


class IndicatorValueViewSet(ReadOnlyApiViewSet):
    permission_required = "reports.view_indicatorvalue"
    serializer_class = serializers.IndicatorValueSerializer
    filterset_class = IndicatorValueFilter
    queryset = IndicatorValue.objects.select_related("snapshot", "indicator")


class SchemaView(SpectacularAPIView):
    """The OpenAPI description of the API, for a key or a signed-in person."""

    authentication_classes = [ApiKeyAuthentication, authentication.SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    @classmethod
    def as_view(cls, **initkwargs):
        # Tools ask with a key; the sign-in redirect would answer them with a login page.
        return login_not_required(super().as_view(**initkwargs))


# The lists the documentation page presents, with what each holds and who may read it.
ENDPOINTS = [
    ("organizations", _("Organizations of the register"), OrganizationViewSet),
    ("contacts", _("Contacts; email and phone only for those who consented and have not opted out"), ContactViewSet),
    ("interactions", _("Interactions with organizations and contacts"), InteractionViewSet),
    ("partnerships", _("Partnerships, with their stage"), PartnershipViewSet),
    ("events", _("Events (roundtables, workshops, webinars)"), EventViewSet),
    ("snapshots", _("Dates on which the indicators were computed"), SnapshotViewSet),
    ("indicator-values", _("Indicator values of each snapshot, in total and by breakdown"), IndicatorValueViewSet),
]


class ApiDocumentationView(TemplateView):
    """How to connect Power BI and Excel to the API, for signed-in people."""

    template_name = "api/documentation.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            site=self.request.build_absolute_uri("/").rstrip("/"),
            endpoints=ENDPOINTS,
            **kwargs,
        )
