from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import UpdateView

from .forms import PreferencesForm, SignInForm
from .models import ApiToken
from .services import api_token_create, api_token_revoke, user_set_language


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True


class PreferencesView(UpdateView):
    """A person's own name, language and time zone."""

    form_class = PreferencesForm
    template_name = "accounts/preferences.html"
    success_url = reverse_lazy("preferences")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your preferences are saved."))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            form.instance.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response


def _safe_next(request) -> str:
    candidate = request.POST.get("next") or request.META.get("HTTP_REFERER") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("reports:home")


@login_not_required
@require_POST
def set_language(request):
    """Switch the interface language; kept in a cookie, and on the account of a signed-in person."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(_safe_next(request))
    if language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _api_key_page(request, *, new_key: str = ""):
    token = ApiToken.objects.filter(user=request.user).first()
    return render(request, "accounts/api_key.html", {"token": token, "new_key": new_key})


@require_GET
def api_key(request):
    """A person's key for reporting tools: whether they have one, since when, and how to connect."""
    return _api_key_page(request)


@never_cache
@require_POST
def api_key_create(request):
    """Make a new key (replacing the old one) and show it this once: it is not kept, only its digest."""
    _token, key = api_token_create(user=request.user)
    return _api_key_page(request, new_key=key)


@require_POST
def api_key_revoke(request):
    if api_token_revoke(user=request.user):
        messages.success(request, _("Your API key is revoked. Tools that used it can no longer connect."))
    return HttpResponseRedirect(reverse("api_key"))
