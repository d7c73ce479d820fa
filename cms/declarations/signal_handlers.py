"""Receivers (connected in apps.py): registry changes and publications start the owner unit's deadlines."""

from cms.declarations import services


def on_indicator_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    services.indicators_changed(instance.declaration)


def on_indicator_deleted(sender, instance, **kwargs):
    from cms.declarations.models import DeclarationPage

    declaration = DeclarationPage.objects.filter(pk=instance.declaration_id).first()
    if declaration is not None:
        services.indicators_changed(declaration)


def on_page_published(sender, instance, **kwargs):
    from cms.declarations.models import DraftActPage

    if isinstance(instance, DraftActPage):
        services.stage_deadline(instance)


def create_inbox_group(sender, **kwargs):
    from cms.declarations.models.proposals import Proposal
    from cms.submissions.access import ensure_inbox_group

    ensure_inbox_group(Proposal)
