from django.urls import path

from .views import builder, invitations, public, results

app_name = "surveys"
urlpatterns = [
    path("surveys/", builder.survey_list, name="survey_list"),
    path("surveys/add/", builder.survey_create, name="survey_add"),
    path("surveys/from-strategy/", builder.survey_from_template, name="survey_from_template"),
    path("surveys/<int:pk>/", builder.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/edit/", builder.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/status/", builder.survey_status, name="survey_status"),
    path("surveys/<int:pk>/preview/", builder.survey_preview, name="survey_preview"),
    path("surveys/<int:pk>/sections/add/", builder.section_create, name="section_add"),
    path("surveys/<int:pk>/questions/add/", builder.question_edit, name="question_add"),
    path("surveys/<int:pk>/questions/order/", builder.question_reorder, name="question_order"),
    path("surveys/<int:pk>/questions/<int:question_pk>/", builder.question_edit, name="question_edit"),
    path("surveys/<int:pk>/questions/<int:question_pk>/move/", builder.question_reorder, name="question_move"),
    path("surveys/<int:pk>/questions/<int:question_pk>/delete/", builder.question_remove, name="question_delete"),
    path("surveys/<int:pk>/recipients/", invitations.survey_recipients, name="survey_recipients"),
    path("surveys/<int:pk>/reminders/", invitations.reminder_add, name="reminder_add"),
    path("surveys/<int:pk>/results/", results.survey_results, name="survey_results"),
    path("surveys/<int:pk>/export.<slug:file_format>", results.survey_export, name="survey_export"),
    path("s/<str:token>/", public.respond, name="respond"),
    path("s/open/<str:token>/", public.respond_open, name="respond_open"),
]
