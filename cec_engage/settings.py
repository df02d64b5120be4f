"""CEC Engage settings: one module, every value from the environment.

The contract is seven variables: DATABASE_URL, REDIS_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS, EMAIL_URL and
DEFAULT_FROM_EMAIL. A few optional ones tune a set-up and have working defaults (SESSION_IDLE_MINUTES,
TRUSTED_PROXIES, STATIC_ROOT, MEDIA_ROOT, CONN_MAX_AGE, LOG_LEVEL). Defaults are safe: DEBUG off, no key,
HTTPS-only cookies. A ``.env`` file beside manage.py (written by ``make run`` and ``make test``, never committed)
supplies a local SECRET_KEY.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # the process environment wins over the file

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]

INSTALLED_APPS = [
    "accounts.apps.AdminSiteConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "axes",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    # Ours, from the ground up: strategy is the floor, reports the top.
    "strategy",
    "accounts",
    "stakeholders",
    "partnerships",
    "surveys",
    "roundtables",
    "mapping",
    "reports",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "accounts.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "cec_engage.urls"
WSGI_APPLICATION = "cec_engage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory for the test database, so the live server used by browser tests reads
    # it through its own connection, as a real server would.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = 60 * 60 * 12  # a working day; an expired session sends the person back to sign in
# A session unused for this long is signed out on its next request (accounts.middleware.IdleSessionMiddleware).
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=120)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Repeated failed sign-ins: after 5 failures for one address from one IP, wait 15 minutes. The message
# is the same whether the account exists or not. The address is counted as the account matches it
# (trimmed, any case), so respelling it does not start a new count. The pair, not the address alone
# (anyone could lock anyone out) nor the IP alone (the Secretariat's office shares one address).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.sign_in_attempts.normalized_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form names the email field "username", as Django does

# Languages: English, French, Spanish; the chosen one is kept on the user and in a cookie.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Off: with it on, every integer a template prints is grouped ("1,414", "1 414" in French), ids in links
# and form values included. Figures meant for reading are grouped explicitly (floatformat:"g", intcomma).
USE_THOUSAND_SEPARATOR = False
# Numbers as each language's readers write them: Canada's French, Mexico's Spanish (strategy/formats).
FORMAT_MODULE_PATH = ["strategy.formats"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
# Times are stored in UTC and shown in each user's time zone; the Secretariat sits in Montréal.
USE_TZ = True
TIME_ZONE = "America/Toronto"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Widgets render with the project templates too (the organization picker lives in templates/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
FILTERS_EMPTY_CHOICE_LABEL = _("Any")
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="CEC Engage <no-reply@cec.org>")
# Links in emails sent by background jobs point here: the first allowed host, over HTTPS.
_site_host = ALLOWED_HOSTS[0].lstrip(".") if ALLOWED_HOSTS else "*"
SITE_URL = "http://127.0.0.1:8000" if DEBUG or _site_host == "*" else f"https://{_site_host}"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with REDIS_URL unset, tasks run inline in the web process (the `make run` set-up).
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a task is acknowledged once done, so a crash re-delivers it
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # long imports must not hold short tasks hostage
CELERY_TASK_TIME_LIMIT = 60 * 60  # the longest task (a large import) gets an hour
CELERY_TASK_SOFT_TIME_LIMIT = 55 * 60
# While Redis is down, a worker waits for it to come back, however long (the default gives up after 100
# tries and the worker stops); results are stored once it is back.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_RESULT_BACKEND_ALWAYS_RETRY = True
CELERY_RESULT_BACKEND_MAX_RETRIES = 20
# Redis re-delivers an unacknowledged task after this; it must exceed the longest task.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * CELERY_TASK_TIME_LIMIT}
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "purge-expired-sessions": {
        "task": "accounts.tasks.purge_expired_sessions",
        "schedule": crontab(hour=3, minute=15),
    },
    "compute-progress": {
        "task": "reports.tasks.compute_progress_nightly",
        "schedule": crontab(hour=3, minute=45),
    },
    "refresh-engagement-levels": {
        "task": "stakeholders.tasks.refresh_engagement_levels",
        "schedule": crontab(hour=2, minute=30),
    },
    "create-plan-followups": {
        "task": "stakeholders.tasks.create_plan_followups",
        "schedule": crontab(hour=6, minute=15),  # after the levels' refresh, before the morning digests
    },
    "send-followup-digests": {
        "task": "stakeholders.tasks.send_followup_digests",
        "schedule": crontab(hour=6, minute=45),
        "kwargs": {"base_url": SITE_URL},
    },
    "send-survey-reminders": {
        "task": "surveys.tasks.send_survey_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "release-stopped-imports": {
        "task": "stakeholders.tasks.release_stopped_imports",
        "schedule": crontab(minute="*/5"),
    },
}


# Redis, or this process's memory while Redis is down (strategy.failover_cache): pages and the public links'
# rate limit keep working. A Redis that does not answer is given up on within a second.
def redis_cache(url: str) -> dict:
    return {
        "BACKEND": "strategy.failover_cache.FailoverRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }


CACHES = {
    "default": redis_cache(REDIS_URL) if REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# The reverse proxies (addresses or networks) whose X-Forwarded-For names the client
# (strategy.client_address): by default, this machine and private networks, where a proxy sits in
# front of the app; nobody on the internet reaches the app from those.
TRUSTED_PROXIES = env.list(
    "TRUSTED_PROXIES",
    default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
# The public links' rate limit and the sign-in lockout count per client, not per proxy.
RATELIMIT_IP_META_KEY = "strategy.client_address.client_address"
AXES_CLIENT_IP_CALLABLE = "strategy.client_address.client_address"

# HTTPS in production: on unless DEBUG. The test client and live test server speak plain HTTP, so the
# test suite turns these off in tests/conftest.py.
SECURE_SSL_REDIRECT = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain HTTP
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy on every page: scripts, styles, fonts and requests only from our own origin,
# nothing inline (pages pass data in data- attributes and json_script blocks, which do not run, and set
# computed sizes from static/js), so an injected <script> or style attribute does nothing. Images also
# from data: URLs, which Bootstrap's stylesheet uses for form controls' icons (check boxes, select arrows).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
    },
}

SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a one-way door for the whole domain; the CEC's IT decides it, not the app.
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# The read-only API for reporting tools (api/): a person's key, JSON only, numbers as numbers.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CEC Engage API",
    "DESCRIPTION": "Read-only access for reporting tools. Send your key: Authorization: Bearer <key>.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {"CountryEnum": "stakeholders.choices.Country"},
}
