"""A person's access and erasure requests (administrators only): export everything held on a contact,
or erase what identifies them."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..models import Contact
from ..personal_data import as_csv_zip, as_json, contact_personal_data
from ..services.privacy import contact_erase

FORMATS = {
    "json": (lambda contact, sections: as_json(contact, sections), "application/json"),
    "zip": (lambda contact, sections: as_csv_zip(sections), "application/zip"),
}


# The permission is checked before the method, so a person without it is refused whatever they send.
@permission_required("stakeholders.export_contact", raise_exception=True)
@require_GET
def contact_export(request, pk, file_format):
    if file_format not in FORMATS:
        raise Http404
    contact = get_object_or_404(Contact, pk=pk)
    writer, content_type = FORMATS[file_format]
    response = HttpResponse(writer(contact, contact_personal_data(contact)), content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="cec-engage-contact-{contact.pk}-{stamp}.{file_format}"'
    return response


@permission_required("stakeholders.erase_contact", raise_exception=True)
def contact_erase_view(request, pk):
    contact = get_object_or_404(Contact.objects.select_related("organization"), pk=pk)
    if request.method == "POST":
        try:
            contact_erase(contact=contact, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The contact's personal data is erased. The erasure is logged."))
        return HttpResponseRedirect(contact.get_absolute_url())
    return render(request, "stakeholders/contact_confirm_erase.html", {"contact": contact})
