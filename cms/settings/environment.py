"""Numbers read from the environment. A value that is not a number, or is out of range, stops the start.

Without this, ``int(os.environ[...])`` on a typo fails with «invalid literal for int() with base 10: 'four'», which
names neither the variable nor what it should be.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    return _number(name, default, int, "a whole number", minimum)


def env_float(name: str, default: float, *, minimum: float | None = None) -> float:
    return _number(name, default, float, "a number", minimum)


def _number(name, default, kind, what, minimum):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ImproperlyConfigured(f"The environment variable {name} must be {what}, not {raw!r}.") from None
    if value != value or value in (float("inf"), float("-inf")):  # NaN and infinities parse as floats
        raise ImproperlyConfigured(f"The environment variable {name} must be {what}, not {raw!r}.")
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"The environment variable {name} must be at least {minimum}, not {raw!r}.")
    return value
