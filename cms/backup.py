"""Backup and restore of the whole portal: database content and media files in one archive.

The database is dumped as Django's JSON (dumpdata with natural foreign keys), not pg_dump:
the same archive restores into PostgreSQL or SQLite, whatever the source was, so a backup
taken in production can be opened on a laptop and a SQLite trial can move to PostgreSQL.
Primary keys are kept, so revisions, log entries and StreamField references stay valid;
content types and permissions are matched by natural key because their ids differ between
databases. Permissions are recreated from the models before loading, but some exist only because
a migration made them (wagtail_localize's `submit_translation`): the archive carries every
permission by natural key, so those come back too and groups keep them.
Derived data (search index, reference index, sessions, preview tokens) is left
out and rebuilt after a restore.

Counseling records are personal data: they go into the archive encrypted with the
counseling Fernet key (COUNSELING_ENCRYPTION_KEY), never as plain text.

Archive layout (tar.gz):
    manifest.json             format, source database, counts to verify a restore against
    permissions.json          every permission by natural key (loaded first; none in old archives)
    data.json                 every other model
    counseling.json.fernet    the counseling app, encrypted (only if the app has data)
    media/<storage name>      every file in the default storage (local disk or S3)
"""

import io
import json
import os
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from search import catchup
from search.engines import DEFAULT_BACKEND
from search.indexing import engine_configured

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
PERMISSIONS = "permissions.json"
ENCRYPTED_DATA = "counseling.json.fernet"
MEDIA_PREFIX = "media/"

# Rebuilt after a restore, or meaningless in another database.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "portal_search.pageterm",
    "portal_search.pagetermstate",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "wagtail_headless_preview",
]
# Apps whose rows are personal data and leave the database only encrypted.
ENCRYPTED_APP_LABELS = ["counseling"]

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def content_counts() -> dict[str, int]:
    """What a restore must bring back, compared before and after."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def _encrypted_apps() -> list[str]:
    installed = {app_config.label for app_config in apps.get_app_configs()}
    return [label for label in ENCRYPTED_APP_LABELS if label in installed]


def _fernet():
    from infra.crypto import fernet

    return fernet()


def iter_media_files(storage=default_storage, directory: str = "") -> Iterator[str]:
    """Every file name in the storage, recursively (works for local disk and S3 alike)."""
    try:
        subdirectories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for subdirectory in sorted(subdirectories):
        yield from iter_media_files(
            storage, f"{directory}/{subdirectory}" if directory else subdirectory
        )


def _dump(
    app_labels: list[str] | None = None,
    exclude: list[str] | None = None,
    natural_primary: bool = False,
) -> bytes:
    output = io.StringIO()
    call_command(
        "dumpdata",
        *(app_labels or []),
        exclude=exclude or [],
        natural_foreign=True,
        natural_primary=natural_primary,
        format="json",
        stdout=output,
        verbosity=0,
    )
    return output.getvalue().encode()


def _add_bytes(archive: tarfile.TarFile, name: str, payload: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(datetime.now(tz=UTC).timestamp())
    archive.addfile(info, io.BytesIO(payload))


def _has_rows(app_label: str) -> bool:
    return any(model.objects.exists() for model in apps.get_app_config(app_label).get_models())


def create_backup(directory: Path, progress: Progress = lambda message: None) -> Path:
    """Write a new archive into `directory` and return its path.

    The archive is written under a temporary name and renamed when complete, so a failed
    backup never leaves a file that looks like a good one.
    """
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(tz=UTC).strftime("%Y%m%d-%H%M%S")
    target = directory / f"portal-backup-{stamp}.tar.gz"

    encrypted_apps = _encrypted_apps()
    # One consistent view of the database for the counts and both dumps (SQLite's read
    # transactions are snapshots already).
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        counts = content_counts()
        data = _dump(exclude=EXCLUDED + encrypted_apps)
        # Without ids: on restore each matches the row create_permissions made, or is added.
        permissions = _dump(["auth.permission"], natural_primary=True)
        encrypted = {label: _dump([label]) for label in encrypted_apps if _has_rows(label)}
    progress(f"데이터베이스 덤프: {len(data):,} 바이트")

    media_names = list(iter_media_files())
    manifest = {
        "format": FORMAT_VERSION,
        "created": datetime.now(tz=UTC).isoformat(),
        "database_vendor": connection.vendor,
        "counts": counts,
        "media_files": len(media_names),
        "encrypted_apps": sorted(encrypted),
    }

    handle, partial_name = tempfile.mkstemp(dir=directory, prefix=".portal-backup-", suffix=".part")
    os.close(handle)
    partial = Path(partial_name)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(
                archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            )
            _add_bytes(archive, PERMISSIONS, permissions)
            _add_bytes(archive, DATA, data)
            if encrypted:
                payload = json.dumps({label: dump.decode() for label, dump in encrypted.items()})
                _add_bytes(archive, ENCRYPTED_DATA, _fernet().encrypt(payload.encode()))
            for number, name in enumerate(media_names, start=1):
                with default_storage.open(name, "rb") as source:
                    _add_bytes(archive, MEDIA_PREFIX + name, source.read())
                if number % 100 == 0:
                    progress(f"미디어 파일 {number}/{len(media_names)}")
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def read_manifest(archive_path: Path) -> dict:
    with tarfile.open(archive_path, "r:gz") as archive:
        return _read_manifest(archive)


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.loads(archive.extractfile(MANIFEST).read())
    except (KeyError, AttributeError, json.JSONDecodeError) as error:
        raise BackupError(
            f"백업 파일이 아닙니다: {MANIFEST}을(를) 읽을 수 없습니다 ({error})."
        ) from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"지원하지 않는 백업 형식입니다: {manifest.get('format')!r}.")
    return manifest


def database_is_empty() -> bool:
    """True for a freshly migrated database: no accounts and only Wagtail's two initial pages."""
    return not get_user_model().objects.exists() and Page.objects.count() <= 2


def restore_backup(archive_path: Path, progress: Progress = lambda message: None) -> dict:
    """Restore an archive into a migrated, empty database and the default storage.

    Returns the manifest. Raises BackupError if the database is not empty or the restored
    counts differ from the manifest; the database part is one transaction.
    """
    with tarfile.open(archive_path, "r:gz") as archive:
        manifest = _read_manifest(archive)
        if not database_is_empty():
            raise BackupError(
                "복원은 비어 있는 데이터베이스에만 할 수 있습니다 "
                "(사용자 계정이나 페이지가 이미 있습니다). "
                "새 데이터베이스에 migrate 후 다시 실행하세요."
            )
        _restore_media(archive, progress)
        data = archive.extractfile(DATA).read()
        names = archive.getnames()
        permissions = archive.extractfile(PERMISSIONS).read() if PERMISSIONS in names else None
        encrypted = (
            archive.extractfile(ENCRYPTED_DATA).read() if manifest["encrypted_apps"] else None
        )

    with transaction.atomic():
        _empty_database()
        loaded = _load(permissions) if permissions is not None else set()
        loaded |= _load(data)
        if encrypted is not None:
            for dump in json.loads(_fernet().decrypt(encrypted)).values():
                loaded |= _load(dump.encode())
        _reset_sequences(loaded)
        restored = content_counts()
        if restored != manifest["counts"]:
            raise BackupError(
                f"복원 결과가 백업과 다릅니다: 백업 {manifest['counts']}, 복원 {restored}."
            )
    progress(f"데이터베이스 복원: {restored}")

    # Derived data, rebuilt from what was restored.
    call_command("rebuild_references_index", verbosity=0)
    rebuild_search_indexes(progress)
    progress("검색 색인과 참조 색인을 다시 만들었습니다.")
    return manifest


def rebuild_search_indexes(progress: Progress) -> None:
    """The admin's index (Wagtail's, on the database: every page, drafts too, for editors) and
    the citizens' (live public pages only: the page terms, and the engine's documents through
    its bulk path) — never `update_index` on every backend, which would put drafts into the
    citizens' engine."""
    call_command("update_index", backend_name=DEFAULT_BACKEND, verbosity=0)
    count = catchup.rebuild()
    progress(f"시민 검색 색인: 공개 페이지 {count}개")
    if engine_configured():
        # Documents an engine kept from before the restore (pages that are now drafts or
        # gone) are removed; an engine that does not answer is left to the hourly run.
        try:
            call_command("reconcile_search_index", stdout=io.StringIO())
        except CommandError as error:
            progress(f"검색 엔진 점검은 다음 정기 실행에 맡깁니다: {error}")


def _restore_media(archive: tarfile.TarFile, progress: Progress) -> None:
    members = [member for member in archive.getmembers() if member.name.startswith(MEDIA_PREFIX)]
    for member in members:
        name = member.name.removeprefix(MEDIA_PREFIX)
        if not member.isfile() or name.startswith("/") or ".." in Path(name).parts:
            raise BackupError(f"백업 파일에 허용되지 않는 경로가 있습니다: {member.name}")
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(archive.extractfile(member).read()))
        if saved != name:
            raise BackupError(f"미디어 파일을 같은 이름으로 복원하지 못했습니다: {name} → {saved}")
    progress(f"미디어 파일 {len(members)}개 복원")


def _empty_database() -> None:
    """Remove what migrations created (root page, default site, groups …), keep the schema.

    Content types and permissions are recreated directly rather than through post_migrate,
    whose other receivers would create rows (groups, workflows) that the archive restores.
    """
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)


def _load(payload: bytes) -> set[type]:
    """Save every object like loaddata does (raw saves, forward references resolved)."""
    models: set[type] = set()
    deferred = []
    with connection.constraint_checks_disabled():
        for deserialized in serializers.deserialize(
            "json", payload.decode(), handle_forward_references=True
        ):
            deserialized.save()
            models.add(type(deserialized.object))
            if deserialized.deferred_fields:
                deferred.append(deserialized)
        for deserialized in deferred:
            deserialized.save_deferred_fields()
    connection.check_constraints(table_names=[model._meta.db_table for model in models])
    return models


def _reset_sequences(models: set[type]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
