"""Build an edition's public PDF (live content only, cached) or a proof of its drafts."""

import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from content.events import ChangeKind, announce
from pages.models import ReportChapterPage, ReportEditionPage

from .models import EditionPrint
from .source import SourceBuilder
from .typeset import TypesetPdf, toolchain_fingerprint, typeset

logger = logging.getLogger(__name__)


def live_chapters(edition: ReportEditionPage) -> list[ReportChapterPage]:
    chapters = ReportChapterPage.objects.child_of(edition).live().public()
    return list(chapters.order_by("chapter_number", "path"))


def draft_chapters(edition: ReportEditionPage) -> list[ReportChapterPage]:
    """Every chapter as its latest revision says, published or not (for proofs)."""
    chapters = [
        chapter.get_latest_revision_as_object()
        for chapter in ReportChapterPage.objects.child_of(edition).order_by("path")
    ]
    return sorted(chapters, key=lambda chapter: chapter.chapter_number)


def build_public_pdf(edition_id: int, *, force: bool = False) -> EditionPrint | None:
    """The edition's public PDF, typeset only if its live content changed since the last build.

    An edition that is no longer live and public loses its PDF.
    """
    edition = ReportEditionPage.objects.live().public().filter(pk=edition_id).first()
    if edition is None:
        withdraw_public_pdf(edition_id)
        return None
    source = SourceBuilder(edition, live_chapters(edition)).build()
    key = source.fingerprint(toolchain_fingerprint())
    current = EditionPrint.objects.filter(edition=edition).first()
    if current and current.content_key == key and not force and current.file:
        return current
    started = time.perf_counter()
    pdf = typeset(source)
    return store(edition, pdf, key, source.revisions, time.perf_counter() - started)


@transaction.atomic
def store(edition, pdf: TypesetPdf, key: str, revisions: dict, seconds: float) -> EditionPrint:
    record = EditionPrint.objects.select_for_update().filter(edition=edition).first()
    old_file = record.file.name if record and record.file else ""
    record = record or EditionPrint(edition=edition)
    record.file.save(
        f"hope-seoul-happy-family-{edition.year}-{key[:12]}.pdf",
        ContentFile(pdf.content),
        save=False,
    )
    record.size = len(pdf.content)
    record.page_count = pdf.page_count
    record.content_key = key
    record.revisions = revisions
    record.built_at = timezone.now()
    record.build_seconds = round(seconds, 3)
    record.save()
    if old_file and old_file != record.file.name:
        storage = record.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    announce(ChangeKind.PDF_BUILT, page=edition)
    logger.info("Built the print PDF of edition %s: %s pages", edition.pk, pdf.page_count)
    return record


def withdraw_public_pdf(edition_id: int) -> None:
    record = EditionPrint.objects.filter(edition_id=edition_id).first()
    if record is None:
        return
    if record.file:
        record.file.delete(save=False)
    record.delete()


def build_proof(edition: ReportEditionPage) -> TypesetPdf:
    """A proof (교정쇄) of the latest drafts, marked 검토용 on every page; never stored."""
    draft = edition.get_latest_revision_as_object()
    return typeset(SourceBuilder(draft, draft_chapters(edition), proof=True).build())
