"""`/api/v2/partner-items/`: partner agencies' news, for the sections that show it."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from pages.vocabulary import InvalidFilter, resolve_section_kind
from partners.models import PartnerItem
from partners.serializers import PartnerItemSerializer

from .views import PortalAPIView

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
QUERY_PARAMETERS = frozenset(["section", "agency", "limit", "offset"])


def whole_number(name: str, value: str, minimum: int, maximum: int) -> int:
    if not value.isdigit() or not minimum <= int(value) <= maximum:
        raise InvalidFilter(f"{name}은(는) {minimum}에서 {maximum} 사이의 정수여야 합니다.")
    return int(value)


class PartnerItemListingSerializer(serializers.Serializer):
    """The listing: `{"meta": {"total_count": 3}, "items": [...]}` (documentation only)."""

    meta = serializers.DictField(child=serializers.IntegerField())
    items = PartnerItemSerializer(many=True)


ERROR = OpenApiResponse(OpenApiTypes.OBJECT, description='`{"error": {"code", "message"}}`')


class PartnerItemsAPIView(PortalAPIView):
    """`?section=family-info&agency=3&limit=20&offset=0`: newest first, source credited."""

    schema = AutoSchema()  # documented from its serializer, unlike Wagtail's endpoints
    # Imports announce a change of their feed; pages play no part in this listing.
    depends_on = ("partners.partnerfeed",)

    @extend_schema(
        operation_id="partner_items",
        tags=["partners"],
        parameters=[
            OpenApiParameter("section", str, description="Section kind (family-info, notice …)"),
            OpenApiParameter("agency", int, description="Agency id"),
            OpenApiParameter("limit", int, description=f"Page size (max {MAX_LIMIT})"),
            OpenApiParameter("offset", int, description="Items to skip"),
        ],
        responses={200: PartnerItemListingSerializer, 304: None, 400: ERROR},
    )
    def get(self, request) -> Response:
        params = request.GET
        unknown = sorted(set(params) - QUERY_PARAMETERS)
        if unknown:
            raise BadRequestError(f"알 수 없는 요청 값입니다: {', '.join(unknown)}")
        items = PartnerItem.objects.filter(feed__active=True).select_related("feed__agency")
        if "section" in params:
            items = items.filter(feed__section=resolve_section_kind(params["section"]))
        if "agency" in params:
            items = items.filter(feed__agency_id=whole_number("agency", params["agency"], 1, 2**31))
        limit = whole_number("limit", params.get("limit", str(DEFAULT_LIMIT)), 1, MAX_LIMIT)
        offset = whole_number("offset", params.get("offset", "0"), 0, 2**31)
        page = items.order_by("-published", "-id")[offset : offset + limit]
        return Response(
            {
                "meta": {"total_count": items.count()},
                "items": PartnerItemSerializer(page, many=True).data,
            }
        )
