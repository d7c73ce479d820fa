"""Serializers of the Wagtail API v2 endpoints: URLs for the host serving the request, ready display HTML.

Wagtail's stock fields build ``detail_url`` from ``WAGTAILAPI_BASE_URL`` and ``html_url`` from the site's
configured hostname, so an API served as ``https://zato-sibirsky.ru`` answered with 127.0.0.1:8000 and localhost.
Here every URL is built from the request, as a client following it expects.
"""

from django.urls import NoReverseMatch
from rest_framework.fields import Field, SkipField
from wagtail import fields as wagtailcore_fields
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.serializers import (
    BaseSerializer,
    PageSerializer,
    RichTextFieldSerializer,
    StreamField,
    TagsField,
)
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer

from transparency_blocks.blocks.file_labels import file_label, stored_file_size

from .html import absolutize, absolutize_tree, base_url_of, display_html


class RequestDetailUrlField(Field):
    """``detail_url`` on the host that served the request."""

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return self.context["request"].build_absolute_uri(path)

    def to_representation(self, url):
        return url


class RequestPageHtmlUrlField(Field):
    """``html_url``: the page's public URL on the host that served the request (another site's: its own)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context["request"]
        try:
            url = page.get_url(request=request)
        except NoReverseMatch:
            return None
        if url is None:
            return None
        return request.build_absolute_uri(url) if url.startswith("/") else url


class DisplayRichTextSerializer(RichTextFieldSerializer):
    """Rich text as display HTML with absolute URLs and labelled document links (the ``html`` format)."""

    def to_representation(self, value):
        html = super().to_representation(value)
        if self.context.get("_wagtail_rich_text_format", APIRichText.get_default_format()) != APIRichText.FORMAT_HTML:
            return html
        return display_html(html, base_url_of(self.context["request"]))


class DisplayStreamField(StreamField):
    """StreamField blocks as Wagtail represents them, with every HTML string made display-ready."""

    def to_representation(self, value):
        data = super().to_representation(value)
        return absolutize_tree(data, base_url_of(self.context["request"]))


FIELD_MAPPING = {
    **BaseSerializer.serializer_field_mapping,
    wagtailcore_fields.RichTextField: DisplayRichTextSerializer,
    wagtailcore_fields.StreamField: DisplayStreamField,
}


class PrefetchedTagsField(TagsField):
    """Tag names, sorted; read from prefetched ``tagged_items`` when the view prefetched them (no query per item)."""

    def get_attribute(self, instance):
        cache = getattr(instance, "_prefetched_objects_cache", {})
        if "tagged_items" in cache:
            return sorted(tagged.tag.name for tagged in instance.tagged_items.all())
        return super().get_attribute(instance)

    def to_representation(self, value):
        if isinstance(value, list):
            return value
        return sorted(tag.name for tag in value.all())  # sorted here: order_by() would bypass a prefetch


class TagsMixin:
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs


class CitizenPageSerializer(TagsMixin, PageSerializer):
    serializer_field_mapping = FIELD_MAPPING
    detail_url = RequestDetailUrlField(read_only=True)
    html_url = RequestPageHtmlUrlField(read_only=True)


class CitizenImageSerializer(TagsMixin, ImageSerializer):
    serializer_field_mapping = FIELD_MAPPING
    detail_url = RequestDetailUrlField(read_only=True)


class DocumentDownloadUrlField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return absolutize(f' href="{document.url}"', base_url_of(self.context["request"]))[7:-1]


class DocumentFileField(Field):
    """What a reader needs before downloading: format, size in bytes and the «PDF, 1,2 МБ» label."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        size = document.file_size if document.file_size is not None else stored_file_size(document.file)
        extension = document.file_extension.lower()
        return {"format": extension.upper(), "extension": extension, "size": size, "label": file_label(extension, size)}


class CitizenDocumentSerializer(TagsMixin, DocumentSerializer):
    serializer_field_mapping = FIELD_MAPPING
    detail_url = RequestDetailUrlField(read_only=True)
    download_url = DocumentDownloadUrlField(read_only=True)
    file = DocumentFileField(read_only=True)
