"""Re-encrypt counseling personal data with the first key of COUNSELING_ENCRYPTION_KEY."""

from django.core.management.base import BaseCommand
from django.db import transaction

from counseling.models import ENCRYPTED_FIELDS, CounselingCase

BATCH_SIZE = 500


class Command(BaseCommand):
    help = (
        "COUNSELING_ENCRYPTION_KEY의 첫 번째 키로 상담 개인정보를 다시 암호화합니다. "
        "새 키를 맨 앞에 추가하고 이 명령을 실행한 뒤 옛 키를 지우세요."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        total = 0
        # Loading decrypts with any configured key; saving encrypts with the first one.
        for case in CounselingCase.objects.only("pk", *ENCRYPTED_FIELDS).iterator(
            chunk_size=BATCH_SIZE
        ):
            case.save(update_fields=ENCRYPTED_FIELDS)
            total += 1
            if total % BATCH_SIZE == 0:
                self.stdout.write(f"{total}건 처리 중…")
        self.stdout.write(
            self.style.SUCCESS(f"상담 신청 {total}건을 첫 번째 키로 다시 암호화했습니다.")
        )
