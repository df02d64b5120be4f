from django.urls import path

from .views import contacts, exports, imports, interactions, merge, organizations, plans, privacy, unsubscribe

app_name = "stakeholders"
urlpatterns = [
    path("organizations/", organizations.OrganizationListView.as_view(), name="organization_list"),
    path("organizations/add/", organizations.OrganizationCreateView.as_view(), name="organization_add"),
    path("organizations/duplicates/", merge.duplicate_list, name="duplicate_list"),
    path("organizations/merge/", merge.organization_merge_view, name="organization_merge"),
    path("contacts/merge/", merge.contact_merge_view, name="contact_merge"),
    path("organizations/lookup/", organizations.organization_lookup, name="organization_lookup"),
    path("organizations/<int:pk>/", organizations.OrganizationDetailView.as_view(), name="organization_detail"),
    path(
        "organizations/<int:pk>/members/", organizations.OrganizationMembersView.as_view(), name="organization_members"
    ),
    path("organizations/<int:pk>/edit/", organizations.OrganizationUpdateView.as_view(), name="organization_edit"),
    path("organizations/<int:pk>/delete/", organizations.organization_delete_view, name="organization_delete"),
    path("organizations/<int:organization_pk>/followups/add/", interactions.followup_create, name="followup_add"),
    path("contacts/", contacts.ContactListView.as_view(), name="contact_list"),
    path("contacts/add/", contacts.ContactCreateView.as_view(), name="contact_add"),
    path("contacts/<int:pk>/", contacts.ContactDetailView.as_view(), name="contact_detail"),
    path("contacts/<int:pk>/edit/", contacts.ContactUpdateView.as_view(), name="contact_edit"),
    path("contacts/<int:pk>/export.<slug:file_format>", privacy.contact_export, name="contact_export"),
    path("contacts/<int:pk>/erase/", privacy.contact_erase_view, name="contact_erase"),
    path("interactions/", interactions.InteractionListView.as_view(), name="interaction_list"),
    path("interactions/add/", interactions.InteractionCreateView.as_view(), name="interaction_add"),
    path("interactions/<int:pk>/", interactions.InteractionDetailView.as_view(), name="interaction_detail"),
    path("interactions/<int:pk>/edit/", interactions.InteractionUpdateView.as_view(), name="interaction_edit"),
    path("interactions/<int:pk>/delete/", interactions.interaction_delete_view, name="interaction_delete"),
    path("export/<slug:kind>.<slug:file_format>", exports.export_list, name="export"),
    path("imports/", imports.import_list, name="import_list"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/mapping/", imports.import_mapping, name="import_mapping"),
    path("imports/<int:pk>/review/", imports.import_review, name="import_review"),
    path("imports/<int:pk>/rejected.csv", imports.import_rejected, name="import_rejected"),
    path("imports/<int:pk>/undo/", imports.import_undo_view, name="import_undo"),
    path("imports/<int:pk>/start-again/", imports.import_start_again_view, name="import_start_again"),
    path("imports/<int:pk>/remove/", imports.import_remove_view, name="import_remove"),
    path("plans/", plans.PlanListView.as_view(), name="plan_list"),
    path("plans/add/", plans.PlanCreateView.as_view(), name="plan_add"),
    path("plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.PlanUpdateView.as_view(), name="plan_edit"),
    path("plans/groups/add/", plans.TargetGroupCreateView.as_view(), name="targetgroup_add"),
    path("followups/<int:pk>/toggle/", interactions.followup_toggle, name="followup_toggle"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
    path("unsubscribe/<str:token>/one-click/", unsubscribe.unsubscribe_one_click, name="unsubscribe_one_click"),
]
