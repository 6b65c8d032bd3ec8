"""`manage.py load_demo_content`: a realistic Korean demo portal, idempotent, in one transaction."""

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.loader import DemoLoader
from demo.welcome import remember_passwords

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "한국어 데모 포털(섹션, 가족정보, 서울가족학교, 가족보고서, 블로그, 공지, 상담 FAQ, "
        "데모 사용자)을 만듭니다. 이미 있는 것은 건너뛰므로 여러 번 실행해도 안전합니다."
    )

    def handle(self, *args, **options) -> None:
        verbosity = options["verbosity"]
        loader = DemoLoader(say=self.stdout.write if verbosity > 0 else lambda _line: None)
        loader.run()
        remember_passwords(loader.new_passwords)
        # Every demo edition has its print PDF (only missing or stale ones are typeset).
        if verbosity > 0:
            self.stdout.write("가족보고서 인쇄본 PDF")
        self.build_print_editions(verbosity)
        # Citizens' search indexes what was published now, not when a task worker runs.
        call_command("catch_up_search_index", stdout=self.stdout, verbosity=verbosity)

        if loader.new_passwords and verbosity > 0:
            self.stdout.write(self.style.WARNING("새 데모 계정 (비밀번호는 지금 한 번만 표시):"))
            for username, password in loader.new_passwords.items():
                self.stdout.write(f"    {username:<10} {password}")
        created = {kind: count for kind, count in loader.created.items() if count}
        if verbosity == 0:
            return
        if not created:
            self.stdout.write(
                self.style.SUCCESS("데모 콘텐츠가 이미 모두 있습니다. 바뀐 것은 없습니다.")
            )
            return
        summary = ", ".join(f"{kind} {count}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"데모 콘텐츠를 만들었습니다: {summary}"))

    def build_print_editions(self, verbosity: int) -> None:
        """Typeset the demo editions; content never stops the demo (or `make run`): an edition
        that cannot be built is one warning line, and the print queue tries again later."""
        try:
            call_command(
                "build_print_editions", stdout=self.stdout, stderr=self.stderr, verbosity=verbosity
            )
        except Exception:
            logger.exception("Building the demo editions' print PDFs failed")
            self.stderr.write(
                self.style.WARNING(
                    "가족보고서 인쇄본 PDF를 만들지 못했습니다. 데모는 그대로 쓸 수 있고, "
                    "인쇄본은 인쇄 작업 대기열(run_print_queue)이 다시 만듭니다."
                )
            )
