"""Content never stops the print edition: an edition that cannot be typeset is recorded as
failed with its Korean reason, shown to editors, and every other edition still builds."""

import io
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from pages.models import ReportEditionPage
from report_print.builder import UNEXPECTED_REASON, Outcome, build_public_pdf
from report_print.models import BuildStatus, EditionBuild, EditionPrint
from tests.factories.pages import ReportChapterPageFactory
from tests.factories.users import UserFactory

from .content import build_edition

RARE_HANJA = "𠀀"  # U+20000, CJK Extension B: Noto Serif/Sans KR have no glyph for it
RARE_REASON = "인쇄 글꼴에 없는 글자 '𠀀'(U+20000): 2장 '한부모가족과 조손가족'"


def edition_with_a_rare_hanja(year: int):
    edition, _ = build_edition(chapters=1, year=year)
    ReportChapterPageFactory(
        parent=edition,
        title="제2장 한부모가족과 조손가족",
        chapter_number=2,
        body=[("paragraph", f"<p>할머니의 옛 이름에 쓰인 {RARE_HANJA} 자를 옮겨 적었습니다.</p>")],
    )
    return edition


def build_all() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("build_print_editions", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class RareGlyphTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.broken = edition_with_a_rare_hanja(2016)
        cls.later, _ = build_edition(chapters=1, year=2017)

    def test_the_build_command_records_the_failure_and_builds_the_next_edition(self):
        _, err = build_all()

        build = EditionBuild.objects.get(edition=self.broken)
        assert build.status == BuildStatus.FAILED
        assert build.reason == RARE_REASON
        assert not EditionPrint.objects.filter(edition=self.broken).exists()
        assert EditionPrint.objects.get(edition=self.later).page_count > 0
        assert EditionBuild.objects.get(edition=self.later).status == BuildStatus.BUILT
        warnings = [line for line in err.splitlines() if line.strip()]
        assert len(warnings) == 1, err
        assert self.broken.title in warnings[0] and RARE_REASON in warnings[0]

    def test_editors_see_the_reason_on_the_print_screen(self):
        build_all()
        self.client.force_login(UserFactory(is_superuser=True))
        page = self.client.get(reverse("report_print:status", args=[self.broken.pk]))
        assert page.status_code == 200
        html = page.content.decode()
        assert "인쇄본 PDF를 만들지 못했습니다" in html
        assert RARE_REASON.replace("'", "&#x27;") in html

    def test_the_last_good_pdf_stays_when_a_new_revision_cannot_be_printed(self):
        build_public_pdf(self.later.pk)
        good = EditionPrint.objects.get(edition=self.later)
        ReportChapterPageFactory(
            parent=self.later, chapter_number=5, body=[("paragraph", f"<p>{RARE_HANJA}</p>")]
        )

        result = build_public_pdf(self.later.pk)

        assert result.outcome == Outcome.FAILED
        assert RARE_HANJA in result.reason and "5장" in result.reason
        assert result.record == good
        assert EditionPrint.objects.get(edition=self.later).file.name == good.file.name

    def test_an_unexpected_error_is_recorded_in_korean_and_logged_for_developers(self):
        # A fault no content can provoke on purpose: the typesetter itself breaks.
        broken_typesetter = mock.patch(
            "report_print.builder.typeset", side_effect=RuntimeError("typst panicked")
        )
        with broken_typesetter, self.assertLogs("report_print.builder", "ERROR") as logs:
            _, err = build_all()

        build = EditionBuild.objects.get(edition=self.later)
        assert build.status == BuildStatus.FAILED
        assert build.reason == UNEXPECTED_REASON
        assert "typst panicked" not in err and "Traceback" not in err
        assert "typst panicked" in "\n".join(logs.output)


class DemoLoadingTests(TestCase):
    def test_demo_loading_survives_an_edition_that_cannot_be_printed(self):
        # An edition already on the portal (an editor's) that no font can print.
        broken = edition_with_a_rare_hanja(2018)
        out, err = io.StringIO(), io.StringIO()

        call_command("load_demo_content", stdout=out, stderr=err)

        warnings = [line for line in err.getvalue().splitlines() if line.strip()]
        assert len(warnings) == 1, err.getvalue()
        assert broken.title in warnings[0] and RARE_HANJA in warnings[0]
        assert "데모 콘텐츠를 만들었습니다" in out.getvalue()
        assert EditionBuild.objects.get(edition=broken).status == BuildStatus.FAILED
        demo_editions = ReportEditionPage.objects.exclude(pk=broken.pk)
        assert demo_editions.count() == 3
        assert EditionPrint.objects.filter(edition__in=demo_editions).count() == 3
