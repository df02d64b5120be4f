from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, UpdateView

from ..filters import ContactFilter
from ..forms import ContactForm
from ..models import Contact, Organization
from ..selectors import change_history, contact_positions
from ..services.contacts import contact_save
from .base import FilteredListView, ServiceFormMixin


class ContactListView(FilteredListView):
    permission_required = "stakeholders.view_contact"
    filterset_class = ContactFilter
    template_name = "stakeholders/contact_list.html"
    context_object_name = "contacts"

    def get_queryset(self):
        return Contact.objects.select_related("organization").only(
            "id",
            "full_name",
            "job_title",
            "email",
            "country",
            "consent_given",
            "opted_out",
            "organization__id",
            "organization__name",
            "organization__acronym",
        )


class ContactDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "stakeholders.view_contact"
    template_name = "stakeholders/contact_detail.html"
    context_object_name = "contact"

    def get_queryset(self):
        return Contact.objects.select_related("organization")

    def get_context_data(self, **kwargs):
        contact = self.object
        return super().get_context_data(
            positions=contact_positions(contact),
            interactions=contact.interactions.select_related("kind").order_by("-occurred_on", "-id")[:20],
            history=change_history(contact),
            **kwargs,
        )


class ContactFormView(ServiceFormMixin):
    model = Contact
    form_class = ContactForm
    template_name = "stakeholders/contact_form.html"

    def save(self, form):
        return contact_save(
            contact=form.instance,
            expected_version=form.cleaned_data.get("version") if form.instance.pk else None,
            moved_on=form.cleaned_data.get("moved_on"),
            since=form.cleaned_data.get("since"),
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class ContactCreateView(PermissionRequiredMixin, ContactFormView, CreateView):
    permission_required = "stakeholders.add_contact"
    success_message = _("%(name)s is added.")

    def get_initial(self):
        initial = super().get_initial()
        organization_id = self.request.GET.get("organization", "")
        if organization_id.isdigit():
            organization = get_object_or_404(Organization, pk=organization_id)
            initial.update(organization=organization.pk, country=organization.hq_country)
        return initial


class ContactUpdateView(PermissionRequiredMixin, ContactFormView, UpdateView):
    permission_required = "stakeholders.change_contact"
    success_message = _("Changes to %(name)s are saved.")

    def get_queryset(self):
        # An erased contact is not filled in again: a person who comes back is a new contact.
        return Contact.objects.filter(erased_at__isnull=True)
