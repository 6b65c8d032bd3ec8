"""Admin wiring: the print screens' URLs and a 인쇄본 button on every edition's header."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from pages.models import ReportEditionPage

from . import urls


class PrintButton(Button):
    allow_in_dropdown = True


@hooks.register("register_admin_urls")
def register_print_urls():
    return [path("report-print/", include(urls, namespace="report_print"))]


@hooks.register("register_page_header_buttons")
def print_button(page, user, view_name=None, next_url=None):
    if not isinstance(page.specific_deferred, ReportEditionPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield PrintButton(
        "인쇄본 (PDF·교정쇄·배포)",
        url=reverse("report_print:status", args=[page.pk]),
        icon_name="doc-full",
        priority=60,
    )
