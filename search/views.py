"""The search API: /api/v2/search/ and /api/v2/search/suggest/."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from content.errors import error_response
from content.locales import content_languages
from content.pageindex import get_page_index
from search import service

# The body is the API's one error envelope (api.schema fills it in).
ERROR = OpenApiResponse(
    description="빈 검색어, 너무 긴 검색어, 잘못된 page·type·section·locale (한국어 message)"
)


def _facet_list(name: str) -> serializers.ListField:
    return serializers.ListField(
        child=inline_serializer(
            name,
            {
                "value": serializers.CharField(),
                "label": serializers.CharField(),
                "count": serializers.IntegerField(),
            },
        )
    )


def _language_field(help_text: str, **kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(content_languages(), help_text=help_text, **kwargs)


SEARCH_RESPONSE = inline_serializer(
    "SearchResults",
    {
        "query": serializers.CharField(),
        "meta": inline_serializer(
            "SearchMeta",
            {
                "locale": _language_field("결과 페이지의 언어"),
                "fallback_from": _language_field(
                    "요청한 언어에 찾은 페이지가 없어 한국어 결과로 답했을 때, 요청한 언어",
                    required=False,
                ),
            },
        ),
        "backend": serializers.ChoiceField(["database", "elasticsearch", "opensearch"]),
        "fallback": serializers.BooleanField(help_text="엔진 장애로 데이터베이스가 답했는지"),
        "total": serializers.IntegerField(),
        "page": serializers.IntegerField(),
        "page_size": serializers.IntegerField(),
        "items": serializers.ListField(
            child=inline_serializer(
                "SearchHit",
                {
                    "id": serializers.IntegerField(),
                    "type": serializers.CharField(),
                    "title": serializers.CharField(),
                    "path": serializers.CharField(),
                    "snippet": serializers.CharField(help_text="HTML; 일치한 말은 <mark>"),
                    "promoted": serializers.BooleanField(),
                    "edition": serializers.IntegerField(
                        allow_null=True, help_text="가족보고서 발간 연도 (보고서의 페이지만)"
                    ),
                    "also": serializers.ListField(
                        help_text="다른 연도 보고서의 같은 제목 페이지",
                        child=inline_serializer(
                            "SearchHitEdition",
                            {
                                "id": serializers.IntegerField(),
                                "title": serializers.CharField(),
                                "path": serializers.CharField(),
                                "edition": serializers.IntegerField(allow_null=True),
                            },
                        ),
                    ),
                },
            )
        ),
        "did_you_mean": serializers.CharField(
            allow_null=True, help_text="오타를 고친 검색어 (예: 한부머 → 한부모), 없으면 null"
        ),
        "suggestions": serializers.ListField(
            help_text="결과가 없을 때 비슷한 제목의 페이지",
            child=inline_serializer(
                "SearchZeroResultSuggestion",
                {
                    "id": serializers.IntegerField(),
                    "title": serializers.CharField(),
                    "path": serializers.CharField(),
                },
            ),
        ),
        "facets": inline_serializer(
            "SearchFacets",
            {
                "type": _facet_list("TypeFacet"),
                "section": _facet_list("SectionFacet"),
                "topic": _facet_list("TopicFacet"),
                "audience": _facet_list("AudienceFacet"),
            },
        ),
    },
)
SUGGEST_RESPONSE = inline_serializer(
    "Suggestions",
    {
        "suggestions": serializers.ListField(
            child=inline_serializer(
                "Suggestion",
                {
                    "id": serializers.IntegerField(),
                    "title": serializers.CharField(),
                    "label": serializers.CharField(
                        help_text="보여 줄 글: 같은 제목이 여럿이면 판 연도나 상위 페이지를 덧붙임 "
                        '(예: "서울 가족의 모습 (2025년판)")'
                    ),
                    "path": serializers.CharField(),
                },
            )
        )
    },
)


def _query(name: str, description: str, schema=OpenApiTypes.STR, **kwargs) -> OpenApiParameter:
    return OpenApiParameter(name, schema, OpenApiParameter.QUERY, description=description, **kwargs)


def _text(max_length: int) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length}


def _error(error: service.SearchInputError) -> Response:
    return error_response(error.code, error.message, 400)


def _site(request: Request) -> Site:
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


class SearchView(APIView):
    """Ranked live public pages for a query in one content language (Korean by default),
    with facets and marked snippets."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="search",
        tags=["search"],
        parameters=[
            _query(
                "q",
                f"검색어 (최대 {service.MAX_QUERY_LENGTH}자)",
                _text(service.MAX_QUERY_LENGTH),
                required=True,
            ),
            _query("type", "페이지 유형, 예: pages.ArticlePage"),
            _query("section", "섹션 slug, 예: 가족정보"),
            _query("topic", "주제 slug"),
            _query("audience", "대상 slug"),
            _query("district", "자치구 slug"),
            _query("page", "결과 쪽 번호 (1부터)", {"type": "integer", "minimum": 1}),
            _query(
                "locale",
                "검색할 언어 (없으면 한국어). 그 언어에 찾은 페이지가 없으면 한국어 결과와 "
                "meta.fallback_from",
                {"type": "string", "enum": content_languages()},
            ),
        ],
        responses={200: SEARCH_RESPONSE, 400: ERROR},
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        try:
            search_request = service.SearchRequest(
                q=params.get("q", ""),
                type=params.get("type", ""),
                section=params.get("section", ""),
                topic=params.get("topic", ""),
                audience=params.get("audience", ""),
                district=params.get("district", ""),
                page=service.parse_page_number(params.get("page")),
                locale=service.parse_locale(params.get("locale")),
            )
            index = get_page_index(request, search_request.locale)
            return Response(service.search(search_request, _site(request), index))
        except service.SearchInputError as error:
            return _error(error)


class SuggestView(APIView):
    """Titles of live public pages for partial input, for the search box."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="search_suggest",
        tags=["search"],
        parameters=[
            _query(
                "q",
                f"입력 중인 검색어 (최대 {service.MAX_SUGGEST_LENGTH}자)",
                _text(service.MAX_SUGGEST_LENGTH),
                required=True,
            ),
            _query(
                "locale",
                "제안할 제목의 언어 (없으면 한국어)",
                {"type": "string", "enum": content_languages()},
            ),
        ],
        responses={200: SUGGEST_RESPONSE, 400: ERROR},
    )
    def get(self, request: Request) -> Response:
        try:
            language = service.parse_locale(request.query_params.get("locale"))
            return Response(
                service.suggest(request.query_params.get("q"), _site(request), language)
            )
        except service.SearchInputError as error:
            return _error(error)
