"""`limit` and `offset` for every listing, with Korean errors and no upper bound on offset."""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

DEFAULT_LIMIT = 20


def non_negative_int(request, name: str, default: int) -> int:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    if not raw.isascii() or not raw.isdigit():
        raise BadRequestError(f"{name}은(는) 0 이상의 정수여야 합니다.")
    return int(raw)


class PortalPagination(WagtailPagination):
    """Wagtail's pagination; an offset past the end is an empty page, however large."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = non_negative_int(request, "offset", 0)
        limit = non_negative_int(request, "limit", min(DEFAULT_LIMIT, limit_max))
        if limit > limit_max:
            raise BadRequestError(f"limit은 {limit_max} 이하여야 합니다.")
        self.view = view
        self.total_count = queryset.count()
        if offset >= self.total_count:
            return queryset[:0]
        return queryset[offset : offset + limit]
