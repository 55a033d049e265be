"""Sourcedesk settings: one module, driven by environment variables.

``SOURCEDESK_ENV`` is ``development`` (the default: DEBUG on, an insecure key allowed, SQLite)
or ``production`` (``SECRET_KEY`` and ``ALLOWED_HOSTS`` must come from the environment).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


ENVIRONMENT = os.environ.get("SOURCEDESK_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured("SOURCEDESK_ENV must be 'development' or 'production'.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if DEBUG and PRODUCTION:
    # DEBUG shows tracebacks, settings and SQL to whoever makes a request fail.
    raise ImproperlyConfigured("DEBUG must be off when SOURCEDESK_ENV=production.")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
    # Development only: never used when SOURCEDESK_ENV=production.
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "annotations",
    "verify",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "config.observability.RequestLogMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear 429 answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Brute-force protection: counts failed logins and locks out (pages, admin and API).
    "axes.backends.AxesStandaloneBackend",
    "annotations.backends.ModelPermissionsBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out user and address may try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no start-up banner in every command's output

# History pages are for reading: a revert would write a past status past the workflow
# (annotations.admin.ReadOnlyHistoryAdmin also refuses the POST, which this setting does not).
SIMPLE_HISTORY_REVERT_DISABLED = True

ROOT_URLCONF = "config.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DEFAULT_SQLITE_PATH = BASE_DIR / "var" / "sourcedesk.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Wait for a concurrent writer instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Take the write lock when a transaction starts, so that two writers wait for each other
    # instead of one failing with "database is locked" when it upgrades a read lock.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # A file, not memory, so that worker processes in the integration tests share it; one per
    # test run, so that runs side by side do not share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / "var" / f"test_sourcedesk_{os.getpid()}.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a check: its password_changed() revokes the user's API tokens.
    {"NAME": "annotations.services.tokens.RevokeTokensOnPasswordChange"},
]
# API tokens expire this many days after they are issued.
API_TOKEN_TTL_DAYS = int(os.environ.get("API_TOKEN_TTL_DAYS", "90"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Production serves collected files (``collectstatic``) through WhiteNoise; development serves
# them straight from the apps.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Content Security Policy: everything the pages and the API docs need is served from here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bar widths in the summary chart are style attributes; no inline <style> or script.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "annotations.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "60/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "100/second"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sourcedesk API",
    "DESCRIPTION": (
        "Per-sentence sourcing, confidence, review state and cross-checks of news articles, "
        "for publishing systems. Authenticate with `Authorization: Token <key>` (a token of a "
        "user with the editor role: it may push drafts and annotate, never approve or sign "
        "off). This schema and the docs need a desk role too."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its docs page: a desk role (editor, reviewer, administrator), like the API.
    "SERVE_PERMISSIONS": [
        "rest_framework.permissions.IsAuthenticated",
        "annotations.api.permissions.HasDeskRole",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "annotations.api.schema.strict_request_bodies",
    ],
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/desk/"

# Jobs (Celery on Redis). Without a broker, tasks run in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or ""
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True  # job rows, not a result backend, hold the outcome
# A message is acknowledged only after its task finished; a worker that dies mid-task leaves
# it to be delivered again. Job rows make a second delivery harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Workers log through LOGGING below (JSON lines in production, the task log line included),
# not through a root logger of Celery's own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Redis redelivers an unacknowledged message after the visibility timeout: every time limit
# and retry countdown stays well below it.
CELERY_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": 3,
    "socket_timeout": 10,
}
CELERY_TASK_TIME_LIMIT = 900
CELERY_TASK_SOFT_TIME_LIMIT = 840
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing while Redis is down fails fast; the job row stays queued and the beat task sends
# it again once Redis is back.
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BEAT_SCHEDULE = {
    "requeue-crosscheck-jobs": {
        "task": "verify.tasks.requeue_crosscheck_jobs",
        "schedule": float(os.environ.get("SOURCEDESK_REQUEUE_INTERVAL", "30")),
    },
    "resend-overdue-webhooks": {
        "task": "annotations.tasks.resend_overdue_webhooks",
        "schedule": float(os.environ.get("SOURCEDESK_REQUEUE_INTERVAL", "30")),
    },
}

# Cross-check jobs.
CROSSCHECK_LEASE_SECONDS = int(os.environ.get("SOURCEDESK_CROSSCHECK_LEASE_SECONDS", "120"))
CROSSCHECK_DISPATCH_GRACE_SECONDS = 30  # a queued job not sent after this long is sent again
# Candidates fetched from the index per claim, each scored. 40 find more than 30 on ECB+
# (recall@5 0.935 against 0.928, both halves up) for a 30-claim draft against 1M sentences
# on PostgreSQL at 696 ms warm (p95 814) against 580 ms (bench_crosscheck, 2026-12-08).
CROSSCHECK_CANDIDATES = 40
CROSSCHECK_MATCHES = 30  # of those, the best-scoring compare classifies: a claim's matches
# The decision weighs the cosine of the two sentences' word vectors (distilled from
# all-MiniLM-L6-v2, verify/engine/crosscheck/embedding.py; README "The sentence embedding")
# where its packages are installed; 0 decides without it, as where they are not.
CROSSCHECK_EMBEDDING = os.environ.get("SOURCEDESK_CROSSCHECK_EMBEDDING", "1") != "0"
# Most index postings a single-term fallback query may rank (pairs of terms come first).
CROSSCHECK_POSTINGS_BUDGET = 4_000
# Fault-injection knob for the integration tests: seconds to pause after each claim.
CROSSCHECK_CLAIM_DELAY = float(os.environ.get("SOURCEDESK_CROSSCHECK_CLAIM_DELAY", "0"))


def served_address(host: str, port: str) -> str:
    """The address a browser reaches a server bound to ``host``:``port`` at (a wildcard bind
    is reached on the loopback)."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)  # noqa: S104
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port or '8000'}"


# Absolute URLs in webhooks and exports (this instance's public address). Without it, the
# address ``HOST`` and ``PORT`` serve (``make demo PORT=8101`` passes both).
SOURCEDESK_BASE_URL = os.environ.get("SOURCEDESK_BASE_URL") or served_address(
    os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
)

# Webhooks go to public addresses only (annotations/webhook_addresses.py); these hosts or
# addresses (optionally ``:port``) are exceptions. Development allows the local receivers of
# the demo and the tests; production allows none unless the variable says so. Set it empty
# (``WEBHOOK_ALLOWED_HOSTS=``) to allow none in development too.
_webhook_hosts = os.environ.get("WEBHOOK_ALLOWED_HOSTS")
WEBHOOK_ALLOWED_HOSTS = (
    ([] if PRODUCTION else ["127.0.0.1", "localhost"])
    if _webhook_hosts is None
    else [item.strip() for item in _webhook_hosts.split(",") if item.strip()]
)

# Ingestion limits.
SOURCEDESK_MAX_BODY_BYTES = int(os.environ.get("SOURCEDESK_MAX_BODY_BYTES", str(2 * 1024 * 1024)))
# Sentences one article may have: longer bodies are refused before any analysis work (a 2 MB
# body of short sentences would otherwise hold a request or a worker for minutes).
SOURCEDESK_MAX_SENTENCES = int(os.environ.get("SOURCEDESK_MAX_SENTENCES", "2000"))

# Logs: JSON lines in production (one object per request and per task), plain text otherwise.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # In-process jobs would log a line per task into every command's output.
        "celery.app.trace": {"level": "WARNING" if not CELERY_BROKER_URL else "INFO"},
        "sourcedesk.request": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
        "sourcedesk.task": {"level": "INFO" if CELERY_BROKER_URL else "WARNING"},
        # Runserver logs each request itself; the structured request log replaces it.
        "django.server": {"level": "WARNING" if PRODUCTION else "INFO"},
    },
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
