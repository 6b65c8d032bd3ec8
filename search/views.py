"""The search API: /api/v2/search/ and /api/v2/search/suggest/."""

from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from search import service


def _error(error: service.SearchInputError) -> Response:
    return Response({"error": {"code": error.code, "message": error.message}}, status=400)


def _site(request: Request) -> Site:
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


class SearchView(APIView):
    """Ranked live public pages for a Korean query, with facets and marked snippets."""

    authentication_classes = []
    permission_classes = []

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
            )
            return Response(service.search(search_request, _site(request)))
        except service.SearchInputError as error:
            return _error(error)


class SuggestView(APIView):
    """Titles of live public pages for partial input, for the search box."""

    authentication_classes = []
    permission_classes = []

    def get(self, request: Request) -> Response:
        try:
            return Response(service.suggest(request.query_params.get("q"), _site(request)))
        except service.SearchInputError as error:
            return _error(error)
