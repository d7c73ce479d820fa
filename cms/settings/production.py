"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS."""

import sys

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, os
from .environment import env_int

# One readable line and a non-zero exit, rather than a traceback, when the deployment is misconfigured.
if not SECRET_KEY:
    sys.exit("cms.settings.production: SECRET_KEY is not set; export SECRET_KEY=<a long random string>.")
if not ALLOWED_HOSTS:
    sys.exit("cms.settings.production: ALLOWED_HOSTS is not set; export ALLOWED_HOSTS=example.org,www.example.org.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CACHES = {
    "default": {
        # Redis gone degrades to uncached pages, never to error pages (cms/core/cache_backends.py).
        "BACKEND": "cms.core.cache_backends.TolerantRedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
}
