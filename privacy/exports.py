"""Ask for, and record, the reason before personal data leaves the system.

A feature's export view calls `export_reason(request)`: no valid reason yet, it gets the
Korean form to show (the filters ride along); with one, it records the export and streams
the file. Applications plug in the same way with their own `subject`.
"""

from django import forms
from django.template.response import TemplateResponse

from infra.clients import client_address

from .models import ExportRecord

MIN_REASON_LENGTH = 10


class ExportReasonForm(forms.Form):
    reason = forms.CharField(
        label="내보내는 사유",
        min_length=MIN_REASON_LENGTH,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="예: 2026년 11월 상담 통계 보고를 위한 월별 건수 집계",
        error_messages={
            "required": "개인정보를 내보내는 사유를 적어 주세요.",
            "min_length": f"사유를 {MIN_REASON_LENGTH}자 이상 구체적으로 적어 주세요.",
        },
    )


def export_reason(request) -> tuple[str | None, TemplateResponse | None]:
    """(reason, None) when the request carries a valid reason; else (None, the form page)."""
    form = ExportReasonForm(request.GET if "reason" in request.GET else None)
    if form.is_valid():
        return form.cleaned_data["reason"], None
    filters = [(key, value) for key, value in request.GET.items() if key != "reason"]
    page = TemplateResponse(
        request,
        "privacy/export_reason.html",
        {"form": form, "filters": filters, "page_title": "개인정보 내보내기 사유"},
        status=200 if not form.is_bound else 400,
    )
    return None, page


def record_export(request, subject: str, reason: str, item_count: int) -> ExportRecord:
    user = request.user
    query = "&".join(f"{key}={value}" for key, value in request.GET.items() if key != "reason")
    return ExportRecord.objects.create(
        subject=subject,
        actor_id=user.pk,
        actor_username=user.get_username(),
        ip_address=client_address(request),
        reason=reason,
        item_count=item_count,
        query=query[:500],
    )
