from django.urls import path

from .views import partnerships, pipeline

app_name = "partnerships"
urlpatterns = [
    path("partnerships/", partnerships.PartnershipListView.as_view(), name="partnership_list"),
    path("partnerships/board/", pipeline.board, name="board"),
    path("partnerships/add/", partnerships.PartnershipCreateView.as_view(), name="partnership_add"),
    path("partnerships/export.<slug:file_format>", partnerships.partnership_export, name="export"),
    path("partnerships/<int:pk>/", partnerships.PartnershipDetailView.as_view(), name="partnership_detail"),
    path("partnerships/<int:pk>/edit/", partnerships.PartnershipUpdateView.as_view(), name="partnership_edit"),
    path("partnerships/<int:pk>/move/", pipeline.move, name="move"),
    path("partnerships/<int:pk>/approve/", pipeline.approve, name="approve"),
    path("partnerships/<int:pk>/assessment/", pipeline.assessment, name="assessment"),
    path("partnerships/<int:pk>/resources/add/", pipeline.resource_edit, name="resource_add"),
    path("partnerships/<int:pk>/resources/<int:resource_pk>/", pipeline.resource_edit, name="resource_edit"),
    path("partnerships/<int:pk>/resources/<int:resource_pk>/remove/", pipeline.resource_remove, name="resource_remove"),
    path("partnerships/<int:pk>/steps/add/", pipeline.log_step, name="log_step"),
]
