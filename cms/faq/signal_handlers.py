"""Receivers of the FAQ app (connected in FaqConfig.ready)."""


def create_inbox_group(sender, **kwargs):
    """The group that reads every citizen's FAQ question exists on a fresh database."""
    from cms.faq.models import FaqQuestion
    from cms.submissions.access import ensure_inbox_group

    ensure_inbox_group(FaqQuestion)
