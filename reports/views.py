from django.views.generic import TemplateView


class HomeView(TemplateView):
    """The signed-in person's day: what they have to follow up, and what happened lately.

    Follow-ups and activity arrive with the stakeholder register; until then the page says where to
    start.
    """

    template_name = "reports/home.html"
