"""Admin endpoints behind the statistics table grid: file import and live preview."""

import json

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from content.errors import error_body
from pages.blocks import StatisticsTableBlock
from pages.blocks.table_grid import clean_grid
from pages.spreadsheets import MAX_FILE_BYTES, read_grid

MAX_PREVIEW_BYTES = MAX_FILE_BYTES


def _forbidden(request: HttpRequest) -> JsonResponse | None:
    """A JSON refusal for admin users who may not edit any page (the grid shows it)."""
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change"]):
        return None
    return JsonResponse(error_body("forbidden", "페이지를 편집할 권한이 없습니다."), status=403)


def _invalid(error: ValidationError) -> JsonResponse:
    message = " ".join(error.messages)
    return JsonResponse(error_body("invalid", message), status=400)


@require_POST
def import_table(request: HttpRequest) -> JsonResponse:
    """The grid read from an uploaded .xlsx/.csv file: ``{"headers", "rows"}``."""
    if refusal := _forbidden(request):
        return refusal
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse(error_body("invalid", "가져올 파일을 선택하세요."), status=400)
    try:
        return JsonResponse(read_grid(upload))
    except ValidationError as error:
        return _invalid(error)


@require_POST
def preview_table(request: HttpRequest) -> JsonResponse:
    """The table as the API will serve it (numbers read, chart drawn), or the first error."""
    if refusal := _forbidden(request):
        return refusal
    if len(request.body) > MAX_PREVIEW_BYTES:
        return JsonResponse(error_body("too_large", "표가 너무 큽니다."), status=400)
    try:
        raw = json.loads(request.body)
    except ValueError:
        return JsonResponse(error_body("invalid", "표 내용을 읽을 수 없습니다."), status=400)
    if not isinstance(raw, dict):
        return JsonResponse(error_body("invalid", "표 내용을 읽을 수 없습니다."), status=400)
    block = StatisticsTableBlock()
    try:
        grid = clean_grid({"headers": raw.get("headers"), "rows": raw.get("rows")})
    except ValidationError as error:
        return _invalid(error)
    fields = {name: str(raw.get(name) or "") for name in block.child_blocks if name != "table"}
    value = block.to_python({**fields, **grid})
    return JsonResponse(block.get_api_representation(value))
