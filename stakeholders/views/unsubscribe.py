"""The public unsubscribe page every invitation email links to: no sign-in, the email's language, and a
confirm button (a POST with CSRF protection) so that link scanners, which only open links, unsubscribe
nobody. Mail programs' one-click unsubscribe (RFC 8058) POSTs to an address of its own."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..choices import OPT_OUT_BY_ONE_CLICK, OPT_OUT_BY_UNSUBSCRIBE_PAGE
from ..services.consent import contact_opt_out, unsubscribe_token_read


def _page(request, template: str, *, language: str, status: int = 200, **context):
    with translation.override(language):
        return render(request, f"stakeholders/public/{template}.html", context, status=status)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    found = unsubscribe_token_read(token)
    if found is None:
        return _page(request, "unsubscribe_unknown", language=translation.get_language(), status=404)
    contact, language = found
    if request.method == "POST":
        contact_opt_out(contact=contact, how=OPT_OUT_BY_UNSUBSCRIBE_PAGE)
        contact.refresh_from_db(fields=["opted_out", "opted_out_on"])  # the page tells since when
        return _page(request, "unsubscribed", language=language, contact=contact)
    if contact.opted_out:
        return _page(request, "unsubscribed", language=language, contact=contact)
    return _page(request, "unsubscribe", language=language, contact=contact)


@login_not_required
@csrf_exempt  # the signed token in the address is the proof; a mail program has no CSRF cookie to send
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_one_click(request, token: str):
    """The List-Unsubscribe address. A mail program POSTs ``List-Unsubscribe=One-Click``; anything else
    (a person who opened the address, a scanner) gets the page with its confirm button."""
    page = reverse("stakeholders:unsubscribe", args=[token])
    if request.method != "POST" or request.POST.get("List-Unsubscribe") != "One-Click":
        return HttpResponseRedirect(page)
    found = unsubscribe_token_read(token)
    if found is None:
        return HttpResponse(status=404)
    contact_opt_out(contact=found[0], how=OPT_OUT_BY_ONE_CLICK)
    return HttpResponse(status=200)
