"""`manage.py build_print_editions`: make sure every live edition has its current PDF."""

from django.core.management.base import BaseCommand

from pages.models import ReportEditionPage
from report_print.builder import Outcome, build_public_pdf


class Command(BaseCommand):
    help = (
        "게시된 가족보고서 발간호마다 인쇄본 PDF를 만듭니다. 내용이 바뀌지 않은 발간호는 "
        "건너뜁니다 (--force는 모두 다시 만듭니다). 만들지 못한 발간호는 사유를 기록하고 "
        "다음 발간호로 넘어갑니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="바뀌지 않은 것도 다시 만듭니다.")

    def handle(self, *args, force: bool = False, **options) -> None:
        editions = ReportEditionPage.objects.live().public().order_by("year")
        for edition in editions:
            result = build_public_pdf(edition.pk, force=force)
            if result.outcome == Outcome.FAILED:
                # Content an editor must fix: one line, and the next edition still builds.
                self.stderr.write(
                    self.style.WARNING(
                        f"    {edition.title}: 인쇄본 PDF를 만들지 못했습니다 — {result.reason}"
                    )
                )
                continue
            if options["verbosity"] == 0 or result.outcome == Outcome.WITHDRAWN:
                continue
            if result.outcome == Outcome.BUSY:
                self.stdout.write(f"    {edition.title}: 다른 작업이 만드는 중이라 맡깁니다")
                continue
            record = result.record
            state = "생성" if result.outcome == Outcome.BUILT else "그대로"
            self.stdout.write(
                f"    {edition.title}: {state} ({record.page_count}쪽, {record.size:,}바이트)"
            )
