"""Admin screens of the print edition: proof, public PDF rebuild, distribution, packing list."""

import logging
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from pages.models import ReportEditionPage

from .builder import build_proof
from .builds import is_stalled
from .distribution import COPIES_PER_BOX, create_default_plan, packing_rows
from .forms import RecipientFormSet
from .models import EditionBuild, EditionPrint
from .tasks import build_edition_pdf
from .typeset import PrintBuildError

logger = logging.getLogger(__name__)
PROOF_FAILED = "예상하지 못한 오류로 교정쇄를 만들지 못했습니다. 개발팀에 알려 주세요."


def editable_edition(request, edition_id: int) -> ReportEditionPage:
    """The edition, if the user may edit it (the report TF and the approvers); else 403."""
    edition = get_object_or_404(ReportEditionPage, pk=edition_id)
    if not edition.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return edition


@never_cache
def proof(request, edition_id: int) -> HttpResponse:
    """The proof (교정쇄) of the drafts, typeset now and never stored or cached."""
    edition = editable_edition(request, edition_id)
    try:
        pdf = build_proof(edition)
    except PrintBuildError as error:
        messages.error(request, str(error))
        return redirect("report_print:status", edition_id=edition.pk)
    except Exception:
        logger.exception("Typesetting the proof of edition %s failed", edition.pk)
        messages.error(request, PROOF_FAILED)
        return redirect("report_print:status", edition_id=edition.pk)
    response = HttpResponse(pdf.content, content_type="application/pdf")
    filename = quote(f"{edition.title} 교정쇄.pdf")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{filename}"
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def print_status(request, edition_id: int) -> HttpResponse:
    """The edition's print screen: public PDF, proof, rebuild, distribution plan."""
    edition = editable_edition(request, edition_id)
    if request.method == "POST":
        build_edition_pdf.enqueue(edition.pk)
        messages.success(request, "인쇄본 PDF 생성을 요청했습니다. 잠시 뒤 새로 고쳐 보세요.")
        return redirect("report_print:status", edition_id=edition.pk)
    build = EditionBuild.objects.filter(edition=edition).first()
    return TemplateResponse(
        request,
        "report_print/status.html",
        {
            "edition": edition,
            "record": EditionPrint.objects.filter(edition=edition).first(),
            "build": build,
            "stalled": is_stalled(build),
            "recipients": packing_rows(edition),
            "page_title": f"{edition.title} 인쇄본",
        },
    )


@never_cache
def distribution(request, edition_id: int) -> HttpResponse:
    edition = editable_edition(request, edition_id)
    with transaction.atomic():
        if not edition.distribution.exists():
            create_default_plan(edition)
    queryset = edition.distribution.select_related("district")
    formset = RecipientFormSet(
        request.POST or None, queryset=queryset, edition=edition, prefix="recipients"
    )
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():  # every recipient's row, or none
            formset.save()
        messages.success(request, "배포 계획을 저장했습니다.")
        return redirect("report_print:distribution", edition_id=edition.pk)
    total = sum(recipient.copies for recipient in queryset)
    return TemplateResponse(
        request,
        "report_print/distribution.html",
        {
            "edition": edition,
            "formset": formset,
            "total": total,
            "page_title": f"{edition.title} 배포 계획",
            "packing_list_url": reverse("report_print:packing_list", args=[edition.pk]),
        },
    )


@never_cache
def packing_list(request, edition_id: int) -> TemplateResponse:
    """A printable packing list (포장 명세서) for the print shop and the mail room."""
    edition = editable_edition(request, edition_id)
    rows = packing_rows(edition)
    return TemplateResponse(
        request,
        "report_print/packing_list.html",
        {
            "edition": edition,
            "rows": rows,
            "total": sum(row["recipient"].copies for row in rows),
            "copies_per_box": COPIES_PER_BOX,
        },
    )
