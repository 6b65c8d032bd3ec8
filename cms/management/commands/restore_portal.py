"""manage.py restore_portal <archive>: bring a backup back into an empty, migrated stack."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "backup_portal로 만든 백업 파일을 비어 있는 데이터베이스와 미디어 저장소에 복원합니다. "
        "먼저 migrate를 실행합니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="backup_portal이 만든 .tar.gz 파일")

    def handle(self, *args, archive: Path, **options) -> None:
        if not archive.is_file():
            raise CommandError(f"백업 파일이 없습니다: {archive}")
        if _has_unapplied_migrations():
            self.stdout.write("데이터베이스 구조를 먼저 만듭니다 (migrate).")
            call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = restore_backup(archive, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(f"복원하지 못했습니다: {error}") from error
        counts = ", ".join(f"{name} {count}" for name, count in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"복원 완료: {archive.name} ({manifest['created']} 백업; {counts}, "
                f"미디어 파일 {manifest['media_files']}개)"
            )
        )


def _has_unapplied_migrations() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
