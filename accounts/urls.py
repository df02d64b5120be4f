from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

# Sign-in pages keep Django's names (login, logout, password_reset...) so that Django's own redirects
# and emails find them.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("password_reset_complete")),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("language/", views.set_language, name="set_language"),
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("preferences/api-key/", views.api_key, name="api_key"),
    path("preferences/api-key/new/", views.api_key_create, name="api_key_create"),
    path("preferences/api-key/revoke/", views.api_key_revoke, name="api_key_revoke"),
]
