"""Settings for PPS Portal, read only from the environment.

See README.md for the variables. Helpers in pps_portal.env raise
ImproperlyConfigured naming the variable when a value is malformed.
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from pps_portal.env import env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(for local development set DJANGO_DEBUG=1, as `make run` does)"
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
for origin in CSRF_TRUSTED_ORIGINS:
    if not origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"DJANGO_CSRF_TRUSTED_ORIGINS entries must start with http:// or https://, got {origin!r}"
        )

INSTALLED_APPS = [
    # Before admin (its admin classes patch admin's forms): translated
    # content fields (title_uk, body_en…) in the content's own tables.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    "django_ckeditor_5",
    "pps_portal.apps.LoginProtectionConfig",  # django-axes
    "reversion",
    "editorial",
    "pps_portal",
    "news",
    "organizations",
    "calendar_app",
    "submissions",
    "documents",
    "pages",
    "grants",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so static files get the headers too.
    "pps_portal.middleware.response_headers_middleware",
    # Before anything can read a request body.
    "pps_portal.middleware.request_size_limit_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache: a hit skips everything below.
    # Also ETags, 304s, compression and Cache-Control of public responses.
    "pps_portal.page_cache.PageCacheMiddleware",
    "pps_portal.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A 404 whose address moved (content renamed or moved, an editor's
    # redirect) becomes a 301 to the new address.
    "pps_portal.redirects.redirect_fallback_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pps_portal.middleware.site_settings_middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection for the editors' login (django-axes): after
# AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is locked out for 30 minutes with a 429 page; a success resets it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A 429 page with Retry-After and the real cool-off time.
AXES_LOCKOUT_CALLABLE = "pps_portal.views.login_locked"
AXES_CLIENT_IP_CALLABLE = "submissions.protection.client_ip"
AXES_VERBOSE = False

ROOT_URLCONF = "pps_portal.urls"
WSGI_APPLICATION = "pps_portal.wsgi.application"

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
                "pps_portal.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL, or the project-local cluster that `make run` starts
# (scripts/localdb) listening on a Unix socket under var/pg/run.
_database_url = env_url("DATABASE_URL", schemes=("postgres", "postgresql", "pgsql"))
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "pps_portal",
            "USER": "pps",
            "HOST": str(VAR_DIR / "pg" / "run"),
        }
    }
# Connections come from psycopg's pool (one per process, shared by its
# threads): at most DATABASE_POOL_MAX_SIZE per process, so a burst of requests
# waits up to DATABASE_POOL_TIMEOUT seconds for a free connection instead of
# opening more until PostgreSQL refuses them (then the page answers 503).
# Size it so that processes x max size stays below max_connections minus
# headroom (README). Pooled connections are checked before use, so the portal
# recovers by itself after a database restart.
_pool_min = env_int("DATABASE_POOL_MIN_SIZE", 1, minimum=1)
_pool_max = env_int("DATABASE_POOL_MAX_SIZE", 4, minimum=1)
if _pool_max < _pool_min:
    raise ImproperlyConfigured(f"DATABASE_POOL_MAX_SIZE ({_pool_max}) is below DATABASE_POOL_MIN_SIZE ({_pool_min})")
DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections, not Django
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {}).update(
    {
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 5, minimum=1),
        "pool": {
            "min_size": _pool_min,
            "max_size": _pool_max,
            "timeout": env_int("DATABASE_POOL_TIMEOUT", 20, minimum=1),
            # Idle connections beyond min_size are closed after 5 minutes.
            "max_idle": 300,
        },
    }
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache (pps_portal.caches): rate limits, single-use form tokens,
# the page cache. Redis when REDIS_URL is set (several app servers share
# it); otherwise an UNLOGGED table in the portal's database (pps_portal's
# migration *_shared_cache_table), which every worker of every server on
# that database shares. Never per-process memory: three workers would count a rate limit
# three times and accept one form token three times.
REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss", "unix"))
CACHE_TABLE = "pps_cache"
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "pps_portal.caches.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "pps_portal.caches.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Culling (expired first) starts above this many entries.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# Anonymous visitors' pages from the shared cache (pps_portal.page_cache);
# PAGE_CACHE=0 turns it off (benchmarks of a miss). A page lives at most
# PAGE_CACHE_MAX_AGE seconds, and never past the next publication, expiry or
# other time-based change (pps_portal.invalidation).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 3600, minimum=1)
# Writes to every other model's table invalidate the cached pages. These are
# never shown on a public page (app labels or app.Model).
PAGE_CACHE_IGNORED_MODELS = [
    "sessions",
    "admin",  # the admin's history (LogEntry)
    "auth",  # users, groups, permissions (last_login changes at every login)
    "contenttypes",
    "axes",  # login attempts
    "reversion",  # versions of editorial content (a restore writes the content itself)
    "editorial.HistoryEntry",  # editors' history
    "submissions.Submission",  # the moderation queue: public only once an editor publishes it elsewhere
    "submissions.SubmissionLog",
    # One-time links an organization asks for (anyone may ask, anonymously):
    # no page shows them; the change sent through one is content.
    "organizations.UpdateLink",
    # How far ahead series are stored: bookkeeping no page shows (the dates an
    # extension stores are calendar_app.Occurrence rows, which count).
    "calendar_app.OccurrenceHorizon",
]
# Cookies that never change a page (besides the accessibility ones, CSRF and
# language): a request with any other cookie is never served from the page
# cache nor stored in it (a session, pending messages, anything unknown).
PAGE_CACHE_HARMLESS_COOKIES = env_list("PAGE_CACHE_HARMLESS_COOKIES")
# Never looked up nor stored, as they cost less to answer than a lookup: the
# health check (it must ask the database) and robots.txt (BENCHMARKS.md's
# reference for a bare view through the whole middleware stack).
PAGE_CACHE_EXEMPT_PATHS = frozenset({"/healthz", "/robots.txt"})

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish is the source language and keeps the unprefixed addresses printed
# on paper; Ukrainian and English live under /uk/ and /en/ (pps_portal.urls).
# Each name is the language's own name: the switcher shows them as they are.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("uk", "Українська"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Translated content (django-modeltranslation): title_pl, title_uk, title_en…
# beside each translated field. A text without a translation shows the Polish
# one (the page then says so: pps_portal.translation).
MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pl",)
# Rich text is a TextField underneath; each language gets its own editor.
MODELTRANSLATION_CUSTOM_FIELDS = ("CKEditor5Field",)
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
# Serve MEDIA_ROOT from Django itself (development, `make serve`); production
# puts a web server or object storage in front of it instead.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
# Uploads waiting for moderation (public submissions) live outside MEDIA_ROOT
# and have no URL: only editors see them, through admin.
PRIVATE_MEDIA_ROOT = Path(env_str("DJANGO_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Source maps (CKEditor's is 8 MB, twice: hashed and not) are only fetched by
# a developer's browser tools; compressing them was four fifths of
# collectstatic's time (38 s against 8 s), which `make serve` and every
# deployment pay.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# Request bodies (pps_portal.middleware.request_size_limit_middleware refuses
# larger ones with 413 before reading them): MAX_REQUEST_BYTES for uploads
# (multipart: the largest file, a 20 MB document, and its form),
# DATA_UPLOAD_MAX_MEMORY_SIZE for anything else.
MAX_REQUEST_BYTES = env_int("DJANGO_MAX_REQUEST_BYTES", 21 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o644

# Public forms (submissions app): per-IP rate limit (attempts per window),
# where notices go when site settings name no address, how long the senders'
# contact data is kept after an item is closed.
SUBMISSIONS_RATE_LIMIT = env_int("SUBMISSIONS_RATE_LIMIT", 10, minimum=1)
SUBMISSIONS_RATE_WINDOW = env_int("SUBMISSIONS_RATE_WINDOW", 600, minimum=1)
# A form sent back sooner than this after it was shown is a bot's.
SUBMISSIONS_MIN_FILL_SECONDS = env_int("SUBMISSIONS_MIN_FILL_SECONDS", 3, minimum=0)
SUBMISSIONS_NOTIFY_EMAIL = env_str("SUBMISSIONS_NOTIFY_EMAIL", "")
SUBMISSIONS_RETENTION_DAYS = env_int("SUBMISSIONS_RETENTION_DAYS", 365, minimum=1)
# The site's public address, for links in e-mails sent outside a request
# (the yearly confirmation requests from cron, the organizations' outcome
# messages). Development default: the local server `make run` starts.
SITE_URL = (env_url("SITE_URL", schemes=("http", "https")) or ("http://127.0.0.1:8000" if DEBUG else "")).rstrip("/")
# Calendar: the fixed domain of event UIDs in .ics feeds (event-<id>@<domain>), never the request's host.
ICAL_UID_DOMAIN = env_str("ICAL_UID_DOMAIN", "") or "pps-portal.invalid"
# Grant calls: the prefix of grant identifiers in the 360Giving open data
# (360Giving assigns one to each publisher; set it once, never change it).
GRANTS_360G_PREFIX = env_str("GRANTS_360G_PREFIX", "") or "360G-pps-portal"

# E-mail: console unless an SMTP host is configured.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "PPS Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. With DJANGO_DEBUG=0 the HTTPS settings are on unless DJANGO_HTTPS=0
# (only for a local production-like run over plain HTTP: `make serve`).
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Browser features the portal does not use are denied to it and to anything
# it could embed; copying to the clipboard (the KRS button) is all it uses.
# (pps_portal.middleware.response_headers_middleware sends both headers.)
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "clipboard-read": [],
    "clipboard-write": ["self"],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# Pages, pictures and files are not for other sites to embed.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "pps_portal.views.csrf_failure"

# A strict Content-Security-Policy: no inline script or style anywhere on the
# public site. Admin gets 'unsafe-inline' styles for CKEditor 5 (middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Accessibility preferences (font step, contrast) are kept in this cookie.
A11Y_COOKIE_MAX_AGE = 365 * 24 * 3600

# Rich text for editors (admin only). Uploads go through our own view
# (pps_portal.views.editor_image_upload): staff only, the shared image checks.
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "pl",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertTable",
                "imageUpload",
                "|",
                "undo",
                "redo",
            ],  # fmt: skip
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Akapit", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Nagłówek 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Nagłówek 3", "class": "ck-heading_heading3"},
                {"model": "heading4", "view": "h4", "title": "Nagłówek 4", "class": "ck-heading_heading4"},
            ]
        },
        "image": {"toolbar": ["imageTextAlternative", "|", "imageStyle:inline", "imageStyle:block"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells", "tableProperties"]},
        "link": {"defaultProtocol": "https://"},
    },
}
