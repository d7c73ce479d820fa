"""Background tasks (django-tasks): the daily reminder run, for a scheduler or a worker."""

from datetime import date

from django_tasks import task

from cms.ownership.reminders import send_review_reminders


@task()
def send_review_reminders_task(day: str | None = None) -> dict:
    """Same as ``manage.py send_review_reminders``; ``day`` is YYYY-MM-DD (default: today in Asia/Barnaul)."""
    run = send_review_reminders(day=date.fromisoformat(day) if day else None)
    if run.failed:
        # Fail the task so the backend records it; the unsent digests go out with the next run.
        raise RuntimeError(f"Could not send {len(run.failed)} review digests")
    return {"day": run.day.isoformat(), "sent": len(run.sent), "already_sent": run.already_sent}
