"""Top-level URLs. No language prefix: each person's language comes from their own choice."""

from django.contrib import admin
from django.urls import include, path

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("strategy.urls")),
    path("", include("stakeholders.urls")),
    path("", include("partnerships.urls")),
    path("", include("surveys.urls")),
    path("", include("roundtables.urls")),
    path("", include("mapping.urls")),
    path("", include("reports.urls")),
]
