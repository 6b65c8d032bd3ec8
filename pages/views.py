"""Admin endpoints behind the statistics table grid: file import and live preview.

Statistics tables live in report chapters only, so only people who may edit a chapter use
these. Neither writes to the database: parsing a file never holds a write lock.
"""

import json

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from content.errors import json_error
from pages.blocks import StatisticsTableBlock
from pages.blocks.table_grid import clean_grid
from pages.models import ReportChapterPage, ReportEditionPage, SectionKind
from pages.spreadsheets import MAX_FILE_BYTES, read_grid

MAX_PREVIEW_BYTES = MAX_FILE_BYTES
FORBIDDEN_MESSAGE = "보고서 장(챕터)을 편집할 수 있는 사용자만 표를 가져오거나 미리 볼 수 있습니다."


def may_edit_report_chapters(user) -> bool:
    """Whether `user` may add or change a report chapter: the report section, an edition or
    a chapter is among the pages they may edit (bloggers and counselors are not)."""
    if user.is_superuser:
        return True
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "change"])
    report_pages = editable.type(ReportEditionPage, ReportChapterPage) | editable.filter(
        sectionpage__kind=SectionKind.REPORT
    )
    return report_pages.exists()


def _forbidden(request: HttpRequest) -> JsonResponse | None:
    """A JSON refusal for admin users who may not edit report chapters (the grid shows it)."""
    if may_edit_report_chapters(request.user):
        return None
    return json_error("forbidden", FORBIDDEN_MESSAGE, 403)


def _invalid(error: ValidationError) -> JsonResponse:
    message = " ".join(error.messages)
    return json_error("invalid", message, 400)


@require_POST
def import_table(request: HttpRequest) -> JsonResponse:
    """The grid read from an uploaded .xlsx/.csv file: ``{"headers", "rows"}``."""
    if refusal := _forbidden(request):
        return refusal
    upload = request.FILES.get("file")
    if upload is None:
        return json_error("invalid", "가져올 파일을 선택하세요.", 400)
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
        return json_error("too_large", "표가 너무 큽니다.", 400)
    try:
        raw = json.loads(request.body)
    except ValueError:
        return json_error("invalid", "표 내용을 읽을 수 없습니다.", 400)
    if not isinstance(raw, dict):
        return json_error("invalid", "표 내용을 읽을 수 없습니다.", 400)
    block = StatisticsTableBlock()
    try:
        grid = clean_grid({"headers": raw.get("headers"), "rows": raw.get("rows")})
    except ValidationError as error:
        return _invalid(error)
    fields = {name: str(raw.get(name) or "") for name in block.child_blocks if name != "table"}
    value = block.to_python({**fields, **grid})
    return JsonResponse({**block.get_api_representation(value), "warnings": value.chart_warnings()})
