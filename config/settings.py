"""Settings for the Istanbul Talks Tracker, read from environment variables.

One module for every environment. Each variable is listed in `.env.example`; a malformed value
stops the process at start-up instead of surfacing later as odd behaviour.
"""

import datetime
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers as corsheaders_default_headers
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "")
    if value == "":
        return default
    if value.lower() not in ("true", "false", "1", "0"):
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', got {value!r}")
    return value.lower() in ("true", "1")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    if value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str) -> str:
    """A secret from NAME, or from the file named by NAME_FILE (Docker/Kubernetes secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        try:
            return Path(path).read_text().strip()
        except OSError as error:
            raise ImproperlyConfigured(f"{name}_FILE={path!r} cannot be read: {error}") from None
    return os.environ.get(name, "")


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE), or DJANGO_DEBUG=true for local work."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Before the admin, so its translated-field widgets and query rewriting are in place; it
    # reads each app's translation.py (the record's reader-facing texts in uk and ru).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "axes",
    "import_export",
    # Two-factor authentication for the admin: authenticator-app codes and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    # The project's own apps, in dependency order: each may import only those above it
    # (tests/test_layering.py). record, public and api hold no models.
    "provenance",
    "actors",
    "talks",
    "positions",
    "record",
    "public",
    "api",
    "ops",
]

MIDDLEWARE = [
    # Outermost, so the logged status and duration are what the client got.
    "ops.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Above the session and auth middleware: a cached anonymous page costs no database query.
    "ops.middleware.AnonymousPageCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session, before CommonMiddleware (Django's order). The public site's language
    # comes from the URL only (/uk/, /ru/; none is English), the admin's from the editor's
    # choice: see ops.middleware.UrlLanguageMiddleware.
    "ops.middleware.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every write during a logged-in request is checked against its user (provenance.guard).
    "provenance.guard.ActingUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ops.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "public.context_processors.record_review",
                "public.context_processors.languages",
            ],
        },
    },
]

# SQLite file by default so `make run` needs nothing installed; PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL avoid "database is locked" when the admin and a reader
    # write and read at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Nothing may hang a worker when PostgreSQL is slow or gone: connecting gives up after
    # DATABASE_CONNECT_TIMEOUT seconds and any statement after DATABASE_STATEMENT_TIMEOUT_MS, both
    # well below gunicorn's --timeout. ops.middleware turns the resulting errors into a 503.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 3),
        "options": f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 5000)}",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if redis_url := os.environ.get("REDIS_URL", ""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            # A cache that does not answer within a second counts as down.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The public site's interface in these languages: English at /, the others under /uk/ and /ru/
# (config/urls.py). The API answers in the language its request asks for (Accept-Language). The
# admin is in the language each editor picks in its header (kept in the language cookie), else
# their browser's, else English, at the same unprefixed /admin/ addresses
# (ops.middleware.UrlLanguageMiddleware); the public site never reads that cookie.
LANGUAGES = [("en", "English"), ("uk", "Українська"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The record's own texts (titles, summaries, names) in the same three languages: columns
# `<field>_en`, `<field>_uk`, `<field>_ru` on the same row (each app's translation.py). English is
# what every other language falls back to, field by field.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "uk", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Europe/Istanbul"  # where every round so far took place; stored in UTC regardless
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per request: method, path, status, duration, client (ops.middleware).
        "request": {"level": "INFO"},
        # Logins, failed logins, lockouts, publish/unpublish: who did what to which record.
        "security": {"level": "INFO"},
        # django-axes logs lockouts on its own loggers.
        "axes": {"level": "INFO"},
        # The request log already has one line per request; this would repeat 4xx lines.
        "django.request": {"level": "ERROR"},
    },
}

# The site's canonical host name, for the ids of feeds and calendar events (tag: URIs, UIDs),
# which must stay the same wherever the site is reached; links come from the request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Where readers send corrections; the about page (/about/#corrections) shows it. Default: the
# corrections@ address at SITE_URL's host, so a deployment that sets SITE_URL has one at its own domain.
CORRECTIONS_EMAIL = os.environ.get("CORRECTIONS_EMAIL") or (
    f"corrections@{urlsplit(SITE_URL).hostname or 'localhost'}"
)
if not re.fullmatch(r"[^@\s]+@[^@\s]+", CORRECTIONS_EMAIL):
    raise ImproperlyConfigured(
        f"CORRECTIONS_EMAIL must be an e-mail address, got {CORRECTIONS_EMAIL!r}"
    )

# --- editor workflow ---
# Reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none, use the peer).
TRUSTED_PROXIES = env_int("DJANGO_TRUSTED_PROXIES", 0)

# django-axes: lock the admin login after repeated failures from one client address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
# Keyed by client address alone, so an attacker cycling usernames from one address is stopped;
# behind a proxy the address must be the client's, not the proxy's (AXES_CLIENT_IP_CALLABLE).
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The client address as the outermost trusted proxy saw it (DJANGO_TRUSTED_PROXIES); without
# proxies X-Forwarded-For is ignored. Why not ipware's proxy count: ops/clientip.py.
AXES_CLIENT_IP_CALLABLE = "ops.clientip.client_ip"

# django-import-export: every import in a transaction, saved row by row (never bulk), so that a
# bad row rolls the file back and simple-history records each row.
# Editors and publishers log in with a password and a code (provenance/admin/two_factor.py).
# Off only for local work, so `make run` and the tests need no authenticator app.
TWO_FACTOR_REQUIRED = env_bool("DJANGO_TWO_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = "Istanbul Talks Tracker"

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"

# --- production: security headers, cookies, proxies, timeouts, logging ---
# `make checks` runs `check --deploy --fail-level WARNING` with production-shaped values; the
# README's "Deploying" section explains each variable.

# X-Forwarded-Proto is believed only behind trusted reverse proxies (TRUSTED_PROXIES, above),
# which also decide the client address in logs and lockouts (ops/clientip.py).
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG)
# Load balancers and compose health checks probe over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Browsers only honour HSTS over https, so it is harmless in local http work.
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SILENCED_SYSTEM_CHECKS = [
    # W021: HSTS preload is a request to browser vendors that is slow to undo and covers every
    # subdomain; the operator opts in with DJANGO_HSTS_PRELOAD=true once the domain is ready.
    "security.W021",
]

# Secure cookies in production. The __Host- prefix makes browsers refuse the cookie unless it is
# Secure, host-only and Path=/ (ASVS 5.0 3.3.1); browsers reject such names over plain http, so
# local development keeps Django's names.
SECURE_COOKIES = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
# No page script reads the CSRF token from the cookie (the admin uses the form field).
CSRF_COOKIE_HTTPONLY = True
# The admin's language (its header menu); no script reads it either.
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if SECURE_COOKIES:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# Editors' sessions last a working day, not Django's default two weeks.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 12 * 60 * 60)

# Content-Security-Policy (django-csp 4): no inline script or style anywhere; templates put
# JavaScript and CSS in static files. JSON-LD is data, not script, so it is unaffected.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# What the 503 page and JSON tell clients to wait before retrying, in seconds.
RETRY_AFTER_SECONDS = env_int("DJANGO_RETRY_AFTER", 5)
# Anonymous pages are cached in CACHES["default"] under the content version, so a publish is
# visible on the next request. The timeout bounds memory and anything time-dependent on a page;
# DJANGO_RELEASE (set per deploy) keeps pages rendered by the previous code from being served.
# 0 turns the page cache off, the default while developing so template edits show at once.
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 0 if DEBUG else 60)
RELEASE = os.environ.get("DJANGO_RELEASE", "")
# A write endpoint used only by scripts/fault_drill.py to prove no acknowledged write is lost.
FAULT_DRILL_WRITES = env_bool("DJANGO_FAULT_DRILL_WRITES", False)

# --- API ---
# Read-only for the public; sessions only (no Basic auth, a second password-guessing path).
# Throttle state lives in the default cache (Redis in production), so the limit holds across
# processes; client IPs come from the last DJANGO_TRUSTED_PROXIES hops of X-Forwarded-For.
API_ANON_RATE = os.environ.get("API_ANON_RATE", "600/minute")
if not API_ANON_RATE.partition("/")[0].isdigit() or API_ANON_RATE.partition("/")[2][:1] not in (
    "s",
    "m",
    "h",
    "d",
):
    raise ImproperlyConfigured(f"API_ANON_RATE must look like '600/minute', got {API_ANON_RATE!r}")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # JSON and CSV. No browsable API: its pages carry inline scripts the CSP forbids; /api/docs/
    # replaces it.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "api.renderers.FlatCSVRenderer",
        "api.renderers.ExcelCSVRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.LinkHeaderPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "api.filters.PublicFilterBackend",
        "api.filters.SafeOrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.RateLimitThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
    "NUM_PROXIES": TRUSTED_PROXIES,
    "URL_FORMAT_OVERRIDE": "format",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.KnownFormatNegotiation",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Istanbul Talks Tracker API",
    "DESCRIPTION": (BASE_DIR / "api" / "description.md").read_text(),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # A public, read-only API: no operation needs credentials, so the schema names no security
    # scheme (every operation's `security` is `[{}]`, anonymous) and /api/docs/ shows no
    # "Authorize" button or padlocks. The session login is for the admin, not for API clients.
    "AUTHENTICATION_WHITELIST": [],
    "SWAGGER_UI_SETTINGS": {
        # Deep links put an <a> inside each operation's expand <button>, an interactive element
        # nested in another that screen readers and keyboards cannot reach (axe:
        # nested-interactive); without them the path is plain text in the button.
        "deepLinking": False,
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_error_responses",
    ],
    # The shared vocabularies get one schema name each, wherever a model uses them.
    "ENUM_NAME_OVERRIDES": {
        "SideEnum": "provenance.models.Side",
        "DatePrecisionEnum": "provenance.models.DatePrecision",
        "ConfidenceEnum": "provenance.models.Confidence",
        "CategoryEnum": "positions.models.Category",
        "ClaimantEnum": "provenance.models.Claimant",
        "SourceKindEnum": "provenance.models.SourceKind",
        "DelegationSideEnum": "talks.models.DelegationSide",
        # Every `<text>_language` field of the API (api.language.TextLanguageField).
        "TextLanguageEnum": "api.language.LANGUAGE_CHOICES",
        "TranslationStateEnum": "api.language.TRANSLATION_STATES",
    },
}
# CORS for read-only data: any origin may GET the API and the downloads, and read the headers
# a client needs for paging, caching and pacing itself.
CORS_ALLOW_ALL_ORIGINS = True
# The downloads are in every language (/uk/data/…); the API takes ?lang=, never a prefix.
CORS_URLS_REGEX = (
    rf"^/(api/|((?:{'|'.join(code for code, _ in LANGUAGES if code != LANGUAGE_CODE)})/)?data/)"
)
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Headers that differ per client (the API's rate-limit figures): a response carrying one is never
# stored by a shared cache — Django's page cache refuses it, the API marks it private, and nginx's
# micro-cache neither stores it (Cache-Control: private) nor would if it were not (proxy_no_cache).
PER_CLIENT_HEADERS = (
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
)

# A browser client revalidates with the ETag or Last-Modified it read: let the preflight allow
# the conditional headers too, besides django-cors-headers' defaults.
CORS_ALLOW_HEADERS = [*corsheaders_default_headers, "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = [
    "Link",
    "ETag",
    "Last-Modified",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
]
