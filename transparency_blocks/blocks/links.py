"""A headed list of links to pages of the site or to other sites."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import PageViewRestriction

from .text import HEADING_LEVELS, heading_tag


class LinkItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)
    text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Required for an external URL; for a page, leave empty to use the page title."),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        form_classname = "struct-block link-item-block"
        preview_value = {"page": None, "url": "https://www.gosuslugi.ru/", "text": "Портал госуслуг"}
        description = _("A page of this site or the address of another site, with the link text.")

    def clean(self, value):
        page, url, text = value.get("page"), value.get("url"), (value.get("text") or "").strip()
        if page is not None and url:
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(_("Choose a page or enter an external URL, not both."))]
            )
        if not self.is_deferred_validation:
            if page is None and not url:
                raise blocks.StructBlockValidationError(
                    non_block_errors=[ValidationError(_("Choose a page or enter an external URL."))]
                )
            if url and not text:
                raise blocks.StructBlockValidationError(
                    block_errors={"text": ValidationError(_("Enter the link text for an external URL."))}
                )
        return super().clean(value)


def restricted_paths():
    """Tree paths of pages with a view restriction; their subtrees are private (one query for a whole list)."""
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def resolve_link(item, private_paths=(), request=None):
    """(href, text) of a link item, or None when it must not be shown (page deleted, unpublished or private)."""
    page, url, text = item.get("page"), item.get("url"), (item.get("text") or "").strip()
    if page is not None:
        if not page.live or page.path.startswith(private_paths):
            return None
        href = page.get_url(request=request)
        return (href, text or page.title) if href else None
    if url:
        return url, text or url
    return None


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(label=_("Heading level"), choices=HEADING_LEVELS, default="h2")
    links = blocks.ListBlock(LinkItemBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "transparency_blocks/link_list.html"
        preview_value = {
            "heading": "Полезные ссылки",
            "level": "h2",
            "links": [
                {"page": None, "url": "https://www.gosuslugi.ru/", "text": "Портал госуслуг"},
                {"page": None, "url": "http://pravo.gov.ru/", "text": "Официальный портал правовой информации"},
            ],
        }
        description = _("A heading and a list of links to pages or other sites.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        items = value.get("links") or []
        private = restricted_paths() if any(item.get("page") for item in items) else ()
        links = (resolve_link(item, private, request) for item in items)
        context["links"] = [link for link in links if link]
        context["tag"] = heading_tag(value.get("level"))
        return context
