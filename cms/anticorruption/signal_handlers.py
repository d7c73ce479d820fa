"""Receivers: registry changes start review deadlines; after migrate the inbox groups exist."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext as _

from . import deadlines
from .models import CommissionMeeting, CommissionMember, CorruptionReport, DisclosureCampaign, ExpertConclusion


def commission_member_changed(sender, instance, **kwargs):
    deadlines.commission_changed(_("member %(name)s") % {"name": instance.name})


def commission_meeting_changed(sender, instance, **kwargs):
    deadlines.commission_changed(_("meeting of %(date)s") % {"date": f"{instance.date:%d.%m.%Y}"})


def campaign_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    deadlines.disclosures_changed(instance.year, _("new reporting year") if created else _("campaign changed"))


def create_inbox_groups(sender, **kwargs):
    from cms.submissions.access import ensure_inbox_group

    ensure_inbox_group(CorruptionReport)
    ensure_inbox_group(ExpertConclusion)


def connect(app_config):
    for model in (CommissionMember,):
        post_save.connect(commission_member_changed, sender=model, dispatch_uid=f"ac-{model.__name__}-save")
        post_delete.connect(commission_member_changed, sender=model, dispatch_uid=f"ac-{model.__name__}-delete")
    post_save.connect(commission_meeting_changed, sender=CommissionMeeting, dispatch_uid="ac-meeting-save")
    post_delete.connect(commission_meeting_changed, sender=CommissionMeeting, dispatch_uid="ac-meeting-delete")
    post_save.connect(campaign_saved, sender=DisclosureCampaign, dispatch_uid="ac-campaign-save")
    post_migrate.connect(create_inbox_groups, sender=app_config, dispatch_uid="ac-inbox-groups")
