"""Forms of engagement plans and the target groups they aim at."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from strategy.forms import DateField

from .models import EngagementPlan, TargetGroup


class TargetGroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=200)
    query = forms.CharField(
        label=_("Filter of the organization list"),
        required=False,
        widget=forms.TextInput,
        help_text=_("Filled in from the organization list: filter the list, then choose “Save as a target group”."),
    )


class EngagementPlanForm(forms.ModelForm):
    class Meta:
        model = EngagementPlan
        fields = ["name", "target_group", "owner", "goal_level", "cadence_days", "due_on", "notes"]
        field_classes = {"due_on": DateField}
        labels = {
            "name": _("Name of the plan"),
            "target_group": _("Target group"),
            "owner": _("Owner"),
            "goal_level": _("Goal level"),
            "cadence_days": _("Contact cadence"),
            "due_on": _("Due"),
            "notes": _("Notes"),
        }
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_group"].queryset = TargetGroup.objects.select_related(None)
        # Whoever can make plans may own one: staff, unit leads and administrators.
        self.fields["owner"].queryset = User.objects.filter(is_active=True).order_by("full_name", "email")
