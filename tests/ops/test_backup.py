"""backup_portal / restore_portal: a whole portal survives a round trip into an empty stack."""

import io
import json
import tarfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from counseling.models import CounselingCase
from pages.models import CounselingCategory, SectionKind
from search import termindex
from tests.factories import ArticlePageFactory, UserFactory

from .helpers import (
    fingerprint,
    fingerprint_of,
    manage,
    run_script,
    shared_database_url,
    subprocess_env,
)

PDF_BYTES = b"%PDF-1.4\n% family report\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n"
SECRET_QUESTION = "아이 양육 문제로 상담을 받고 싶습니다 (비밀 질문)"


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def portal_content(portal):
    """Pages with several revisions (one a draft), a document, an image, an editor, a case."""
    editor = UserFactory(username="editor-kim")
    section = portal.section(SectionKind.FAMILY_INFO)
    article = ArticlePageFactory(parent=section, title="한부모 가정 지원")
    article.save_revision(user=editor).publish()
    article.title = "한부모가정 지원 안내"
    article.save_revision(user=editor).publish()
    article.title = "한부모가정 지원 안내 (수정 중)"
    article.save_revision(user=editor)  # unpublished draft
    ArticlePageFactory(parent=section, title="다문화가족 지원").save_revision().publish()

    get_document_model().objects.create(
        title="2017 가족보고서", file=ContentFile(PDF_BYTES, name="report-2017.pdf")
    )
    image = get_image_model().objects.create(
        title="가족 사진", file=ContentFile(png_bytes(), name="family.png")
    )
    image.get_rendition("fill-20x20")
    CounselingCase.objects.create(
        receipt_number="C-2026-0001",
        access_code_hash="0" * 64,
        category=CounselingCategory.choices[0][0],
        title="양육 상담",
        question=SECRET_QUESTION,
        consent_personal_data=True,
    )
    return article


def restore_env(tmp_path, database_url: str) -> dict[str, str]:
    return subprocess_env(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="restore-test-" + "k" * 50,
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1",
        MEDIA_ROOT=str(tmp_path / "restored-media"),
        COUNSELING_ENCRYPTION_KEY=settings.COUNSELING_ENCRYPTION_KEY,
        SEARCH_BACKEND="database",
    )


def backup(tmp_path):
    call_command("backup_portal", str(tmp_path / "backups"), stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("portal-backup-*.tar.gz")
    return archive


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_round_trip_restores_pages_revisions_documents_images_and_files(portal_content, tmp_path):
    before = fingerprint()
    archive = backup(tmp_path)

    env = restore_env(tmp_path, f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    result = manage("restore_portal", str(archive), env=env)

    assert result.returncode == 0, result.stderr[-3000:]
    assert "복원 완료" in result.stdout
    after = fingerprint_of(env)
    assert after == before
    assert len(after["revisions"]) >= 4
    assert after["documents"] and after["images"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_round_trip_from_postgresql_into_a_new_postgresql_database(portal_content, tmp_path):
    from django.db import connection

    before = fingerprint()
    archive = backup(tmp_path)
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        env = restore_env(tmp_path, shared_database_url().rsplit("/", 1)[0] + f"/{name}")
        result = manage("restore_portal", str(archive), env=env)
        assert result.returncode == 0, result.stderr[-3000:]
        assert fingerprint_of(env) == before
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db
def test_archive_holds_counseling_data_only_encrypted(portal_content, tmp_path):
    archive = backup(tmp_path)

    with tarfile.open(archive, "r:gz") as contents:
        names = contents.getnames()
        everything = b"".join(
            contents.extractfile(member).read() for member in contents if member.isfile()
        )
    assert "counseling.json.fernet" in names
    assert "data.json" in names
    assert any(name.startswith("media/documents/") for name in names)
    assert SECRET_QUESTION.encode() not in everything
    assert b"C-2026-0001" not in everything


@pytest.mark.django_db
def test_restore_refuses_a_database_that_already_has_content(portal_content, tmp_path):
    archive = backup(tmp_path)
    pages_before = fingerprint()["pages"]

    with pytest.raises(CommandError, match="비어 있는 데이터베이스"):
        call_command("restore_portal", str(archive), stdout=io.StringIO())
    assert fingerprint()["pages"] == pages_before


def test_restore_rejects_a_file_that_is_not_a_backup(db, tmp_path):
    not_a_backup = tmp_path / "notes.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as archive:
        archive.addfile(tarfile.TarInfo("hello.txt"), io.BytesIO(b""))

    with pytest.raises(CommandError, match="백업 파일이 아닙니다"):
        call_command("restore_portal", str(not_a_backup), stdout=io.StringIO())


TERMS_SCRIPT = (
    "import json, django; django.setup(); "
    "from search.models import PageTerm; from wagtail.models import Page; "
    "print(json.dumps({p.title: PageTerm.objects.filter(page_id=p.pk).exists() "
    "for p in Page.objects.filter(depth__gt=2)}))"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_draft_is_not_in_the_citizens_search_index(portal, tmp_path):
    """Drafts are restored, but only live public pages are indexed for citizens: the page
    terms are rebuilt from the restored pages, whatever the archive's database held (here a
    draft whose terms a stopped worker never removed)."""
    section = portal.section(SectionKind.FAMILY_INFO)
    ArticlePageFactory(parent=section, title="아이돌봄 서비스 안내").save_revision().publish()
    draft = ArticlePageFactory(parent=section, title="내부 검토 중인 초안", live=False)
    draft = draft.specific
    with transaction.atomic():
        termindex.replace_terms([draft.pk], [draft])  # stale: terms of a page not public
    archive = backup(tmp_path)

    env = restore_env(tmp_path, f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    result = manage("restore_portal", str(archive), env=env)

    assert result.returncode == 0, result.stderr[-3000:]
    indexed = json.loads(run_script(TERMS_SCRIPT, env))
    assert indexed["내부 검토 중인 초안"] is False
    assert indexed["아이돌봄 서비스 안내"] is True
