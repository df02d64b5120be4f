from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import DetailView, ListView, TemplateView

from . import selectors
from .models import CoreValue


class FrameView(PermissionRequiredMixin, TemplateView):
    """The strategy at a glance: goals, objectives and actions; pillars and areas; key principles."""

    permission_required = "strategy.view_goal"
    template_name = "strategy/frame.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goals=selectors.frame_goals(),
            pillars=selectors.frame_pillars(),
            principles=selectors.key_principles(),
            core_values=CoreValue.objects.all(),
            **kwargs,
        )


class InitiativeListView(PermissionRequiredMixin, ListView):
    permission_required = "strategy.view_initiative"
    template_name = "strategy/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 50

    def get_queryset(self):
        return selectors.initiative_list()


class InitiativeDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "strategy.view_initiative"
    template_name = "strategy/initiative_detail.html"
    context_object_name = "initiative"
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_queryset(self):
        return selectors.initiative_list()
