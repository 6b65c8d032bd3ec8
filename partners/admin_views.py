"""Admin views of partner access: issuing a key (shown once) and the daily usage report."""

import django_filters
from django.template.response import TemplateResponse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.generic import CreateView
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from content.spreadsheets import FormulaSafeExportMixin

from .models import APIKeyUsage, Partner, PartnerAPIKey


class IssueAPIKeyView(CreateView):
    """Creates a key and shows it once; only its hash is kept."""

    def save_instance(self):
        self.raw_key = PartnerAPIKey.objects.assign_key(self.form.instance)
        return super().save_instance()

    def save_action(self):
        return TemplateResponse(
            self.request,
            "partners/api_key_issued.html",
            {
                "api_key": self.object,
                "raw_key": self.raw_key,
                "index_url": self.get_success_url(),
                "page_title": "API 키 발급",
                "header_icon": "key",
            },
        )


class APIKeyUsageFilterSet(WagtailFilterSet):
    partner = django_filters.ModelChoiceFilter(
        label="협력기관", field_name="api_key__partner", queryset=Partner.objects.all()
    )
    day = django_filters.DateFromToRangeFilter(label="날짜")

    class Meta:
        model = APIKeyUsage
        fields = ["partner", "day"]


class APIKeyUsageReportView(FormulaSafeExportMixin, ReportView):
    """Requests per key per day, for administrators (exportable as CSV/XLSX)."""

    page_title = "API 키 사용량"
    header_icon = "key"
    index_url_name = "partners_api_usage"
    index_results_url_name = "partners_api_usage_results"
    filterset_class = APIKeyUsageFilterSet
    permission_policy = ModelPermissionPolicy(APIKeyUsage)
    permission_required = "view"
    columns = [
        DateColumn("day", label="날짜"),
        Column("partner", label="협력기관", accessor="api_key.partner"),
        Column("api_key", label="API 키", accessor="api_key"),
        Column("prefix", label="키 앞부분", accessor="api_key.prefix"),
        NumberColumn("requests", label="요청 수"),
        NumberColumn("throttled", label="한도 초과"),
    ]
    list_export = ["day", "api_key.partner", "api_key", "api_key.prefix", "requests", "throttled"]
    export_headings = {
        "day": "날짜",
        "api_key.partner": "협력기관",
        "api_key": "API 키",
        "api_key.prefix": "키 앞부분",
        "requests": "요청 수",
        "throttled": "한도 초과",
    }

    def get_queryset(self):
        return APIKeyUsage.objects.select_related("api_key__partner").order_by(
            "-day", "api_key__partner__organisation", "api_key__name"
        )
