"""Counselor views in the Wagtail admin: inbox, case, assignment, answer, FAQ, export, log.

Only users with the counseling permissions (the 상담사 group and superusers) get past
the checks; everyone else gets 403. Every display or export of a case is logged.
"""

import csv
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from content.spreadsheets import safe_cell
from privacy.exports import export_reason, record_export
from privacy.models import AccessReview
from privacy.review import Access, month_bounds, record_review, unusual_access

from .forms import AnswerForm, AssignForm, InboxFilterForm
from .models import ENCRYPTED_FIELDS, AccessAction, AccessLog, CaseStatus, CounselingCase
from .permissions import (
    can_answer_cases,
    can_export_cases,
    can_view_access_log,
    can_view_cases,
)
from .services import (
    FAQNotAllowed,
    assign,
    close,
    create_faq_draft,
    log_access,
    log_many,
    save_answer,
)

PAGE_SIZE = 50


def forbidden(request) -> TemplateResponse:
    return TemplateResponse(
        request,
        "counseling/admin/forbidden.html",
        {"header_title": "권한 없음", "page_title": "권한 없음"},
        status=403,
    )


def requires(test):
    """403 unless `test(user)`; Wagtail's admin URL wrapper already demands a login."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def filtered_cases(request) -> tuple[InboxFilterForm, QuerySet]:
    form = InboxFilterForm(request.GET or None)
    cases = CounselingCase.objects.select_related("assigned_to")
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            cases = cases.filter(status=data["status"])
        if data["category"]:
            cases = cases.filter(category=data["category"])
        if data["assigned"] == "me":
            cases = cases.filter(assigned_to=request.user)
        elif data["assigned"] == "none":
            cases = cases.filter(assigned_to__isnull=True)
    return form, cases


@requires(can_view_cases)
def inbox(request):
    """No personal data here (receipt, category, status, dates), so the list is not logged."""
    form, cases = filtered_cases(request)
    page = Paginator(cases.defer(*ENCRYPTED_FIELDS), PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "counseling/admin/inbox.html",
        {
            "header_title": "온라인 상담 신청함",
            "page_title": "온라인 상담 신청함",
            "filter_form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "can_export": can_export_cases(request.user),
            "status_counts": {
                label: CounselingCase.objects.filter(status=value).count()
                for value, label in CaseStatus.choices
            },
        },
    )


@requires(can_view_cases)
def case_detail(request, pk: int):
    case = get_object_or_404(CounselingCase.objects.select_related("assigned_to"), pk=pk)
    log_access(request.user, case, AccessAction.VIEW, request)
    can_answer = can_answer_cases(request.user)
    return TemplateResponse(
        request,
        "counseling/admin/case.html",
        {
            "header_title": f"상담 신청 {case.receipt_number}",
            "page_title": f"상담 신청 {case.receipt_number}",
            "case": case,
            "can_answer": can_answer,
            "assign_form": AssignForm(initial={"counselor": case.assigned_to_id}),
            "answer_form": AnswerForm(initial={"answer": case.answer, "notify": True}),
        },
    )


@require_POST
@requires(can_answer_cases)
def case_assign(request, pk: int):
    case = get_object_or_404(CounselingCase, pk=pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["counselor"][0])
        return redirect("counseling_admin:case", pk=case.pk)
    counselor = form.cleaned_data["counselor"]
    assign(case, counselor, by=request.user, request=request)
    name = counselor.get_full_name() or counselor.get_username()
    messages.success(request, f"{case.receipt_number} 상담을 {name} 상담사에게 배정했습니다.")
    return redirect("counseling_admin:case", pk=case.pk)


@require_POST
@requires(can_answer_cases)
def case_answer(request, pk: int):
    case = get_object_or_404(CounselingCase, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["answer"][0])
        return redirect("counseling_admin:case", pk=case.pk)
    notified = save_answer(
        case,
        form.cleaned_data["answer"],
        by=request.user,
        notify=form.cleaned_data["notify"],
        request=request,
    )
    if notified:
        messages.success(request, "답변을 저장하고 신청인에게 알림 메일을 보냈습니다.")
    elif not case.email:
        messages.warning(
            request,
            "답변을 저장했습니다. 이메일이 없는 신청이므로 남겨진 연락처로 안내해 주세요.",
        )
    else:
        messages.success(request, "답변을 저장했습니다. 알림 메일은 보내지 않았습니다.")
    return redirect("counseling_admin:case", pk=case.pk)


@require_POST
@requires(can_answer_cases)
def case_close(request, pk: int):
    case = get_object_or_404(CounselingCase, pk=pk)
    close(case, by=request.user, request=request)
    messages.success(request, f"{case.receipt_number} 상담을 종결했습니다.")
    return redirect("counseling_admin:case", pk=case.pk)


@require_POST
@requires(can_answer_cases)
def case_faq(request, pk: int):
    case = get_object_or_404(CounselingCase, pk=pk)
    try:
        page = create_faq_draft(case, by=request.user, request=request)
    except FAQNotAllowed:
        messages.error(
            request,
            "답변이 완료되고 신청인이 익명 공개에 동의한 상담만 FAQ 초안으로 만들 수 있습니다.",
        )
        return redirect("counseling_admin:case", pk=case.pk)
    messages.success(
        request,
        "개인정보를 지운 FAQ 초안을 만들었습니다. 내용을 다듬은 뒤 검토를 요청해 주세요.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@requires(can_export_cases)
def export(request):
    reason, ask = export_reason(request)
    if ask is not None:
        return ask
    _, cases = filtered_cases(request)
    cases = list(cases)
    log_many(request.user, cases, AccessAction.EXPORT, request)
    record_export(request, "counseling", reason, len(cases))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"counseling-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # Excel opens UTF-8 Korean correctly with a BOM.
    writer = csv.writer(response)
    writer.writerow(
        [
            "접수번호",
            "상담 분야",
            "처리 상태",
            "담당 상담사",
            "접수 일시",
            "답변 일시",
            "제목",
            "상담 내용",
        ]
    )
    for case in cases:
        writer.writerow(
            [
                case.receipt_number,
                case.get_category_display(),
                case.get_status_display(),
                case.assigned_to.get_username() if case.assigned_to else "",
                timezone.localtime(case.submitted_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(case.answered_at).strftime("%Y-%m-%d %H:%M")
                if case.answered_at
                else "",
                safe_cell(case.title),
                safe_cell(case.question),
            ]
        )
    return response


@requires(can_view_access_log)
def access_log(request):
    entries = AccessLog.objects.all()
    receipt = request.GET.get("receipt", "").strip().upper()
    if receipt:
        entries = entries.filter(receipt_number=receipt)
    page = Paginator(entries, 100).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "counseling/admin/access_log.html",
        {
            "header_title": "개인정보 접속기록",
            "page_title": "개인정보 접속기록",
            "page_obj": page,
            "receipt": receipt,
        },
    )


def month_accesses(month) -> list[Access]:
    """Every case view in the month, and whether the case was assigned to whoever opened it."""
    end = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    views = AccessLog.objects.filter(
        action=AccessAction.VIEW, occurred_at__date__gte=month, occurred_at__date__lt=end
    ).values_list("actor_id", "actor_username", "case_id")
    views = list(views)
    assignees = dict(
        CounselingCase.objects.filter(pk__in={case_id for _, _, case_id in views}).values_list(
            "pk", "assigned_to_id"
        )
    )
    return [
        Access(username, case_id, assignees.get(case_id) == actor_id)
        for actor_id, username, case_id in views
    ]


@requires(can_view_access_log)
def access_review(request):
    """The privacy officer's monthly review: who read which cases, unusual access flagged."""
    default = (timezone.localdate().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    raw_month = request.POST.get("month") or request.GET.get("month") or default
    try:
        month = month_bounds(raw_month)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("counseling_admin:access_review")
    summaries = unusual_access(month_accesses(month))
    note = request.POST.get("note", "").strip()
    if request.method == "POST":
        if not note:
            messages.error(
                request, "점검 의견을 적어 주세요. 이상이 없으면 '이상 없음'이라고 적습니다."
            )
        else:
            record_review("counseling", month, request.user, summaries, note)
            messages.success(request, f"{month:%Y년 %m월} 접속기록 점검을 기록했습니다.")
            return redirect(f"{request.path}?month={month:%Y-%m}")
    return TemplateResponse(
        request,
        "counseling/admin/access_review.html",
        {
            "header_title": "접속기록 월간 점검",
            "page_title": "접속기록 월간 점검",
            "month": month,
            "summaries": summaries,
            "reviews": AccessReview.objects.filter(subject="counseling", month=month),
            "limit": settings.PRIVACY_UNASSIGNED_ACCESS_LIMIT,
        },
    )
