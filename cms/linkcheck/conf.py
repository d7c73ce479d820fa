"""The checker's settings with their defaults, read at call time so tests can override them."""

import ipaddress
from dataclasses import dataclass

from django.conf import settings

DEFAULTS = {
    "LINKCHECK_ALLOWED_NETWORKS": [],
    "LINKCHECK_TIMEOUT": 10.0,
    "LINKCHECK_CONNECT_TIMEOUT": 5.0,
    "LINKCHECK_MAX_CONNECTIONS": 256,
    "LINKCHECK_MAX_PER_HOST": 10,
    "LINKCHECK_HOST_INTERVAL": 0.0,
    "LINKCHECK_CACHE_TTL": 24 * 3600,
    "LINKCHECK_RUN_BUDGET": 1800.0,
    "LINKCHECK_MAX_BODY_BYTES": 64 * 1024,
    "LINKCHECK_MAX_REDIRECTS": 10,
    "LINKCHECK_RETRIES": 2,
    "LINKCHECK_BACKOFF": 1.0,
    "LINKCHECK_RETRY_AFTER_MAX": 30.0,
    "LINKCHECK_USER_AGENT": "openness-cms-linkcheck/1.0",
    "LINKCHECK_CONTENT_SELECTOR": "main",
    "LINKCHECK_DISABLED_RULES": [],
    "LINKCHECK_EXTRA_AMBIGUOUS_PHRASES": [],
    "LINKCHECK_ON_PUBLISH": True,
    "LINKCHECK_FETCH_IN_SUBPROCESS": True,
    "LINKCHECK_SUBPROCESS_MIN_PAGES": 50,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])


@dataclass(frozen=True)
class HttpOptions:
    """A snapshot of the external-checking settings for one run (plain values, safe to use off the main thread)."""

    allowed_networks: tuple
    timeout: float
    connect_timeout: float
    max_connections: int
    max_per_host: int
    host_interval: float
    run_budget: float
    max_body_bytes: int
    max_redirects: int
    retries: int
    backoff: float
    retry_after_max: float
    user_agent: str

    @classmethod
    def from_settings(cls, **overrides):
        values = {
            "allowed_networks": parse_networks(get("LINKCHECK_ALLOWED_NETWORKS")),
            "timeout": float(get("LINKCHECK_TIMEOUT")),
            "connect_timeout": float(get("LINKCHECK_CONNECT_TIMEOUT")),
            "max_connections": int(get("LINKCHECK_MAX_CONNECTIONS")),
            "max_per_host": int(get("LINKCHECK_MAX_PER_HOST")),
            "host_interval": float(get("LINKCHECK_HOST_INTERVAL")),
            "run_budget": float(get("LINKCHECK_RUN_BUDGET")),
            "max_body_bytes": int(get("LINKCHECK_MAX_BODY_BYTES")),
            "max_redirects": int(get("LINKCHECK_MAX_REDIRECTS")),
            "retries": int(get("LINKCHECK_RETRIES")),
            "backoff": float(get("LINKCHECK_BACKOFF")),
            "retry_after_max": float(get("LINKCHECK_RETRY_AFTER_MAX")),
            "user_agent": str(get("LINKCHECK_USER_AGENT")),
        }
        values.update(overrides)
        return cls(**values)


def parse_networks(value):
    """CIDR strings (a list, or one comma-separated string) to ip_network objects."""
    if isinstance(value, str):
        value = value.split(",")
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in value if item and item.strip())
