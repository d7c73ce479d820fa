"""Background tasks (django-tasks) of the API: webhook deliveries."""

from django_tasks import task

from .webhooks import deliver


@task()
def deliver_webhook(delivery_id: int) -> str:
    """One delivery attempt of a recorded notice; the next attempt is scheduled by ``deliver`` with backoff."""
    return deliver(delivery_id)
