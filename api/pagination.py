"""`limit` and `offset` for every listing, with Korean errors and no upper bound on offset;
page listings also take `after`, a keyset cursor whose cost does not grow with the position.

A page listing in its default (tree) order answers with a `Link: <…&after=…>; rel="next"`
header when more pages follow; following it reads the next pages from the tree-path index
instead of skipping `offset` rows. The cursor is signed (opaque to clients).
"""

from bisect import bisect_right

from django.conf import settings
from django.core import signing
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

DEFAULT_LIMIT = 20
AFTER_SALT = "api.pagination.after"


def non_negative_int(request, name: str, default: int) -> int:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    if not raw.isascii() or not raw.isdigit():
        raise BadRequestError(f"{name}은(는) 0 이상의 정수여야 합니다.")
    return int(raw)


def make_after(tree_path: str) -> str:
    return signing.Signer(salt=AFTER_SALT).sign(tree_path)


def read_after(cursor: str) -> str:
    try:
        return signing.Signer(salt=AFTER_SALT).unsign(cursor)
    except signing.BadSignature as error:
        raise BadRequestError(
            "after 커서가 올바르지 않습니다. 응답의 Link 헤더를 따르세요."
        ) from error


def keyset_applies(request) -> bool:
    """Only the default (tree) order has a keyset; search and `order=` lists use `offset`."""
    return "order" not in request.GET and "search" not in request.GET


class PortalPagination(WagtailPagination):
    """Wagtail's pagination; an offset past the end is an empty page, however large."""

    def paginate_queryset(self, queryset, request, view=None):
        offset, limit = self.window(request, view)
        self.total_count = queryset.count()
        if "after" in request.GET:
            return queryset.filter(path__gt=self.after_path(request, offset))[:limit]
        if offset >= self.total_count:
            return queryset[:0]
        return queryset[offset : offset + limit]

    def paginate_in_tree_order(self, pages: list, request, view=None) -> list:
        """The same window over pages already in tree order (the public page index)."""
        offset, limit = self.window(request, view)
        self.total_count = len(pages)
        if "after" in request.GET:
            after = self.after_path(request, offset)
            start = bisect_right(pages, after, key=lambda page: page.tree_path)
            return pages[start : start + limit]
        return pages[offset : offset + limit]

    def window(self, request, view) -> tuple[int, int]:
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = non_negative_int(request, "offset", 0)
        limit = non_negative_int(request, "limit", min(DEFAULT_LIMIT, limit_max))
        if limit > limit_max:
            raise BadRequestError(f"limit은 {limit_max} 이하여야 합니다.")
        self.view = view
        self.limit = limit
        return offset, limit

    def after_path(self, request, offset: int) -> str:
        if not getattr(self.view, "keyset_pagination", False):
            raise BadRequestError("after는 페이지 목록에서만 쓸 수 있습니다.")
        if offset or not keyset_applies(request):
            raise BadRequestError("after는 offset, order, search와 함께 쓸 수 없습니다.")
        return read_after(request.GET["after"])
