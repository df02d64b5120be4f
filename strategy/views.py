from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from . import selectors
from .models import CoreValue, Initiative
from .services import initiative_answer, may_answer


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
        initiatives = selectors.initiative_list()
        if self.request.GET.get("unit") == "mine":
            return initiatives.filter(unit_id=self.request.user.unit_id)
        return initiatives

    def get_context_data(self, **kwargs):
        return super().get_context_data(mine=self.request.GET.get("unit") == "mine", **kwargs)


class InitiativeDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "strategy.view_initiative"
    template_name = "strategy/initiative_detail.html"
    context_object_name = "initiative"
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_queryset(self):
        return selectors.initiative_list()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            answers=self.object.answers.select_related("answered_by")[:20],
            may_answer=may_answer(self.request.user, self.object),
            **kwargs,
        )


class AnswerForm(forms.Form):
    text = forms.CharField(label=Initiative.PSE_QUESTION, widget=forms.Textarea(attrs={"rows": 6}), required=False)


@login_required
def initiative_answer_view(request, code):
    """A unit lead answers their unit's initiative's question (administrators any); others are refused."""
    initiative = get_object_or_404(Initiative, code=code)
    if not may_answer(request.user, initiative):
        raise PermissionDenied
    form = AnswerForm(request.POST or None, initial={"text": initiative.private_sector_engagement})
    if request.method == "POST" and form.is_valid():
        initiative_answer(initiative=initiative, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, _("The answer is saved."))
        return redirect("strategy:initiative_detail", code=initiative.code)
    return render(request, "strategy/initiative_answer.html", {"initiative": initiative, "form": form})
