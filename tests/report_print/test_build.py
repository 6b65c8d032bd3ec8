"""PDFs follow publishing: built in the background on publish, once per content, withdrawn
with the edition, and announced so ETags, sync and webhooks move."""

from django.test import TestCase

from content.models import ChangeKind, ContentChange
from report_print.builder import build_public_pdf
from report_print.models import EditionPrint

from .content import build_edition
from .pdf import page_texts, squeeze


def pdf_text(edition) -> str:
    record = EditionPrint.objects.get(edition=edition)
    with record.file.open("rb") as handle:
        return squeeze("".join(page_texts(handle.read())))


class BuildOnPublishTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition, cls.chapters = build_edition(chapters=2, year=2021)

    def publish(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def test_publishing_a_chapter_builds_the_edition_pdf_and_announces_it(self):
        assert not EditionPrint.objects.filter(edition=self.edition).exists()
        chapter = self.chapters[1]
        chapter.title = "제2장 새로 고친 맞벌이 가정 이야기"
        self.publish(chapter)
        assert squeeze("새로 고친 맞벌이 가정 이야기") in pdf_text(self.edition)
        assert ContentChange.objects.filter(
            kind=ChangeKind.PDF_BUILT, page_id=self.edition.pk
        ).exists()

    def test_the_same_content_is_not_typeset_twice(self):
        first = build_public_pdf(self.edition.pk).record
        again = build_public_pdf(self.edition.pk).record
        assert (again.file.name, again.built_at) == (first.file.name, first.built_at)
        assert ContentChange.objects.filter(kind=ChangeKind.PDF_BUILT).count() == 1

    def test_a_new_revision_makes_a_new_file_and_removes_the_old_one(self):
        first = build_public_pdf(self.edition.pk).record
        old_name, storage = first.file.name, first.file.storage
        chapter = self.chapters[0]
        chapter.summary = "새 요약으로 바꿨습니다."
        self.publish(chapter)
        record = EditionPrint.objects.get(edition=self.edition)
        chapter.refresh_from_db()
        assert record.file.name != old_name
        assert record.revisions[f"chapter:{chapter.pk}"] == chapter.live_revision_id
        assert not storage.exists(old_name)

    def test_unpublishing_the_edition_withdraws_its_pdf(self):
        build_public_pdf(self.edition.pk)
        with self.captureOnCommitCallbacks(execute=True):
            self.edition.unpublish()
        assert not EditionPrint.objects.filter(edition=self.edition).exists()
