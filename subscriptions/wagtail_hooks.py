"""Admin (Korean): the publish flow's "major change" choice with its reach, and the log of
sent alerts with their delivery counts.

The edit view's action menu gets "중요한 변경으로 게시": a change note and a button showing
how many subscribers the message would reach. Publishing with it leaves a `ChangeNote` for
the publish (read by triggers.py); the plain Publish button removes any, so a minor change
notifies nobody.

Editors who send a change for moderation get "중요한 변경으로 검토 요청" too: the mark and note
are kept with the submitted revision, and the reviewer's publish (approving in the workflow, or
Publish in the editor) sends them. A plain resubmission drops them.
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
    note_name = "subscription-note"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        page = context["page"]
        return bool(page.live) and self.get_user_page_permissions_tester(context).can_publish()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["reach"] = reach(parent_context["page"])
        context["value"] = MAJOR
        context["note_name"] = self.note_name
        return context


class MajorChangeSubmitMenuItem(MajorChangeMenuItem):
    label = "중요한 변경으로 검토 요청"
    name = "action-submit"
    order = 25
    note_name = "subscription-submit-note"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        page = context["page"]
        tester = self.get_user_page_permissions_tester(context)
        return bool(page.live) and tester.can_submit_for_moderation()


@hooks.register("register_page_action_menu_item")
def register_major_change_item():
    return MajorChangeMenuItem()


@hooks.register("register_page_action_menu_item")
def register_major_change_submit_item():
    return MajorChangeSubmitMenuItem()


def submitted_note(request, field: str) -> str | None:
    """The change note of a "major" button press, or None (with a Korean warning if empty)."""
    note = request.POST.get(field, "").strip()
    if not note:
        messages.warning(
            request, "변경 내용을 적지 않아 구독자에게 알리지 않습니다(일반 변경으로 처리)."
        )
        return None
    return note[:1000]


@hooks.register("before_publish_page")
def record_change_note(request, page):
    if request.POST.get("action-publish") != MAJOR:
        # A plain Publish is minor, unless it publishes a change submitted as major.
        ChangeNote.objects.filter(page_id=page.pk, revision__isnull=True).delete()
        if not page.workflow_in_progress:
            ChangeNote.objects.filter(page_id=page.pk).delete()
        return None
    ChangeNote.objects.filter(page_id=page.pk).delete()
    note = submitted_note(request, MajorChangeMenuItem.note_name)
    if note is not None:
        ChangeNote.objects.create(page_id=page.pk, major=True, note=note)
    return None


@hooks.register("after_edit_page")
def record_submitted_change_note(request, page):
    """Keep "major" and its note with the revision sent for moderation."""
    if request.method != "POST" or not request.POST.get("action-submit"):
        return None
    ChangeNote.objects.filter(page_id=page.pk).delete()
    if request.POST.get("action-submit") != MAJOR:
        return None
    note = submitted_note(request, MajorChangeSubmitMenuItem.note_name)
    if note is not None:
        ChangeNote.objects.create(
            page_id=page.pk, major=True, note=note, revision_id=page.latest_revision_id
        )
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
