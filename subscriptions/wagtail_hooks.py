"""Admin (Korean): the publish flow's "major change" choice with its reach, and the log of
sent alerts with their delivery counts.

The edit view's action menu gets "중요한 변경으로 게시": a change note and a button showing
how many subscribers the message would reach. Publishing with it leaves a `ChangeNote` for
the publish (read by triggers.py); the plain Publish button removes any, so a minor change
notifies nobody.
"""

from django.contrib import messages
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .lists import reach
from .models import Alert, ChangeNote

MAJOR = "major"


class MajorChangeMenuItem(ActionMenuItem):
    label = "중요한 변경으로 게시"
    name = "action-publish"
    template_name = "subscriptions/admin/major_change_menu_item.html"
    order = 15

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        page = context["page"]
        return bool(page.live) and self.get_user_page_permissions_tester(context).can_publish()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["reach"] = reach(parent_context["page"])
        context["value"] = MAJOR
        return context


@hooks.register("register_page_action_menu_item")
def register_major_change_item():
    return MajorChangeMenuItem()


@hooks.register("before_publish_page")
def record_change_note(request, page):
    ChangeNote.objects.filter(page_id=page.pk).delete()
    if request.POST.get("action-publish") != MAJOR:
        return None
    note = request.POST.get("subscription-note", "").strip()
    if not note:
        messages.warning(
            request, "변경 내용을 적지 않아 구독자에게 알리지 않았습니다(일반 게시로 처리)."
        )
        return None
    ChangeNote.objects.create(page_id=page.pk, major=True, note=note[:1000])
    return None


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "mail"
    menu_label = "구독 알림 기록"
    menu_name = "subscription-alerts"
    add_to_admin_menu = True
    list_display = ["title", "kind", "created_at", "delivery_summary"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    inspect_view_fields = ["kind", "title", "note", "url", "created_at", "delivery_summary"]


register_snippet(AlertViewSet)
