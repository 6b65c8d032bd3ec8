"""`manage.py build_print_editions`: make sure every live edition has its current PDF."""

from django.core.management.base import BaseCommand

from pages.models import ReportEditionPage
from report_print.builder import build_public_pdf


class Command(BaseCommand):
    help = (
        "게시된 가족보고서 발간호마다 인쇄본 PDF를 만듭니다. 내용이 바뀌지 않은 발간호는 "
        "건너뜁니다 (--force는 모두 다시 만듭니다)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="바뀌지 않은 것도 다시 만듭니다.")

    def handle(self, *args, force: bool = False, **options) -> None:
        editions = ReportEditionPage.objects.live().public().order_by("year")
        for edition in editions:
            before = getattr(edition, "print_pdf", None)
            before_key = before.content_key if before else None
            record = build_public_pdf(edition.pk, force=force)
            if record is None:
                continue
            state = "그대로" if record.content_key == before_key and not force else "생성"
            if options["verbosity"] == 0:
                continue
            self.stdout.write(
                f"    {edition.title}: {state} ({record.page_count}쪽, {record.size:,}바이트)"
            )
