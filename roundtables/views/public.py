"""The RSVP page: no account, the invitation's language (with a switcher), a calendar file, polite pages
for a cancelled event, an unknown link, a full event, and a rate limit per address."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from ..choices import EventStatus
from ..models import Participant
from ..services.invitations import event_ics
from ..services.participants import EventFull, participant_rsvp

RATE = "60/m"  # per address: plenty for a person, little for a script trying tokens
SWITCH = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LANGUAGES = ("en", "fr", "es")


def _polite(request, template: str, *, status: int, event=None, language=None):
    with translation.override(language or translation.get_language()):
        context = {"event": event, "switch_languages": SWITCH if event else None}
        return render(request, f"roundtables/public/{template}.html", context, status=status)


def _participant(token: str):
    return Participant.objects.select_related("event", "contact").filter(token=token).first()


@login_not_required
@never_cache
@ratelimit(key="ip", rate=RATE, method=ratelimit.ALL, block=False)
def rsvp(request, token: str):
    if getattr(request, "limited", False):
        return _polite(request, "slow_down", status=429)
    participant = _participant(token)
    if participant is None:
        return _polite(request, "unknown", status=404)
    chosen = request.GET.get("lang") or request.POST.get("lang")
    language = chosen if chosen in LANGUAGES else participant.language
    event = participant.event
    if event.is_cancelled:
        return _polite(request, "cancelled", status=410, event=event, language=language)
    with translation.override(language):
        error = None
        status = 200
        if request.method == "POST":
            answer = request.POST.get("answer")
            if answer in ("accept", "decline"):
                try:
                    participant_rsvp(participant=participant, accept=answer == "accept")
                except EventFull:
                    return _polite(request, "full", status=409, event=event, language=language)
                except ValidationError as problem:
                    error, status = " ".join(problem.messages), 400
                else:
                    return HttpResponseRedirect(f"{request.path}?lang={language}&answered=1")
        return render(
            request,
            "roundtables/public/rsvp.html",
            {
                "event": event,
                "participant": participant,
                "language": language,
                "answered": request.GET.get("answered") == "1",
                "open": event.status in (EventStatus.PLANNING, EventStatus.INVITATIONS_SENT),
                "error": error,
                "switch_languages": SWITCH,
            },
            status=status,
        )


@login_not_required
@never_cache
@ratelimit(key="ip", rate=RATE, method="GET", block=False)
def rsvp_calendar(request, token: str):
    if getattr(request, "limited", False):
        return _polite(request, "slow_down", status=429)
    participant = _participant(token)
    if participant is None:
        return _polite(request, "unknown", status=404)
    response = HttpResponse(event_ics(participant.event, participant=participant), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return response
