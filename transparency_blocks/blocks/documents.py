"""A link to a published document that tells its format and size."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock

from ..privacy import RESTRICTED_LINK_TEXT, is_private_document
from .file_labels import document_label, stored_file_size


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title. Format and size are added automatically."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "transparency_blocks/document_link.html"
        preview_value = {"document": None, "title": "Положение о комиссии"}
        description = _("A link to a document with its format and size, e.g. «(PDF, 1,2 MB)».")

    def clean(self, value):
        # A deleted document comes back as None: say so plainly rather than a bare «required».
        # Drafts may be saved incomplete (Wagtail defers required checks for them).
        if value.get("document") is None and not self.is_deferred_validation:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "document": ValidationError(_("Choose a document (a deleted document must be replaced)."))
                }
            )
        return super().clean(value)

    def get_preview_value(self):
        # The admin's block preview shows the newest document, as a fixture cannot name a real one.
        value = super().get_preview_value()
        if value.get("document") is None:
            value["document"] = get_document_model().objects.order_by("-pk").first()
        return value

    def get_searchable_content(self, value):
        # Citizens search for a document by the name they see, which may be the document's own title.
        # A private document's link text stays out of the public index (it is usually the document's title).
        document = value.get("document")
        if is_private_document(document):
            return []
        name = value.get("title") or (document.title if document is not None else "")
        return [name] if name else []

    def get_api_representation(self, value, context=None):
        # API readers (the newspaper) get what a citizen sees, not only the document's id.
        document = value.get("document")
        if document is None:
            return None
        request = (context or {}).get("request")
        url = request.build_absolute_uri(document.url) if request is not None else document.url
        if is_private_document(document):
            return {"document": None, "title": str(RESTRICTED_LINK_TEXT), "url": url, "restricted": True}
        return {
            "document": document.pk,
            "title": value.get("title") or document.title,
            "url": url,
            "file_extension": document.file_extension.lower(),
            "file_size": stored_file_size(document.file),
            "label": document_label(document),
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        document = value.get("document")
        context["document"] = document
        if is_private_document(document):
            context["link_text"] = RESTRICTED_LINK_TEXT
        elif document is not None:
            context["link_text"] = value.get("title") or document.title
            context["file_label"] = document_label(document)
        return context
