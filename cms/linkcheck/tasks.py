"""Background work: check one page right after it is published (django-tasks; db_worker in production)."""

import logging

from django.db import transaction
from django_tasks import task

from . import conf

logger = logging.getLogger(__name__)


@task()
def check_page_task(page_id):
    """Check one live page, external links included; its findings replace the page's earlier ones."""
    from .runner import run_check

    summary = run_check(page_ids=[page_id])
    logger.info(
        "Checked page %s after publishing: %s broken, %s new findings", page_id, summary.broken, summary.findings_new
    )
    return {"broken": summary.broken, "findings_new": summary.findings_new, "resolved": summary.findings_resolved}


def enqueue_after_publish(sender, instance, **kwargs):
    """page_published receiver: queue a check once the publishing transaction has committed."""
    if not conf.get("LINKCHECK_ON_PUBLISH"):
        return
    page_id = instance.pk
    transaction.on_commit(lambda: check_page_task.enqueue(page_id))
