"""Build an edition's public PDF (live content only, cached, one build at a time) or a proof."""

import logging
import time
from dataclasses import dataclass
from enum import StrEnum

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from content.events import ChangeKind, announce
from infra.metrics import PRINT_BUILDS, counts_outcomes
from pages.models import ReportChapterPage, ReportEditionPage

from .builds import claim_build
from .models import BuildStatus, EditionPrint
from .source import SourceBuilder
from .typeset import PrintBuildError, TypesetPdf, toolchain_fingerprint, typeset

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


class Outcome(StrEnum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    BUSY = "busy"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class BuildOutcome:
    """What a request to build an edition's public PDF came to: `record` is the PDF the
    edition has now (the last good one when this build failed), `reason` says in Korean why
    it failed."""

    outcome: Outcome
    record: EditionPrint | None = None
    reason: str = ""


UNEXPECTED_REASON = (
    "예상하지 못한 오류로 인쇄본 PDF를 만들지 못했습니다. 개발팀이 서버 기록에서 원인을 "
    "확인해야 합니다. 마지막으로 만든 PDF는 그대로 제공됩니다."
)
# A build asked for again while it ran looks at the edition at most this many times.
MAX_PASSES = 3


@counts_outcomes(PRINT_BUILDS)
def build_public_pdf(edition_id: int, *, force: bool = False) -> BuildOutcome:
    """Bring the edition's public PDF up to date with its live content, never raising for
    content: a failure is recorded on the edition's build record with its Korean reason.

    Typesets only if the live content changed since the last build (or `force`), and only
    while holding the edition's build record: another build of it running at the same time
    is left alone (and asked to look again when done). An edition that is no longer live
    and public loses its PDF.
    """
    if not is_live(edition_id):
        withdraw_public_pdf(edition_id)
        return BuildOutcome(Outcome.WITHDRAWN)
    claim = claim_build(edition_id)
    if claim is None:
        return BuildOutcome(Outcome.BUSY, current_pdf(edition_id))
    built = False
    for passes in range(1, MAX_PASSES + 1):
        outcome = attempt(edition_id, force=force and passes == 1)
        built = built or outcome.outcome == Outcome.BUILT
        status = BuildStatus.FAILED if outcome.outcome == Outcome.FAILED else BuildStatus.BUILT
        if claim.finish(status, outcome.reason, final=passes == MAX_PASSES):
            break
    if built and outcome.outcome == Outcome.UNCHANGED:
        # Asked again while typesetting, and nothing had changed since: this call built it.
        return BuildOutcome(Outcome.BUILT, outcome.record)
    return outcome


def is_live(edition_id: int) -> bool:
    return ReportEditionPage.objects.live().public().filter(pk=edition_id).exists()


def current_pdf(edition_id: int) -> EditionPrint | None:
    return EditionPrint.objects.filter(edition_id=edition_id).first()


def attempt(edition_id: int, *, force: bool) -> BuildOutcome:
    edition = ReportEditionPage.objects.live().public().filter(pk=edition_id).first()
    if edition is None:
        withdraw_public_pdf(edition_id)
        return BuildOutcome(Outcome.WITHDRAWN)
    try:
        return typeset_if_changed(edition, force=force)
    except PrintBuildError as error:
        return BuildOutcome(Outcome.FAILED, current_pdf(edition_id), str(error))
    except Exception:
        # A bug, not content: the traceback is for developers, editors get the Korean reason.
        logger.exception("Typesetting the print PDF of edition %s failed", edition_id)
        return BuildOutcome(Outcome.FAILED, current_pdf(edition_id), UNEXPECTED_REASON)


def typeset_if_changed(edition: ReportEditionPage, *, force: bool) -> BuildOutcome:
    source = SourceBuilder(edition, live_chapters(edition)).build()
    key = source.fingerprint(toolchain_fingerprint())
    current = current_pdf(edition.pk)
    if current and current.content_key == key and not force and current.file:
        return BuildOutcome(Outcome.UNCHANGED, current)
    started = time.perf_counter()
    pdf = typeset(source)
    record = store(edition, pdf, key, source.revisions, time.perf_counter() - started)
    return BuildOutcome(Outcome.BUILT, record)


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
