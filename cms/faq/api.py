"""Published FAQ entries for the headless API (contract 5): a read-only viewset with validated filters.

Only live entries are served; drafts, unpublished changes and citizens' questions never are. The API frame
(cms.api) adds pagination, caching headers and the rejection of unknown parameters; this viewset validates the
values of its own parameters and answers 400 with a reason when one is malformed.
"""

from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from wagtail.rich_text import expand_db_html

from cms.faq.models import FaqEntry, FaqIndexPage
from cms.faq.text import plain_text


class CategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class FaqEntrySerializer(serializers.ModelSerializer):
    answer = serializers.SerializerMethodField()
    answer_text = serializers.SerializerMethodField()
    category = CategorySerializer(allow_null=True)
    tags = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = FaqEntry
        fields = [
            "id",
            "slug",
            "question",
            "answer",
            "answer_text",
            "category",
            "tags",
            "url",
            "view_count",
            "helpful_yes",
            "helpful_no",
            "first_published_at",
            "last_published_at",
        ]

    def get_answer(self, entry) -> str:
        return expand_db_html(entry.answer)

    def get_answer_text(self, entry) -> str:
        return plain_text(entry.answer)

    def get_tags(self, entry) -> list[str]:
        return sorted(tag.name for tag in entry.tags.all())

    def get_url(self, entry) -> str | None:
        base = self.context.get("faq_page_url")
        return f"{base}{entry.slug}/" if base else None


class FaqEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Answers to frequently asked questions; filter by `category` (rubric id), `tag` (slug) or `q` (search)."""

    serializer_class = FaqEntrySerializer
    extra_query_params = ("category", "tag", "q")
    last_modified_field = "last_published_at"

    def get_queryset(self):
        return FaqEntry.objects.public().for_listing().order_by("question", "pk")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action != "list":
            return queryset
        params = self.request.query_params
        if "category" in params:
            value = params["category"]
            if not (value.isascii() and value.isdigit() and len(value) < 12):
                raise ValidationError({"category": "must be the id of a rubric (a positive integer)"})
            queryset = queryset.filter(category_id=int(value))
        if "tag" in params:
            value = params["tag"]
            if not value or len(value) > 100 or "\x00" in value:
                raise ValidationError({"tag": "must be a tag's slug of at most 100 characters"})
            queryset = queryset.filter(tags__slug=value).distinct()
        if "q" in params:
            value = " ".join(params["q"].replace("\x00", " ").split())
            if not value or len(value) > 200:
                raise ValidationError({"q": "must be 1 to 200 characters of text"})
            # Search backends filter on the entry's own fields only: search the public entries, then intersect.
            ids = [entry.pk for entry in FaqEntry.objects.public().search(value)]
            queryset = queryset.filter(pk__in=ids)
        return queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        page = FaqIndexPage.first_in_tree(FaqIndexPage.objects.live().public())
        url = page.get_url(request=self.request) if page else None
        context["faq_page_url"] = self.request.build_absolute_uri(url) if url else None
        return context
