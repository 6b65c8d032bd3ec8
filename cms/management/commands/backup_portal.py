"""manage.py backup_portal <directory>: database and media in one restorable archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, create_backup, read_manifest


class Command(BaseCommand):
    help = "데이터베이스와 미디어 파일을 하나의 백업 파일(tar.gz)로 저장합니다."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="백업 파일을 저장할 디렉터리")

    def handle(self, *args, directory: Path, **options) -> None:
        try:
            archive = create_backup(directory, progress=self.stdout.write)
        except (BackupError, OSError) as error:
            raise CommandError(f"백업하지 못했습니다: {error}") from error
        manifest = read_manifest(archive)
        counts = ", ".join(f"{name} {count}" for name, count in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"백업 완료: {archive} ({counts}, 미디어 파일 {manifest['media_files']}개)"
            )
        )
