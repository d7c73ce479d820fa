"""Logging for every environment: one parseable line per record on stderr, and mail to ADMINS on errors.

Settings import this module, so it imports nothing of Django beyond what `logging.config` resolves by name.
Only the `cms` logger used to be configured, so Django's own request errors (the 500s that `500.html` promises
were registered) went nowhere: here the root logger takes every logger's records, Django's included.
"""

import json
import logging
import logging.config
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed in `extra=` and is worth keeping.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}
# Django's request loggers pass the request and the server socket: keep what identifies the request, not
# headers, cookies or the body (citizens' submissions and personal data never reach the logs).
_SKIPPED_EXTRA = {"request", "server_time"}


class JsonLinesFormatter(logging.Formatter):
    """A JSON object per line: time (UTC, ISO 8601), level, logger, message, request path/method, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = getattr(request, "path", "")
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in _SKIPPED_EXTRA and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(config: dict) -> None:
    """`LOGGING_CONFIG`: Django's dictConfig, plus Python warnings routed through logging (the `py.warnings`
    logger), so a deployment's stderr holds nothing but parseable lines."""
    logging.config.dictConfig(config)
    logging.captureWarnings(True)


def parse_admins(value: str) -> list[tuple[str, str]]:
    """``ADMINS`` from «Name <mail@host>, other@host» (comma-separated; the name is optional)."""
    admins = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        if "<" in item and item.endswith(">"):
            name, _, address = item[:-1].partition("<")
            admins.append((name.strip() or address.strip(), address.strip()))
        else:
            admins.append((item, item))
    return admins


def logging_config(*, level: str = "INFO", fmt: str = "json", mail_level: str = "ERROR") -> dict:
    """The LOGGING setting: every logger to stderr at ``level`` and up, errors also mailed to ADMINS.

    ``fmt`` is "json" (one JSON object per line, for log collectors) or "text" (key=value, for a terminal).
    The mail handler sends nothing while ADMINS is empty, so it is always configured.
    """
    formatters = {
        "json": {"()": JsonLinesFormatter},
        "text": {"format": "time=%(asctime)s level=%(levelname)s logger=%(name)s message=%(message)s"},
    }
    if fmt not in formatters:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(formatters)}, not {fmt!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {fmt: formatters[fmt]},
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": fmt},
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": mail_level,
                "filters": ["require_debug_false"],
                "include_html": False,
            },
        },
        "root": {"handlers": ["stderr", "mail_admins"], "level": "WARNING"},
        "loggers": {
            # Django's default config gives these handlers of their own that print only with DEBUG on; routed to
            # the root instead, their errors are logged in production too.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.server": {"handlers": [], "level": level, "propagate": True},
            "cms": {"handlers": [], "level": level, "propagate": True},
        },
    }
