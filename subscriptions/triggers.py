"""What makes an alert: a first publish, a change the editor marked major, a program opening
for applications, a notice marked urgent. Minor changes, drafts and pages the public cannot see
make none.

Follows the one content-change event (content/events.py); the program openings come from the
scheduler's `notify_program_openings`, since a date arriving is no publish.
"""

import logging

from django.utils import timezone
from wagtail.models import Page

from content.events import ContentEvent
from content.locales import default_language
from content.models import ChangeKind
from content.paths import frontend_url, site_path
from content.visibility import is_public
from pages.models import EducationProgramPage, NoticePage

from .delivery import start
from .lists import lists_matching
from .models import Alert, AlertKind, ChangeNote

logger = logging.getLogger(__name__)


def on_content_change(event: ContentEvent) -> None:
    if event.kind != ChangeKind.PUBLISHED or event.page_id is None or not event.path:
        return
    page = Page.objects.filter(pk=event.page_id).first()
    if page is None:
        return
    note = ChangeNote.objects.filter(page=page).first()
    if note is not None:
        note.delete()  # it was for this publish, whatever it said
    alert_for_publish(page.specific, event, note)


def alert_for_publish(page: Page, event: ContentEvent, note: ChangeNote | None) -> Alert | None:
    if not is_public(page) or not is_source_language(page):
        return None
    if isinstance(page, NoticePage) and getattr(page, "urgent", False):
        return make_alert(page, AlertKind.URGENT_NOTICE, f"urgent:{page.pk}", note)
    if isinstance(page, EducationProgramPage) and program_is_open(page):
        alert = make_alert(
            page, AlertKind.PROGRAM_OPEN, f"open:{page.pk}:{page.application_start}", note
        )
        if alert is not None:
            return alert
    if is_first_publish(page):
        return make_alert(page, AlertKind.FIRST_PUBLISH, f"first:{page.pk}", note)
    if note is not None and note.major:
        return make_alert(page, AlertKind.MAJOR_CHANGE, f"major:{page.pk}:{event.change_id}", note)
    return None


def is_source_language(page: Page) -> bool:
    """Alerts follow the Korean source; each subscriber then reads it in their own language
    (messages.py), so publishing a translation tells nobody a second time."""
    return page.locale.language_code == default_language()


def is_first_publish(page: Page) -> bool:
    # Wagtail stamps both with the same moment on a page's first publish only.
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def program_is_open(page: EducationProgramPage, today=None) -> bool:
    today = today or timezone.localdate()
    return page.application_start <= today <= page.application_end


def make_alert(page: Page, kind: str, dedup_key: str, note: ChangeNote | None) -> Alert | None:
    """Record the alert once (a repeated trigger finds its key taken) and fan it out."""
    if Alert.objects.filter(dedup_key=dedup_key).exists():
        return None
    list_ids = lists_matching(page)
    if not list_ids:
        return None  # nobody to tell: no log entry either
    alert = Alert.objects.create(
        kind=kind,
        dedup_key=dedup_key,
        page=page,
        title=page.title,
        note=note.note if note is not None else "",
        url=frontend_url(site_path(page)),
        list_ids=list_ids,
    )
    start(alert)
    return alert


def notify_program_openings(today=None) -> int:
    """Alerts for public programs whose application period has begun (once per period)."""
    today = today or timezone.localdate()
    made = 0
    programs = EducationProgramPage.objects.live().filter(
        application_start__lte=today, application_end__gte=today
    )
    for program in programs:
        if not is_public(program) or not is_source_language(program):
            continue
        alert = make_alert(
            program, AlertKind.PROGRAM_OPEN, f"open:{program.pk}:{program.application_start}", None
        )
        made += alert is not None
    return made
