"""Rating an organization's potential to support CEC initiatives, from its page or the stakeholder matrix."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..models import Organization, Potential
from ..services.potential import potential_rate


class PotentialForm(forms.Form):
    potential = forms.TypedChoiceField(
        label=gettext_lazy("Potential to support CEC initiatives"), choices=Potential.choices, coerce=int
    )


@require_POST
@permission_required("stakeholders.rate_potential", raise_exception=True)
def organization_rate(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    form = PotentialForm(request.POST)
    if form.is_valid():
        rating = potential_rate(organization=organization, potential=form.cleaned_data["potential"], by=request.user)
        messages.success(
            request,
            _("%(name)s: potential rated %(potential)s.")
            % {"name": organization, "potential": rating.get_potential_display().lower()},
        )
    else:
        messages.error(request, _("Choose low, medium or high."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = organization.get_absolute_url()
    return HttpResponseRedirect(target)
