"""Read-only API of the section's public registries (mounted by cms/api under /api/v2/<prefix>/).

Only what citizens see: published disclosure years, the commission, live drafts and their published conclusions.
Corruption reports and unpublished conclusions have no endpoint at all.
"""

from django.db.models import Prefetch
from django.utils import timezone
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from .models import (
    CommissionMeeting,
    CommissionMember,
    DisclosureCampaign,
    DisclosureRow,
    ExpertConclusion,
    ExpertiseDraftPage,
    RealEstateItem,
    VehicleItem,
)


def int_param(request, name, *, minimum=None, maximum=None):
    """An optional integer query parameter; a bad value is a 400 with a JSON reason."""
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: f"«{raw[:50]}» is not an integer."}) from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValidationError({name: f"must be between {minimum} and {maximum}."})
    return value


def choice_param(request, name, choices):
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if raw not in choices:
        raise ValidationError({name: f"must be one of: {', '.join(choices)}."})
    return raw


class CampaignSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="display_title")

    class Meta:
        model = DisclosureCampaign
        fields = ["id", "year", "title", "note", "updated_at"]


class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CampaignSerializer
    queryset = DisclosureCampaign.objects.filter(is_published=True).order_by("-year")


class RealEstateSerializer(serializers.ModelSerializer):
    class Meta:
        model = RealEstateItem
        fields = ["use", "object_type", "ownership_type", "share", "area", "country"]


class VehicleSerializer(serializers.ModelSerializer):
    class Meta:
        model = VehicleItem
        fields = ["kind", "make_model"]


class DisclosureRowSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="campaign.year")
    real_estate = RealEstateSerializer(many=True)
    vehicles = VehicleSerializer(many=True)

    class Meta:
        model = DisclosureRow
        fields = [
            "id",
            "year",
            "relation",
            "official",
            "name",
            "position",
            "income",
            "real_estate",
            "vehicles",
            "deal_sources",
        ]


class DisclosureRowViewSet(viewsets.ReadOnlyModelViewSet):
    """Rows of published years; ``?year=2025``, ``?relation=official|spouse|child``."""

    serializer_class = DisclosureRowSerializer

    def get_queryset(self):
        rows = (
            DisclosureRow.objects.filter(campaign__is_published=True)
            .select_related("campaign")
            .prefetch_related(
                Prefetch("real_estate", queryset=RealEstateItem.objects.order_by("sort_order", "pk")),
                Prefetch("vehicles", queryset=VehicleItem.objects.order_by("sort_order", "pk")),
            )
            .order_by("-campaign__year", "sort_order", "pk")
        )
        year = int_param(self.request, "year", minimum=2009, maximum=2100)
        if year is not None:
            rows = rows.filter(campaign__year=year)
        relation = choice_param(self.request, "relation", ["official", "spouse", "child"])
        if relation:
            rows = rows.filter(relation=relation)
        return rows


class MemberSerializer(serializers.ModelSerializer):
    role_display = serializers.CharField(source="get_role_display")

    class Meta:
        model = CommissionMember
        fields = ["id", "name", "role", "role_display", "position"]


class MemberViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MemberSerializer
    queryset = CommissionMember.objects.order_by("sort_order", "name")


class MeetingSerializer(serializers.ModelSerializer):
    decision_document_url = serializers.SerializerMethodField()

    class Meta:
        model = CommissionMeeting
        fields = ["id", "date", "agenda", "decision", "decision_document_url"]

    def get_decision_document_url(self, meeting):
        document = meeting.decision_document
        if document is None:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(document.url) if request else document.url


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    queryset = CommissionMeeting.objects.filter(is_published=True).select_related("decision_document")


class ConclusionSerializer(serializers.ModelSerializer):
    received = serializers.DateTimeField(source="received_at")

    class Meta:
        model = ExpertConclusion
        fields = ["registration_number", "received", "expert_name", "text", "answer", "answered_on"]


class DraftSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="full_url")
    accepts_conclusions = serializers.SerializerMethodField()
    conclusions = serializers.SerializerMethodField()

    class Meta:
        model = ExpertiseDraftPage
        fields = [
            "id",
            "title",
            "url",
            "developer",
            "expertise_start",
            "expertise_end",
            "accepts_conclusions",
            "conclusions",
        ]

    def get_accepts_conclusions(self, draft):
        return draft.window_state(timezone.localdate()) == "open"

    def get_conclusions(self, draft):
        return ConclusionSerializer(draft.published_list, many=True).data


class DraftViewSet(viewsets.ReadOnlyModelViewSet):
    """Live, public drafts; ``?open=1`` only those accepting conclusions today."""

    serializer_class = DraftSerializer

    def get_queryset(self):
        drafts = (
            ExpertiseDraftPage.objects.live()
            .public()
            .order_by("-expertise_start", "-pk")
            .prefetch_related(
                Prefetch(
                    "conclusions",
                    queryset=ExpertConclusion.objects.filter(is_published=True).order_by("received_at"),
                    to_attr="published_list",
                )
            )
        )
        open_only = choice_param(self.request, "open", ["0", "1"])
        if open_only == "1":
            today = timezone.localdate()
            drafts = drafts.filter(expertise_start__lte=today, expertise_end__gte=today)
        return drafts


ENDPOINTS = [
    ("anticorruption-disclosure-years", CampaignViewSet),
    ("anticorruption-disclosures", DisclosureRowViewSet),
    ("anticorruption-commission-members", MemberViewSet),
    ("anticorruption-commission-meetings", MeetingViewSet),
    ("anticorruption-drafts", DraftViewSet),
]
