from django.urls import path

from . import views

app_name = "strategy"
urlpatterns = [
    path("strategy/", views.FrameView.as_view(), name="frame"),
    path("initiatives/", views.InitiativeListView.as_view(), name="initiative_list"),
    path("initiatives/<slug:code>/", views.InitiativeDetailView.as_view(), name="initiative_detail"),
    path("initiatives/<slug:code>/answer/", views.initiative_answer_view, name="initiative_answer"),
]
