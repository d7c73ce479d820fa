"""Read-only API of the area (mounted by the API frame at /api/v2/<prefix>/): published data only.

Proposals appear only as the published summary of a draft (number, date, text, decision): never a sender's
name or e-mail, and never a proposal that is pending or withheld.
"""

from decimal import Decimal

from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from cms.declarations.models import (
    ArchiveDocument,
    DeclarationPage,
    DocumentKind,
    DraftActPage,
    Indicator,
    PlansArchivePage,
)
from cms.declarations.models.indicators import Period
from cms.declarations.stages import Stage
from transparency_blocks.blocks.file_labels import document_label, stored_file_size


def _int_param(request, name, low=2000, high=2100):
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValidationError({name: f"must be a whole number from {low} to {high}"})
    return int(raw)


def _choice_param(request, name, choices):
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if raw not in choices:
        raise ValidationError({name: f"must be one of: {', '.join(choices)}"})
    return raw


def _plain(value):
    """A stored figure without trailing zeros (12.500 → 12.5), as the page shows it; None stays None."""
    if value is None:
        return None
    return Decimal(format(value.normalize(), "f"))


class IndicatorSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="declaration.year", read_only=True)
    baseline = serializers.SerializerMethodField()
    periods = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = ["id", "declaration", "year", "goal", "name", "unit", "baseline", "direction", "periods"]

    def get_baseline(self, obj):
        return _plain(obj.baseline)

    def get_periods(self, obj):
        rows = []
        for period in Period:
            progress = obj.progress(period.value)
            rows.append(
                {
                    "period": period.value,
                    "target": _plain(progress.target),
                    "actual": _plain(progress.actual),
                    "percent_done": progress.percent,
                }
            )
        return rows


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """Indicators of published declarations. Filters: ``year``, ``declaration`` (page id)."""

    serializer_class = IndicatorSerializer

    def get_queryset(self):
        queryset = Indicator.objects.filter(declaration__in=DeclarationPage.objects.live().public()).select_related(
            "declaration"
        )
        year = _int_param(self.request, "year")
        if year is not None:
            queryset = queryset.filter(declaration__year=year)
        declaration = _int_param(self.request, "declaration", 1, 2**62)
        if declaration is not None:
            queryset = queryset.filter(declaration_id=declaration)
        return queryset.order_by("-declaration__year", "sort_order", "pk")


class DraftActSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    stage = serializers.CharField(source="current_stage", read_only=True)
    stages = serializers.SerializerMethodField()
    discussion_open = serializers.SerializerMethodField()
    adopted_act = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()

    class Meta:
        model = DraftActPage
        fields = [
            "id",
            "title",
            "url",
            "plain_summary",
            "socially_significant",
            "list_year",
            "stage",
            "stages",
            "discussion_start",
            "discussion_end",
            "discussion_open",
            "adopted_act",
            "summary",
        ]

    def get_url(self, obj):
        return obj.get_full_url(self.context.get("request"))

    def get_stages(self, obj):
        return [{"stage": e.stage, "date": e.day} for e in obj.stage_entries()]

    def get_discussion_open(self, obj):
        return obj.discussion_window.is_open()

    def get_adopted_act(self, obj):
        href = obj.adopted_act_href
        return {"title": obj.adopted_act_title, "url": href} if href else None

    def get_summary(self, obj):
        from cms.declarations.proposals import summaries_for
        from cms.declarations.views.discussion import summary_is_public

        if not summary_is_public(obj):
            return None
        summaries = self.context.get("summaries")
        items = summaries[obj.pk] if summaries is not None and obj.pk in summaries else summaries_for([obj.pk])[obj.pk]
        return [
            {
                "number": item["number"],
                "received": item["received"].date(),
                "text": item["text"],
                "decision": item["decision_value"],
                "reason": item["reason"],
            }
            for item in items
        ]


class DraftActViewSet(viewsets.ReadOnlyModelViewSet):
    """Published draft acts with stages and the published summary. Filters: ``stage``, ``significant``, ``year``."""

    serializer_class = DraftActSerializer

    def get_queryset(self):
        queryset = DraftActPage.objects.live().public().prefetch_related("stages").select_related("adopted_act_page")
        significant = _choice_param(self.request, "significant", ["true", "false"])
        if significant is not None:
            queryset = queryset.filter(socially_significant=significant == "true")
        year = _int_param(self.request, "year")
        if year is not None:
            queryset = queryset.filter(list_year=year)
        self.stage_filter = _choice_param(self.request, "stage", [s.value for s in Stage])
        return queryset.order_by("-first_published_at", "-pk")

    def get_serializer(self, *args, **kwargs):
        # One query for the summaries of every draft in the answer, not one per draft.
        if kwargs.get("many") and args:
            from cms.declarations.proposals import summaries_for

            pages = list(args[0])
            kwargs.setdefault("context", self.get_serializer_context())["summaries"] = summaries_for(
                p.pk for p in pages
            )
            args = (pages, *args[1:])
        return super().get_serializer(*args, **kwargs)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if getattr(self, "stage_filter", None):
            # The current stage is derived from the prefetched stages; keep it a list of ids for pagination.
            ids = [page.pk for page in queryset if page.current_stage == self.stage_filter]
            queryset = queryset.filter(pk__in=ids)
        return queryset


class ArchiveDocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    file_extension = serializers.SerializerMethodField()
    file_size = serializers.SerializerMethodField()
    label = serializers.SerializerMethodField()

    class Meta:
        model = ArchiveDocument
        fields = ["id", "year", "kind", "title", "approved_on", "url", "file_extension", "file_size", "label"]

    def get_url(self, obj):
        request = self.context.get("request")
        url = obj.document.url
        return request.build_absolute_uri(url) if request is not None else url

    def get_file_extension(self, obj):
        return obj.document.file_extension.lower()

    def get_file_size(self, obj):
        return stored_file_size(obj.document.file)

    def get_label(self, obj):
        return document_label(obj.document)


class ArchiveDocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Plans and reports of published archive pages. Filters: ``year``, ``kind``."""

    serializer_class = ArchiveDocumentSerializer

    def get_queryset(self):
        queryset = ArchiveDocument.objects.filter(page__in=PlansArchivePage.objects.live().public()).select_related(
            "document"
        )
        year = _int_param(self.request, "year")
        if year is not None:
            queryset = queryset.filter(year=year)
        kind = _choice_param(self.request, "kind", [k.value for k in DocumentKind])
        if kind is not None:
            queryset = queryset.filter(kind=kind)
        return queryset.order_by("-year", "kind", "sort_order", "pk")


ENDPOINTS = [
    ("declaration-indicators", IndicatorViewSet),
    ("draft-acts", DraftActViewSet),
    ("plans-archive", ArchiveDocumentViewSet),
]
