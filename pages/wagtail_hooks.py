"""Admin registration: the portal's snippets (grouped under 분류), what page choosers offer,
and the table grid's endpoints."""

from django.contrib import messages
from django.db.models import Q
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.visibility import searchable_pages
from pages import views
from pages.accessibility import WARNING, check_page
from pages.admin_views import (
    AccessibilityReportView,
    UnlicensedDocumentsReportView,
    UnlicensedImagesReportView,
)
from pages.models import DocumentLicence, ImageLicence
from pages.snippets import Agency, Audience, BloggerProfile, District, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "home"
    list_display = ["name", "phone", "url"]
    search_fields = ["name"]


class BloggerProfileViewSet(SnippetViewSet):
    model = BloggerProfile
    icon = "user"
    list_display = ["display_name", "district"]
    search_fields = ["display_name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = "분류"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (TopicViewSet, AudienceViewSet, DistrictViewSet, AgencyViewSet, BloggerProfileViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_see(pages, request):
    """Choosers (links, related pages) list public pages and the pages the user may edit:
    a blogger never sees the titles of other people's drafts or of private pages."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return pages.filter(
        Q(depth=1) | Q(pk__in=searchable_pages().values("pk")) | Q(pk__in=editable.values("pk"))
    )


@hooks.register("construct_page_action_menu")
def approval_first_for_reviewers(menu_items, request, context):
    """A reviewer opening a page in moderation came to approve it: Wagtail sorts "초안 저장"
    first, so the large button is moved to 승인 (승인 및 게시 at the last step)."""
    approve = next(
        (
            item
            for item in menu_items
            if isinstance(item, WorkflowMenuItem) and item.name == "approve"
        ),
        None,
    )
    if approve is not None:
        menu_items.remove(approve)
        menu_items.insert(0, approve)


@hooks.register("insert_editor_js")
def say_when_a_save_failed():
    """Autosave refusals (400: locked, invalid, overtaken) shown as a Korean alert, not only
    in a tooltip, so no failed save passes silently."""
    return format_html('<script src="{}"></script>', static("pages/js/save-errors.js"))


@hooks.register("after_edit_page")
def say_what_the_workflow_action_did(request, page):
    """Approving from the edit screen reports "page updated" even when the page went live;
    tell the reviewer what actually happened instead."""
    if not request.POST.get("action-workflow-action"):
        return
    page.refresh_from_db()
    title = page.get_admin_display_title()
    if request.POST.get("workflow-action-name") == "reject":
        outcome = f"'{title}' 페이지에 수정을 요청했습니다."
    elif task := page.current_workflow_task:
        outcome = f"'{title}' 페이지를 승인했습니다. 다음 단계 '{task.name}'(으)로 넘어갑니다."
    elif page.live and not page.has_unpublished_changes:
        outcome = f"'{title}' 페이지를 승인하고 게시했습니다."
    elif page.go_live_at:
        outcome = f"'{title}' 페이지를 승인했습니다. 예약한 시각에 게시됩니다."
    else:
        outcome = f"'{title}' 페이지를 승인했습니다."
    # Reading the queued messages consumes them; put back all but Wagtail's "updated".
    updated = _("Page '%(page_title)s' has been updated.") % {"page_title": title}
    kept = [
        message
        for message in messages.get_messages(request)
        if not str(message.message).startswith(escape(updated))
    ]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, outcome)


@hooks.register("register_admin_urls")
def register_report_table_urls():
    return [
        path("report-tables/import/", views.import_table, name="report_table_import"),
        path("report-tables/preview/", views.preview_table, name="report_table_preview"),
    ]


class ImageLicenceViewSet(SnippetViewSet):
    model = ImageLicence
    icon = "image"
    list_display = ["image", "licence", "source"]
    list_filter = ["licence"]


class DocumentLicenceViewSet(SnippetViewSet):
    model = DocumentLicence
    icon = "doc-full"
    list_display = ["document", "licence", "source"]
    list_filter = ["licence"]


class LicenceViewSetGroup(SnippetViewSetGroup):
    menu_label = "공공누리"
    menu_icon = "clipboard-list"
    menu_order = 310
    items = (ImageLicenceViewSet, DocumentLicenceViewSet)


register_snippet(LicenceViewSetGroup)

ADMIN_REPORTS = [
    ("unlicensed-images/", UnlicensedImagesReportView, 1410),
    ("unlicensed-documents/", UnlicensedDocumentsReportView, 1420),
    ("accessibility/", AccessibilityReportView, 1430),
]


@hooks.register("register_admin_urls")
def register_admin_report_urls():
    urls = []
    for prefix, view, _order in ADMIN_REPORTS:
        urls.append(path(prefix, view.as_view(), name=view.index_url_name))
        urls.append(
            path(
                f"{prefix}results/",
                view.as_view(results_only=True),
                name=view.index_results_url_name,
            )
        )
    return urls


def _report_menu_item(view, order):
    return MenuItem(
        view.page_title, reverse(view.index_url_name), icon_name=view.header_icon, order=order
    )


@hooks.register("register_reports_menu_item")
def register_unlicensed_images_menu_item():
    return _report_menu_item(*ADMIN_REPORTS[0][1:])


@hooks.register("register_reports_menu_item")
def register_unlicensed_documents_menu_item():
    return _report_menu_item(*ADMIN_REPORTS[1][1:])


@hooks.register("register_reports_menu_item")
def register_accessibility_menu_item():
    return _report_menu_item(*ADMIN_REPORTS[2][1:])


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_accessibility(request, page):
    """KWCAG 2.2 warnings (errors already stopped the form): shown, never blocking."""
    for finding in check_page(page.specific.get_latest_revision_as_object()):
        if finding.severity == WARNING:
            messages.warning(request, f"[웹 접근성] {finding.message}")
