"""Which editions to rebuild when content changes (subscriber of the one change event)."""

from content.events import ContentEvent
from content.models import ChangeKind

REPORT_TYPES = {"pages.reporteditionpage", "pages.reportchapterpage"}


def editions_touched(event: ContentEvent) -> set[int]:
    """Editions whose public PDF may differ after `event`: the edition itself, the edition of
    a changed chapter, or editions showing a changed image, agency or page."""
    from pages.models import ReportChapterPage, ReportEditionPage

    page_ids = set(event.affected_page_ids)
    if event.page_id:
        page_ids.add(event.page_id)
    editions = set(ReportEditionPage.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
    for chapter in ReportChapterPage.objects.filter(pk__in=page_ids):
        parent = chapter.get_parent()
        if parent is not None:
            editions.add(parent.pk)
    if event.page_type == "pages.reportchapterpage" and event.kind == ChangeKind.DELETED:
        # The chapter is gone, and with it the way to its edition: check them all.
        editions.update(ReportEditionPage.objects.values_list("pk", flat=True))
    return editions


# The printed edition follows publishing: a live page saved without publishing (the shell, an
# import) is typeset with the edition's next publish, and a PDF built is no reason to build.
IGNORED_KINDS = {ChangeKind.PDF_BUILT, ChangeKind.SAVED}


def on_content_change(event: ContentEvent) -> None:
    if event.kind in IGNORED_KINDS:
        return
    from .tasks import build_edition_pdf

    for edition_id in sorted(editions_touched(event)):
        build_edition_pdf.enqueue(edition_id)
