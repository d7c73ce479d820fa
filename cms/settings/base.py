"""Settings shared by every environment; everything deployment-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from cms.core.logformat import logging_config, parse_admins

from .environment import env_float, env_int

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("CMS_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    # The suite, in dependency order (see docs/architecture.md).
    "transparency_blocks",
    "cms.snippets",
    "cms.ownership",
    "cms.pages",
    "cms.submissions",
    "cms.api",
    # Content areas: one app each; they never import each other.
    "cms.anticorruption",
    "cms.faq",
    "cms.councils",
    "cms.declarations",
    "cms.news",
    "cms.linkcheck",
    "search",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "cms.core.wagtail_apps.RedirectsConfig",  # wagtail.contrib.redirects without the v3 API
    "wagtail.contrib.forms",
    "wagtail.contrib.typed_table_block",
    "wagtail.api.v2",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "cms.core.wagtail_apps.SnippetsConfig",  # wagtail.snippets, idem
    "cms.core.wagtail_apps.DocumentsConfig",  # wagtail.documents, idem
    "cms.core.wagtail_apps.ImagesConfig",  # wagtail.images, idem
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "cms.core",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that shapes a page (its CSP header included), so a stored page is replayed whole.
    "cms.pagecache.middleware.PageCacheMiddleware",
    "cms.core.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # View restrictions, the units page's address and rich text link targets loaded once per request.
    "cms.core.request_cache.RequestCacheMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        # Each worker keeps its connection for a minute (CONN_MAX_AGE=0 in the environment: one per request). On
        # SQLite too: a new connection parses the schema and starts with an empty page cache, which cost a citizen
        # search 6-8 ms of its 70-80 (bench/search_bench.py, 20,000 pages + 20,000 documents + 20,000 FAQ entries).
        conn_max_age=env_int("CONN_MAX_AGE", 60, minimum=0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Only there: the app imports psycopg and registers PostgreSQL lookups, which SQLite runs cannot use.
    INSTALLED_APPS.append("django.contrib.postgres")
    # A PostgreSQL connection costs a fork on the server and an authentication round trip, and the server may
    # restart under a kept one: it is checked before reuse, so a restart costs one failed check, not an error page.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A server that accepts but never answers fails the request in seconds (the error page), not at the
    # worker's timeout (a dropped connection).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian"))]
TIME_ZONE = "Asia/Barnaul"
USE_I18N = True
USE_TZ = True
# The project's strings, then Russian for the few strings Wagtail 8.0 ships untranslated (cms/core/wagtail_locale).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "core" / "wagtail_locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"  # citizens' attachments (cms.submissions): never under MEDIA_ROOT

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "ЗАТО Сибирский"
# The admin calls no outside service: no Gravatar (a hash of each staff member's e-mail), no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_USER_LOGIN_FORM = "cms.core.forms.LoginForm"  # a Russian label for the password field
# Latin slugs only; the admin's slug field transliterates Russian titles as the rubric data does (cms/pages/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "ods", "pdf", "rtf", "txt", "xls", "xlsx", "zip", "rar"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"

WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database search with Russian word forms on SQLite and PostgreSQL (docs/search.md).
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "russian",
        "NORMALISER": "lemma",
    }
}

# The citizen search counts and ranks its sources side by side, each statement on a connection of its own; each
# process keeps up to this many connections more (search/fanout.py, docs/operations.md). 1: one after another.
SEARCH_CONCURRENT_STATEMENTS = env_int("SEARCH_CONCURRENT_STATEMENTS", 4, minimum=1)

WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ZATO Sibirsky openness CMS API",
    "DESCRIPTION": "Headless API of the official site: pages, images, documents, registries and the newspaper feed.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["cms.api.schema_hooks.public_endpoints_only"],
    # Wagtail's own admin API viewsets cannot be introspected; the public API is checked by its tests.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# --- Headless API (cms.api; documented in docs/api.md) ----------------------------------------------------------
API_ANON_THROTTLE_RATE = os.environ.get("API_ANON_THROTTLE_RATE", "1200/min") or None  # per address; "" = off
# Whole pages for anonymous citizens (cms/pagecache), in the "default" cache: Redis in production, this process's
# memory on the embedded default. CITIZEN_PAGE_CACHE=0 serves every page uncached.
CITIZEN_PAGE_CACHE = os.environ.get("CITIZEN_PAGE_CACHE", "1") == "1"
CITIZEN_PAGE_CACHE_TTL = env_int("CITIZEN_PAGE_CACHE_TTL", 3600, minimum=0)  # seconds; writes expire pages sooner
# Path prefixes never stored, beside static, media, admin and documents. The newspaper feed's freshness is its own
# sequence, not the content stamp (cms/api/feed.py).
CITIZEN_PAGE_CACHE_SKIP = ["/accessibility/", "/api/v2/feed/"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("LOCMEM_CACHE_ENTRIES", 2000, minimum=1)},
    }
}
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60, minimum=0)  # seconds, Cache-Control of API answers
API_WEBHOOK_URL = os.environ.get("API_WEBHOOK_URL", "")  # the newspaper's receiver; empty = no push
API_WEBHOOK_SECRET = os.environ.get("API_WEBHOOK_SECRET", "")  # HMAC-SHA256 key shared with the receiver
API_WEBHOOK_MAX_ATTEMPTS = env_int("API_WEBHOOK_MAX_ATTEMPTS", 6, minimum=1)
API_WEBHOOK_BACKOFF = env_float("API_WEBHOOK_BACKOFF", 30, minimum=0)  # seconds before the 2nd attempt, doubling
CORS_ALLOWED_ORIGINS = [o.strip() for o in os.environ.get("API_CORS_ORIGINS", "").split(",") if o.strip()]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
# --- end of headless API settings --------------------------------------------------------------------------------

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# A mail server that never answers fails the send (retried by the next run) instead of hanging the digest run.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=0)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@zato-sibirsky.ru")

SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# «Name <mail@host>, other@host»: who gets a mail for each server error (docs/operations.md).
ADMINS = parse_admins(os.environ.get("ADMINS", ""))
LOGGING_CONFIG = "cms.core.logformat.configure"
LOGGING = logging_config(
    level=os.environ.get("LOG_LEVEL", os.environ.get("CMS_LOG_LEVEL", "INFO")),
    fmt=os.environ.get("LOG_FORMAT", "json"),
    mail_level=os.environ.get("LOG_MAIL_LEVEL", "ERROR"),
)

# Content-Security-Policy, enforced (django-csp; cms/core/csp.py adds the admin's few allowances). The citizen
# site runs no script of its own and no inline style: everything comes from this origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

# --- Link checker (cms.linkcheck; documented in docs/linkcheck.md) ---------------------------------------------
LINKCHECK_ALLOWED_NETWORKS = [
    n.strip() for n in os.environ.get("LINKCHECK_ALLOWED_NETWORKS", "").split(",") if n.strip()
]  # CIDRs the checker may contact although private/loopback; empty = public addresses only
LINKCHECK_TIMEOUT = env_float("LINKCHECK_TIMEOUT", 10, minimum=0)  # total seconds per request
LINKCHECK_CONNECT_TIMEOUT = env_float("LINKCHECK_CONNECT_TIMEOUT", 5, minimum=0)
LINKCHECK_MAX_CONNECTIONS = env_int("LINKCHECK_MAX_CONNECTIONS", 256, minimum=1)  # global
LINKCHECK_MAX_PER_HOST = env_int("LINKCHECK_MAX_PER_HOST", 10, minimum=1)
LINKCHECK_HOST_INTERVAL = env_float("LINKCHECK_HOST_INTERVAL", 0, minimum=0)  # seconds between starts per host
LINKCHECK_CACHE_TTL = env_int("LINKCHECK_CACHE_TTL", 24 * 3600, minimum=0)  # seconds
LINKCHECK_RUN_BUDGET = env_float("LINKCHECK_RUN_BUDGET", 1800, minimum=0)  # seconds for the external phase
LINKCHECK_MAX_BODY_BYTES = env_int("LINKCHECK_MAX_BODY_BYTES", 64 * 1024, minimum=0)
LINKCHECK_DISABLED_RULES = []  # rule ids, e.g. ["same-text-different-targets"]
LINKCHECK_EXTRA_AMBIGUOUS_PHRASES = []  # added to the built-in «здесь», «подробнее», «click here» ...
LINKCHECK_ON_PUBLISH = True  # check a page (django-tasks) right after it is published
# --- end of link checker settings --------------------------------------------------------------------------------
