"""The participant table of an event page, written in Python: a conference has hundreds of rows, each
with a small form, and through the template engine they cost several times the page's queries."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from ..choices import ParticipantStatus
from ..models import Participant

register = template.Library()
CLOSED = (ParticipantStatus.ATTENDED, ParticipantStatus.NO_SHOW)


def _options(choices, chosen) -> str:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == chosen else "", label) for value, label in choices),
    )


@register.simple_tag(takes_context=True)
def participant_rows(context, event, participants, can_write, role_choices, answer_choices) -> str:
    csrf = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', context.get("csrf_token", ""))
    edit_url = reverse("roundtables:participant_edit", args=[event.pk, 0]).rsplit("/0/", 1)
    contact_url = reverse("stakeholders:contact_detail", args=[0]).replace("/0/", "/{}/")
    organization_url = reverse("stakeholders:organization_detail", args=[0]).replace("/0/", "/{}/")
    save = gettext("Save")
    # Labels translated once per page, not once per row (Django's get_*_display rebuilds its dict each call).
    role_choices = [(value, str(label)) for value, label in role_choices]
    answer_choices = [(value, str(label)) for value, label in answer_choices]
    label = {
        name: {value: str(text) for value, text in Participant._meta.get_field(name).flatchoices}
        for name in ("role", "status", "category", "country", "email_status")
    }
    rows = []
    for p in participants:
        name = p.contact.full_name
        if can_write and p.status not in CLOSED and not event.is_cancelled:
            answer = format_html(
                '<form method="post" action="{}/{}/{}" '
                'class="d-flex flex-wrap flex-lg-nowrap gap-1 align-items-center">{}'
                '<select name="role" class="form-select form-select-sm w-auto" aria-label="{}">{}</select>'
                '<select name="status" class="form-select form-select-sm w-auto" aria-label="{}">{}</select>'
                '<button type="submit" class="btn btn-sm btn-outline-secondary">{}</button></form>',
                edit_url[0],
                p.pk,
                edit_url[1],
                csrf,
                gettext("Role of %(name)s") % {"name": name},
                _options(role_choices, p.role),
                gettext("Answer of %(name)s") % {"name": name},
                _options(answer_choices, p.status),
                save,
            )
        else:
            answer = format_html("{} · <strong>{}</strong>", label["role"][p.role], label["status"][p.status])
        email_status = label["email_status"].get(p.email_status, p.email_status)
        email = (
            format_html('<span class="text-danger">{}</span>', email_status)
            if p.email_status == "failed"
            else email_status
        )
        rows.append(
            (
                contact_url.format(p.contact_id),
                name,
                organization_url.format(p.organization_id),
                p.organization.name,
                label["category"].get(p.category, p.category),
                label["country"].get(p.country, p.country),
                answer,
                email,
            )
        )
    return format_html_join(
        "\n",
        '<tr><td><a href="{}">{}</a></td><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
        rows,
    )
