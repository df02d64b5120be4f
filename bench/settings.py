"""Settings for the benchmark: the project's own, plus the reference admin's URLs.

Used by the in-process runs and by gunicorn in the load run (``DJANGO_SETTINGS_MODULE=bench.settings``).
Everything else stays as in production, HTTPS redirects and secure cookies included; only the static
files storage is the plain one, since the benchmark does not run ``collectstatic``.
"""

from cec_engage.settings import *  # noqa: F403
from cec_engage.settings import STORAGES

ROOT_URLCONF = "bench.urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
