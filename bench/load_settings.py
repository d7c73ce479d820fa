"""Settings of the load benchmark (bench/load_bench.py): the API benchmark's (site URLs plus the bare view at
/bench/bare/, no API throttling), with the "default" cache in Redis when LOAD_BENCH_REDIS names one (the
PostgreSQL runs, as production), this process's memory otherwise (the SQLite runs). The page cache itself is
switched by CITIZEN_PAGE_CACHE, read by cms/settings/base.py.
"""

import os

from bench.api_settings import *  # noqa: F403

if os.environ.get("LOAD_BENCH_REDIS"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["LOAD_BENCH_REDIS"],
        }
    }
