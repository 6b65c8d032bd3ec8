"""Admin of partners (협력기관): organisations, their API keys, usage, and inbound feeds."""

from django.forms import modelform_factory
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .admin_views import APIKeyUsageReportView, IssueAPIKeyView
from .models import Partner, PartnerAPIKey, PartnerFeed, PartnerItem


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "group"
    menu_label = "협력기관"
    list_display = ["organisation", "contact_name", "contact_email", "status", "agency"]
    list_filter = ["status"]
    search_fields = ["organisation", "contact_name"]
    panels = [
        FieldPanel("organisation"),
        FieldPanel("contact_name"),
        FieldPanel("contact_email"),
        FieldPanel("status"),
        FieldPanel("agency"),
        FieldPanel("note"),
    ]


class PartnerAPIKeyViewSet(ModelViewSet):
    """Keys are issued here (shown once), then only renamed, given an expiry or revoked."""

    model = PartnerAPIKey
    icon = "key"
    menu_label = "API 키"
    add_view_class = IssueAPIKeyView
    copy_view_enabled = False
    list_display = [
        "name",
        Column("partner", label="협력기관"),
        Column("prefix", label="키 앞부분"),
        DateColumn("created", label="발급일"),
        DateColumn("expiry_date", label="만료일"),
        BooleanColumn("revoked", label="폐기"),
    ]
    list_filter = ["partner", "revoked"]
    search_fields = ["name", "prefix"]

    def get_form_class(self, for_update=False):
        fields = (
            ["name", "expiry_date", "revoked"] if for_update else ["partner", "name", "expiry_date"]
        )
        return modelform_factory(self.model, form=WagtailAdminModelForm, fields=fields)


class PartnerFeedViewSet(ModelViewSet):
    model = PartnerFeed
    icon = "link-external"
    menu_label = "협력기관 피드"
    list_display = [
        "title",
        "agency",
        "section",
        BooleanColumn("active", label="사용"),
        "last_status",
        DateColumn("last_checked_at", label="마지막 확인"),
        "failure_count",
        "last_error",
    ]
    list_filter = ["active", "section", "last_status"]
    search_fields = ["title", "url"]
    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("agency"),
        FieldPanel("section"),
        FieldPanel("active"),
    ]


class PartnerItemViewSet(ModelViewSet):
    """Imported items, to look them over and delete one that should not be shown."""

    model = PartnerItem
    icon = "doc-full"
    menu_label = "협력기관 소식"
    copy_view_enabled = False
    list_display = ["title", "feed", DateColumn("published", label="게시일"), "link"]
    list_filter = ["feed"]
    search_fields = ["title"]
    form_fields = ["title"]


class PartnersViewSetGroup(ModelViewSetGroup):
    menu_label = "협력기관"
    menu_icon = "group"
    menu_order = 310
    items = (PartnerViewSet, PartnerAPIKeyViewSet, PartnerFeedViewSet, PartnerItemViewSet)


@hooks.register("register_admin_viewset")
def register_partners_viewsets():
    return PartnersViewSetGroup()


@hooks.register("register_admin_urls")
def register_usage_report_urls():
    return [
        path("reports/api-usage/", APIKeyUsageReportView.as_view(), name="partners_api_usage"),
        path(
            "reports/api-usage/results/",
            APIKeyUsageReportView.as_view(results_only=True),
            name="partners_api_usage_results",
        ),
    ]


class UsageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("partners.view_apikeyusage")


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return UsageReportMenuItem(
        "API 키 사용량",
        reverse("partners_api_usage"),
        name="api-key-usage",
        icon_name="key",
        order=1300,
    )
