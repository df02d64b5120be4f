"""The project's URLs plus the reference admin, for the benchmark only."""

from django.urls import include, path

from .reference_admin import site, site_100

urlpatterns = [
    path("bench-admin/", site.urls),
    path("bench-admin-100/", site_100.urls),
    path("", include("cec_engage.urls")),
]
