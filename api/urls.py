from django.urls import path

from . import views

app_name = "api"
LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

# Read-only: each record kind has a list and a detail, and answers GET only.
urlpatterns = [
    path("", views.ApiDocumentationView.as_view(), name="documentation"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("organizations/", views.OrganizationViewSet.as_view(LIST), name="organization_list"),
    path("organizations/<int:pk>/", views.OrganizationViewSet.as_view(DETAIL), name="organization_detail"),
    path("contacts/", views.ContactViewSet.as_view(LIST), name="contact_list"),
    path("contacts/<int:pk>/", views.ContactViewSet.as_view(DETAIL), name="contact_detail"),
    path("interactions/", views.InteractionViewSet.as_view(LIST), name="interaction_list"),
    path("interactions/<int:pk>/", views.InteractionViewSet.as_view(DETAIL), name="interaction_detail"),
    path("partnerships/", views.PartnershipViewSet.as_view(LIST), name="partnership_list"),
    path("partnerships/<int:pk>/", views.PartnershipViewSet.as_view(DETAIL), name="partnership_detail"),
    path("events/", views.EventViewSet.as_view(LIST), name="event_list"),
    path("events/<int:pk>/", views.EventViewSet.as_view(DETAIL), name="event_detail"),
    path("snapshots/", views.SnapshotViewSet.as_view(LIST), name="snapshot_list"),
    path("snapshots/<int:pk>/", views.SnapshotViewSet.as_view(DETAIL), name="snapshot_detail"),
    path("indicator-values/", views.IndicatorValueViewSet.as_view(LIST), name="indicator_value_list"),
    path("indicator-values/<int:pk>/", views.IndicatorValueViewSet.as_view(DETAIL), name="indicator_value_detail"),
]
