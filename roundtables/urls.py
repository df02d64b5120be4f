from django.urls import path

from .views import events, outcomes, participants, public

app_name = "roundtables"
urlpatterns = [
    path("roundtables/", events.EventListView.as_view(), name="event_list"),
    path("roundtables/calendar/", events.event_calendar, name="event_calendar"),
    path("roundtables/issues/", outcomes.issue_list, name="issue_list"),
    path("roundtables/add/", events.EventCreateView.as_view(), name="event_add"),
    path("roundtables/<int:pk>/", events.event_detail, name="event_detail"),
    path("roundtables/<int:pk>/edit/", events.EventUpdateView.as_view(), name="event_edit"),
    path("roundtables/<int:pk>/summary/", events.event_summary, name="event_summary"),
    path("roundtables/<int:pk>/status/", events.event_status, name="event_status"),
    path("roundtables/<int:pk>/invite/", participants.event_invite, name="event_invite"),
    path("roundtables/<int:pk>/attendance/", participants.event_attendance, name="event_attendance"),
    path(
        "roundtables/<int:pk>/participants/<int:participant_pk>/",
        participants.participant_edit,
        name="participant_edit",
    ),
    path("roundtables/<int:pk>/outcomes/", outcomes.outcome_create, name="outcome_add"),
    path("roundtables/<int:pk>/outcomes/<int:outcome_pk>/edit/", outcomes.outcome_edit, name="outcome_edit"),
    path(
        "roundtables/<int:pk>/outcomes/<int:outcome_pk>/delete/",
        outcomes.outcome_delete_view,
        name="outcome_delete",
    ),
    path("roundtables/<int:pk>/actions/", outcomes.action_create, name="action_add"),
    path("roundtables/<int:pk>/actions/<int:action_pk>/edit/", outcomes.action_edit, name="action_edit"),
    path(
        "roundtables/<int:pk>/actions/<int:action_pk>/delete/",
        outcomes.action_delete_view,
        name="action_delete",
    ),
    path("r/<str:token>/", public.rsvp, name="rsvp"),
    path("r/<str:token>/event.ics", public.rsvp_calendar, name="rsvp_calendar"),
]
