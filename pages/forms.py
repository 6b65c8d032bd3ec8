"""The admin form every portal page type starts from."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

MAX_SLUG_SUFFIX = 100


def abandoned_draft(slug: str, parent: Page, user) -> Page | None:
    """A never-published page at `slug` under `parent` that `user` started and left behind.

    Wagtail's autosave turns an "add page" form into a draft page as soon as the editor
    types; closing the tab leaves that draft, and the next attempt with the same title would
    otherwise stop at "slug in use".
    """
    if user is None or not user.is_authenticated:
        return None
    draft = (
        parent.get_children()
        .filter(slug=slug, live=False, first_published_at__isnull=True, owner=user)
        .specific()
        .first()
    )
    if draft is None or draft.workflow_in_progress:
        return None  # submitted for review: the editor has not abandoned it
    return draft


def next_free_slug(slug: str, parent: Page) -> str:
    """`slug-2`, `slug-3`, … : the first one no sibling under `parent` uses."""
    for number in range(2, MAX_SLUG_SUFFIX):
        candidate = f"{slug}-{number}"
        if Page._slug_is_available(candidate, parent):
            return candidate
    return slug  # the form's own check then asks the editor for another address


# The edit form's buttons that send a page towards citizens: publishing, submitting it to a
# workflow (or restarting one), approving a workflow step.
GOING_PUBLIC_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


class PortalPageForm(WagtailAdminPageForm):
    """A new page whose address an abandoned draft of the same editor holds takes the next
    free address (`…-2`) instead of failing; the old draft stays in the explorer.

    A page going public is checked against KWCAG 2.2 (pages/accessibility.py): errors stop
    the publish or submission with a Korean explanation; saving a draft is never stopped."""

    def _post_clean(self):
        super()._post_clean()
        if not any(self.data.get(action) for action in GOING_PUBLIC_ACTIONS):
            return
        if self.data.get("workflow-action-name") == "reject":
            return  # sending a page back for changes is never blocked
        from pages.accessibility import ERROR, check_page

        for finding in check_page(self.instance):
            if finding.severity == ERROR:
                field = finding.field if finding.field in self.fields else None
                self.add_error(field, f"[웹 접근성] {finding.message}")

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug or self.instance.pk or self.parent_page is None:
            return slug
        if abandoned_draft(slug, self.parent_page, self.for_user) is None:
            return slug
        return next_free_slug(slug, self.parent_page)


def still_referenced(instance) -> bool:
    """Whether deleting `instance` is refused because other rows protect it (an applied-to
    session, say), found without this layer knowing the features that refer to it."""
    from django.db.models.deletion import Collector, ProtectedError, RestrictedError

    try:
        Collector(using=instance._state.db or "default").collect([instance])
    except (ProtectedError, RestrictedError):
        return True
    return False


class EducationProgramForm(PortalPageForm):
    """A session (모집 회차) that people applied to cannot be deleted — by its delete button,
    or by reverting to a revision without it: their applications would lose their seats.
    The editor closes it by setting its 정원 to 0 instead."""

    def clean(self):
        cleaned = super().clean()
        sessions = self.formsets.get("program_sessions")
        if sessions is None or self.instance.pk is None:
            return cleaned
        deleted = set(sessions.deleted_forms)
        kept = [form.instance.pk for form in sessions.forms if form not in deleted]
        stored = sessions.model.objects.filter(program_id=self.instance.pk)
        for session in stored.exclude(pk__in=[pk for pk in kept if pk]):
            if still_referenced(session):
                self.add_error(
                    None,
                    f"'{session.title}' 회차에는 신청자가 있어 삭제할 수 없습니다. "
                    "더 받지 않으려면 정원을 0으로 바꾸세요.",
                )
        return cleaned
