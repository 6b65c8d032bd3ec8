"""Admin reports for editors: images and documents no 공공누리 type has been chosen for, and
the KWCAG 2.2 findings on live pages."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from content.spreadsheets import FormulaSafeExportMixin
from pages.accessibility import ERROR, check_page


class UnlicensedImagesReportView(FormulaSafeExportMixin, ReportView):
    """Images without a 공공누리 type: citizens cannot tell whether they may reuse them."""

    page_title = "공공누리 미지정 이미지"
    header_icon = "image"
    index_url_name = "portal_unlicensed_images"
    index_results_url_name = "portal_unlicensed_images_results"
    permission_required = "change"
    edit_url_name = "wagtailimages:edit"

    @property
    def permission_policy(self):
        return ModelPermissionPolicy(self.model())

    @staticmethod
    def model():
        return get_image_model()

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label="제목",
                get_url=lambda item: reverse(self.edit_url_name, args=[item.pk]),
            ),
            DateColumn("created_at", label="올린 날짜"),
            Column(
                "licence_hint", label="할 일", accessor=lambda item: "공공누리 유형을 지정하세요"
            ),
        ]

    def get_queryset(self):
        return self.model().objects.filter(kogl_licence__isnull=True).order_by("-created_at", "pk")


class UnlicensedDocumentsReportView(UnlicensedImagesReportView):
    """Documents of the library without a 공공누리 type."""

    page_title = "공공누리 미지정 문서"
    header_icon = "doc-full"
    index_url_name = "portal_unlicensed_documents"
    index_results_url_name = "portal_unlicensed_documents_results"
    edit_url_name = "wagtaildocs:edit"

    @staticmethod
    def model():
        return get_document_model()


@dataclass(frozen=True)
class AccessibilityRow:
    page: Page
    severity: str
    field: str
    message: str

    @property
    def severity_label(self) -> str:
        return "오류 (게시 불가)" if self.severity == ERROR else "경고"


class AccessibilityReportView(FormulaSafeExportMixin, ReportView):
    """KWCAG 2.2 findings on every live page, errors first: what the office fixes next."""

    page_title = "웹 접근성 점검 (KWCAG 2.2)"
    header_icon = "check"
    index_url_name = "portal_accessibility_report"
    index_results_url_name = "portal_accessibility_report_results"
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    paginate_by = 100
    columns = [
        TitleColumn(
            "page",
            label="페이지",
            accessor=lambda row: row.page.get_admin_display_title(),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
        ),
        Column("severity_label", label="구분"),
        Column("message", label="내용"),
    ]

    def get_queryset(self):
        rows = [
            AccessibilityRow(page, finding.severity, finding.field, finding.message)
            for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path")
            for finding in check_page(page)
        ]
        return sorted(rows, key=lambda row: row.severity != ERROR)
