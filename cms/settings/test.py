"""Tests: fast hashing, in-memory cache and mail, tasks run at once."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-private-")
STATIC_ROOT = tempfile.mkdtemp(prefix="cms-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# --- Link checker: no network work when other tests publish pages; linkcheck tests switch it on explicitly ---
LINKCHECK_ON_PUBLISH = False

# --- Page cache: off, so tests measure rendering; tests/pagecache switches it on ---
CITIZEN_PAGE_CACHE = False
