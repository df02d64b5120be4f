from datetime import timedelta

from django.utils import timezone
from django.views.generic import TemplateView

from stakeholders.selectors import open_followups_for, recent_interactions


class HomeView(TemplateView):
    """The signed-in person's day: what they have to follow up, and what their unit did lately."""

    template_name = "reports/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        followups = list(open_followups_for(user)[:15])
        return super().get_context_data(
            followups=followups,
            today=today,
            soon=today + timedelta(days=7),
            activity=recent_interactions(unit=user.unit, limit=8) if user.unit_id else recent_interactions(limit=8),
            **kwargs,
        )
