"""Keep each document's search row in step with the document."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model

from search.documents import sync_document_text


@receiver(post_save, sender=get_document_model())
def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_document_text(instance)
