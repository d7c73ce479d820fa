"""Settings of the API benchmark: the benchmark site settings, no throttling, and a bare view for the ceiling."""

from bench.settings import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
API_ANON_THROTTLE_RATE = None
