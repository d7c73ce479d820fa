"""Receivers: a saved or deleted registry row starts the deadlines of the pages that show it.

Deletions act after the commit: a row deleted because its council page is being deleted must not write review
state for a page that is about to disappear.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from . import deadlines
from .models import CouncilMember, CouncilStatute, FormationNotice, WorkPlan


def _member_saved(sender, instance, **kwargs):
    deadlines.members_changed(instance.council_id, instance.full_name)


def _member_deleted(sender, instance, **kwargs):
    council_id, name = instance.council_id, instance.full_name
    transaction.on_commit(lambda: deadlines.members_changed(council_id, name))


def _statute_saved(sender, instance, **kwargs):
    deadlines.statute_changed(instance.council_id, instance.title)


def _statute_deleted(sender, instance, **kwargs):
    council_id, title = instance.council_id, instance.title
    transaction.on_commit(lambda: deadlines.statute_changed(council_id, title))


def _remember_plan_approval(sender, instance, **kwargs):
    # Whether the approval date is new decides where the 3 days count from (see deadlines.plan_changed).
    previous = WorkPlan.objects.filter(pk=instance.pk).values_list("approval_date", flat=True).first()
    instance._approval_changed = previous != instance.approval_date


def _plan_saved(sender, instance, **kwargs):
    since = instance.approval_date if getattr(instance, "_approval_changed", True) else None
    deadlines.plan_changed(instance.council_id, instance.year, since=since)


def _plan_deleted(sender, instance, **kwargs):
    council_id, year = instance.council_id, instance.year
    transaction.on_commit(lambda: deadlines.plan_changed(council_id, year))


def _notice_saved(sender, instance, **kwargs):
    deadlines.notice_changed(instance)


def connect() -> None:
    uid = "councils.deadlines"
    post_save.connect(_member_saved, sender=CouncilMember, dispatch_uid=f"{uid}.member.save")
    post_delete.connect(_member_deleted, sender=CouncilMember, dispatch_uid=f"{uid}.member.delete")
    post_save.connect(_statute_saved, sender=CouncilStatute, dispatch_uid=f"{uid}.statute.save")
    post_delete.connect(_statute_deleted, sender=CouncilStatute, dispatch_uid=f"{uid}.statute.delete")
    pre_save.connect(_remember_plan_approval, sender=WorkPlan, dispatch_uid=f"{uid}.plan.pre_save")
    post_save.connect(_plan_saved, sender=WorkPlan, dispatch_uid=f"{uid}.plan.save")
    post_delete.connect(_plan_deleted, sender=WorkPlan, dispatch_uid=f"{uid}.plan.delete")
    post_save.connect(_notice_saved, sender=FormationNotice, dispatch_uid=f"{uid}.notice.save")
