"""Settings of the submissions mechanism, each with a default (documented in cms/submissions/__init__.py)."""

from pathlib import Path

from django.conf import settings

DEFAULT_ALLOWED_EXTENSIONS = ("pdf", "doc", "docx", "odt", "rtf", "txt", "jpg", "jpeg", "png")


def private_media_root() -> Path:
    """Where attachments live: outside MEDIA_ROOT, so no web server alias or static view can reach them."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "private"


def allowed_extensions() -> tuple[str, ...]:
    return tuple(getattr(settings, "SUBMISSIONS_ALLOWED_EXTENSIONS", DEFAULT_ALLOWED_EXTENSIONS))


def max_attachment_bytes() -> int:
    return int(getattr(settings, "SUBMISSIONS_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024))


def rate_limit() -> tuple[int, int]:
    """(submissions allowed, per seconds) from one client address, per submission type."""
    count, window = getattr(settings, "SUBMISSIONS_RATE_LIMIT", (5, 3600))
    return int(count), int(window)


def notify_extra_emails() -> list[str]:
    """Addresses told of every new submission besides the inbox group's members (e.g. a shared mailbox)."""
    return list(getattr(settings, "SUBMISSIONS_NOTIFY_EMAILS", []))
