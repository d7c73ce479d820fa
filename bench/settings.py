"""Settings for serving and checking a generated site in the benchmarks: production-like, but self-contained.

DEBUG off (no query log growing in memory), no Redis, static files straight from the finders (no collectstatic),
database and var/ from DATABASE_URL / CMS_VAR_DIR, the checker's LINKCHECK_* settings from the environment
(cms/settings/base.py reads them).
"""

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-key"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LINKCHECK_ON_PUBLISH = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
MIDDLEWARE = ["bench.middleware.linkchecker_header", *MIDDLEWARE]  # noqa: F405
