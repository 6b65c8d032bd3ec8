"""Staff views in the Wagtail admin: programs, their applicants, attendance, roster, messages.

Only the 서울가족학교 담당자 group (and superusers) get past the checks. The program list
holds numbers only; every page that shows applicants' details, and every export, cancel,
message and close, is written to the access log first.
"""

import csv
import io
import json
from functools import wraps

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from content.spreadsheets import safe_cell
from notifications.outbox import notify_after_commit
from pages.models import EducationProgramPage, ProgramSession

from . import seats
from .models import AccessAction, AccessLog, Application, ProgramSeats, Status, log_access
from .permissions import can_export, can_manage, can_view


def requires(test):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                return TemplateResponse(
                    request,
                    "applications/admin/forbidden.html",
                    {"header_title": "권한 없음", "page_title": "권한 없음"},
                    status=403,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class ExportForm(forms.Form):
    reason = forms.CharField(
        label="내려받는 사유",
        max_length=200,
        error_messages={"required": "명단을 내려받는 사유를 적어 주세요."},
    )
    format = forms.ChoiceField(label="형식", choices=[("xlsx", "엑셀(xlsx)"), ("csv", "CSV")])
    session = forms.IntegerField(required=False, widget=forms.HiddenInput)


class MessageForm(forms.Form):
    message = forms.CharField(
        label="안내 내용",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "보낼 안내 내용을 적어 주세요."},
    )


@requires(can_view)
def programs(request):
    """Numbers only, so this list is not logged."""
    counters = {s.program_id: s for s in ProgramSeats.objects.all()}
    rows = []
    for program in (
        EducationProgramPage.objects.filter(accepts_applications=True)
        .prefetch_related("program_sessions")
        .order_by("-application_start")
    ):
        counter = counters.get(program.pk)
        sessions = seats.session_counts(program, counter)
        rows.append((program, seats.public_counts(program, counter, sessions), sessions))
    return TemplateResponse(
        request,
        "applications/admin/programs.html",
        {"header_title": "프로그램 신청", "page_title": "프로그램 신청", "rows": rows},
    )


def _session_filter(program: EducationProgramPage, value) -> tuple[dict, ProgramSession | None]:
    """`?session=<id>`: one session's applications; anything else: the whole program."""
    session = program.program_sessions.filter(pk=value).first() if str(value).isdigit() else None
    return ({"session": session} if session else {}), session


@requires(can_view)
def program_detail(request, pk: int):
    program = get_object_or_404(EducationProgramPage, pk=pk)
    only, session = _session_filter(program, request.GET.get("session", ""))
    applications = list(
        Application.objects.filter(program=program, **only)
        .select_related("session")
        .order_by("position")
    )
    log_access(request.user, program.pk, AccessAction.VIEW, request, count=len(applications))
    for application in applications:
        # For the template: the answers as (question, answer) pairs.
        application.answer_items = json.loads(application.answers or "{}").items()  # type: ignore[attr-defined]
    counter = seats.seats_of(program)
    sessions = seats.session_counts(program, counter)
    return TemplateResponse(
        request,
        "applications/admin/program.html",
        {
            "header_title": f"{program.title} 신청자",
            "page_title": f"{program.title} 신청자",
            "program": program,
            "applications": applications,
            "counts": seats.public_counts(program, counter, sessions),
            "sessions": sessions,
            "session": session,
            "closed": counter.closed,
            "can_manage": can_manage(request.user),
            "can_export": can_export(request.user),
            "export_form": ExportForm(initial={"session": session.pk if session else None}),
            "message_form": MessageForm(),
        },
    )


@require_POST
@requires(can_manage)
def attendance(request, pk: int, application_pk: int):
    application = get_object_or_404(Application, pk=application_pk, program_id=pk)
    attended = {"yes": True, "no": False}.get(request.POST.get("attended"))
    application.attended = attended
    application.save(update_fields=["attended"])
    log_access(
        request.user,
        pk,
        AccessAction.ATTENDANCE,
        request,
        receipt_number=application.receipt_number,
    )
    return redirect("applications_admin:program", pk=pk)


@require_POST
@requires(can_manage)
def staff_cancel(request, pk: int, application_pk: int):
    application = get_object_or_404(Application, pk=application_pk, program_id=pk)
    log_access(
        request.user, pk, AccessAction.CANCEL, request, receipt_number=application.receipt_number
    )
    promoted = seats.cancel(application)
    messages.success(
        request,
        f"{application.receipt_number} 신청을 취소했습니다."
        + (f" 대기자 {len(promoted)}명이 확정되었습니다." if promoted else ""),
    )
    return redirect("applications_admin:program", pk=pk)


@require_POST
@requires(can_manage)
def close_or_reopen(request, pk: int):
    program = get_object_or_404(EducationProgramPage, pk=pk)
    close = request.POST.get("action") == "close"
    seats.set_closed(program, close)
    log_access(request.user, pk, AccessAction.CLOSE if close else AccessAction.REOPEN, request)
    if not close:
        seats.promote(program)
    messages.success(request, "접수를 중단했습니다." if close else "접수를 다시 열었습니다.")
    return redirect("applications_admin:program", pk=pk)


@require_POST
@requires(can_manage)
def message_confirmed(request, pk: int):
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, str(form.errors["message"][0]))
        return redirect("applications_admin:program", pk=pk)
    confirmed = list(
        Application.objects.filter(program_id=pk, status=Status.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    log_access(request.user, pk, AccessAction.MESSAGE, request, count=len(confirmed))
    for application_pk in confirmed:
        notify_after_commit(
            seats.NOTICE_BUILDER,
            application_pk,
            "applications/message",
            {"message": form.cleaned_data["message"]},
        )
    messages.success(request, f"확정 신청자 {len(confirmed)}명에게 안내를 보냈습니다.")
    return redirect("applications_admin:program", pk=pk)


ROSTER_HEADER = [
    "접수 순번", "접수번호", "상태", "신청인", "연락처", "이메일", "참여 인원", "아동 인원",
    "법정대리인", "질문 답변", "신청 일시", "출석",
]  # fmt: skip


@require_POST
@requires(can_export)
def export(request, pk: int):
    program = get_object_or_404(EducationProgramPage, pk=pk)
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, str(next(iter(form.errors.values()))[0]))
        return redirect("applications_admin:program", pk=pk)
    only, session = _session_filter(program, form.cleaned_data["session"] or "")
    applications = list(
        Application.objects.filter(program=program, **only)
        .exclude(status=Status.CANCELLED)
        .select_related("session")
        .order_by("session__date", "session_id", "position")
    )
    reason = form.cleaned_data["reason"]
    log_access(
        request.user,
        pk,
        AccessAction.EXPORT,
        request,
        count=len(applications),
        reason=f"[{session.title}] {reason}"[:200] if session else reason,
    )
    with_session = program.program_sessions.exists()  # the session first, where there are
    header = ["회차", *ROSTER_HEADER] if with_session else ROSTER_HEADER
    rows = [header, *(_roster_row(application, with_session) for application in applications)]
    suffix = f"-s{session.pk}" if session else ""
    filename = f"roster-{program.pk}{suffix}-{timezone.localdate():%Y%m%d}"
    if form.cleaned_data["format"] == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # Excel opens UTF-8 Korean correctly with a BOM.
        csv.writer(response).writerows(rows)
        filename += ".csv"
    else:
        response = HttpResponse(
            _xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename += ".xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _roster_row(application: Application, with_session: bool) -> list:
    answers = json.loads(application.answers or "{}")
    attended = {True: "출석", False: "결석", None: ""}[application.attended]
    session = [application.session.title if application.session else ""] if with_session else []
    return [
        *session,
        application.position,
        application.receipt_number,
        application.get_status_display(),
        safe_cell(application.name),
        application.phone,
        safe_cell(application.email),
        application.participants,
        application.children,
        safe_cell(application.guardian_name),
        safe_cell("; ".join(f"{key}={value}" for key, value in answers.items())),
        timezone.localtime(application.applied_at).strftime("%Y-%m-%d %H:%M"),
        attended,
    ]


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # openpyxl ships no types

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "신청자 명단"
    for row in rows:
        sheet.append(row)
    saved = io.BytesIO()
    workbook.save(saved)
    return saved.getvalue()


@requires(lambda user: user.is_active and user.has_perm("applications.view_accesslog"))
def access_log(request):
    entries = AccessLog.objects.all()[:500]
    return TemplateResponse(
        request,
        "applications/admin/access_log.html",
        {"header_title": "신청자 개인정보 접속기록", "page_title": "접속기록", "entries": entries},
    )
