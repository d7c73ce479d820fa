"""Read-only API of the councils (contract 5): councils with their composition, plans, meetings; public data only.

``?date=YYYY-MM-DD`` gives the composition on that day (today by default); a malformed date answers 400 with the
reason. The frame (cms.api) adds pagination, caching headers and throttling.
"""

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers, viewsets

from . import queries
from .models import CouncilMember, CouncilRole, CouncilStatute, Meeting, WorkPlan
from .models.people import on_date_q


def _date_param(request, name: str, default: date | None = None) -> date | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise serializers.ValidationError({name: [_("Enter a date as YYYY-MM-DD, e.g. 2025-03-01.")]}) from None


def _int_param(request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if not raw.isdigit():
        raise serializers.ValidationError({name: [_("Enter a whole number.")]})
    return int(raw)


class DocumentURLField(serializers.Field):
    def to_representation(self, document):
        return document.url if document else None

    def get_attribute(self, instance):
        return getattr(instance, self.source)


class MemberSerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()
    role_label = serializers.CharField(source="get_role_display")
    council = serializers.IntegerField(source="council_id")

    class Meta:
        model = CouncilMember
        fields = ["id", "council", "full_name", "role", "role_label", "organisation", "term_start", "term_end"]

    def get_role(self, member) -> str:
        return CouncilRole(member.role).name.lower()


class StatuteSerializer(serializers.ModelSerializer):
    document_url = DocumentURLField(source="document")

    class Meta:
        model = CouncilStatute
        fields = ["id", "title", "approval_date", "approved_by", "document_url"]


class PlanSerializer(serializers.ModelSerializer):
    council = serializers.IntegerField(source="council_id")
    document_url = DocumentURLField(source="document")

    class Meta:
        model = WorkPlan
        fields = ["id", "council", "year", "approval_date", "summary", "document_url"]


class MeetingSerializer(serializers.ModelSerializer):
    council = serializers.IntegerField(source="council_id")
    protocol_url = DocumentURLField(source="protocol")

    class Meta:
        model = Meeting
        fields = ["id", "council", "starts_at", "ends_at", "place", "agenda", "decisions", "cancelled", "protocol_url"]


class CouncilSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    sector = serializers.CharField()
    url = serializers.SerializerMethodField()
    statute = serializers.SerializerMethodField()
    composition_date = serializers.SerializerMethodField()
    members = MemberSerializer(many=True, source="members_on_date")
    plans = PlanSerializer(many=True, source="public_plans")
    meetings = MeetingSerializer(many=True, source="public_meetings")

    def get_url(self, council) -> str | None:
        return council.get_full_url(self.context.get("request"))

    def get_statute(self, council) -> dict | None:
        statutes = council.statutes_in_order
        return StatuteSerializer(statutes[0]).data if statutes else None

    def get_composition_date(self, council) -> str:
        return self.context["composition_date"].isoformat()


class CouncilViewSet(viewsets.ReadOnlyModelViewSet):
    """Public councils with the statute in force, the composition on ``?date=``, work plans and meetings."""

    serializer_class = CouncilSerializer

    def composition_date(self) -> date:
        return _date_param(self.request, "date", timezone.localdate())

    def get_queryset(self):
        day = self.composition_date()
        members = CouncilMember.objects.filter(on_date_q(day)).order_by("role", "full_name")
        return queries.public_councils().prefetch_related(
            Prefetch("councilmember_set", queryset=members, to_attr="members_on_date"),
            Prefetch(
                "councilstatute_set",
                queryset=CouncilStatute.objects.select_related("document").order_by("-approval_date"),
                to_attr="statutes_in_order",
            ),
            Prefetch(
                "workplan_set",
                queryset=WorkPlan.objects.select_related("document").order_by("-year"),
                to_attr="public_plans",
            ),
            Prefetch(
                "meeting_set",
                queryset=Meeting.objects.select_related("protocol").order_by("-starts_at"),
                to_attr="public_meetings",
            ),
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "request", None) is not None:
            context["composition_date"] = self.composition_date()
        return context


class MemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Members of public councils: the composition on ``?date=`` (today by default), ``?council=<id>``."""

    serializer_class = MemberSerializer

    def get_queryset(self):
        day = _date_param(self.request, "date", timezone.localdate())
        council = _int_param(self.request, "council")
        rows = queries.members_on(day)
        return rows.filter(council_id=council) if council is not None else rows


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved work plans of public councils; ``?council=<id>``, ``?year=YYYY``."""

    serializer_class = PlanSerializer

    def get_queryset(self):
        rows = queries.plans()
        council, year = _int_param(self.request, "council"), _int_param(self.request, "year")
        if council is not None:
            rows = rows.filter(council_id=council)
        return rows.filter(year=year) if year is not None else rows


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings of public councils; ``?council=<id>``, ``?from=`` and ``?to=`` (dates, inclusive)."""

    serializer_class = MeetingSerializer

    def get_queryset(self):
        rows = Meeting.objects.select_related("protocol").filter(council__in=queries.public_councils().values("pk"))
        council = _int_param(self.request, "council")
        start, end = _date_param(self.request, "from"), _date_param(self.request, "to")
        if start and end and end < start:
            raise serializers.ValidationError({"to": [_("The end of the period must not be before its start.")]})
        if council is not None:
            rows = rows.filter(council_id=council)
        if start:
            rows = rows.filter(starts_at__date__gte=start)
        if end:
            rows = rows.filter(starts_at__date__lte=end)
        return rows.order_by("starts_at")


ENDPOINTS = [
    ("councils", CouncilViewSet),
    ("council-members", MemberViewSet),
    ("council-plans", PlanViewSet),
    ("council-meetings", MeetingViewSet),
]
