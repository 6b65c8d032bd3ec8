"""Encryption at rest: the database holds Fernet tokens, never plaintext personal data."""

import io

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from counseling.models import CounselingCase

pytestmark = pytest.mark.django_db

ENCRYPTED_COLUMNS = ["title", "question", "nickname", "email", "phone", "answer"]


def _raw_row(receipt_number: str) -> dict:
    columns = ", ".join(connection.ops.quote_name(column) for column in ENCRYPTED_COLUMNS)
    table = connection.ops.quote_name(CounselingCase._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, access_code_hash FROM {table} WHERE receipt_number = %s",  # noqa: S608
            [receipt_number],
        )
        values = cursor.fetchone()
    return dict(zip([*ENCRYPTED_COLUMNS, "access_code_hash"], values, strict=True))


def test_database_holds_ciphertext_not_contact_details_or_question(submit):
    body = submit(
        email="secret.person@example.com",
        phone="010-2222-3333",
        question="남편과 자주 다툽니다. 연락은 010-2222-3333 으로 주세요.",
    ).json()

    row = _raw_row(body["receipt_number"])
    everything = " ".join(str(value) for value in row.values())

    assert "secret.person" not in everything
    assert "2222" not in everything
    assert "남편" not in everything
    assert body["access_code"].replace("-", "") not in everything
    fernet = Fernet(settings.COUNSELING_ENCRYPTION_KEY)
    assert fernet.decrypt(row["email"].encode()).decode() == "secret.person@example.com"
    assert fernet.decrypt(row["phone"].encode()).decode() == "010-2222-3333"
    assert fernet.decrypt(row["title"].encode()).decode() == "아이가 밤에 잠을 안 자요"


def test_table_dump_shows_no_plaintext(submit):
    submit(email="dump.check@example.com", phone="010-7777-8888", nickname="덤프닉네임")

    table = connection.ops.quote_name(CounselingCase._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
        dump = " ".join(str(value) for row in cursor.fetchall() for value in row)

    assert "dump.check" not in dump
    assert "7777" not in dump
    assert "덤프닉네임" not in dump


def test_key_rotation_reencrypts_with_the_new_primary_key(submit):
    receipt = submit(email="rotate@example.com").json()["receipt_number"]
    old_key = settings.COUNSELING_ENCRYPTION_KEY
    new_key = Fernet.generate_key().decode()

    with override_settings(COUNSELING_ENCRYPTION_KEY=f"{new_key},{old_key}"):
        call_command("rotate_counseling_keys", stdout=io.StringIO())
        row = _raw_row(receipt)
        assert Fernet(new_key).decrypt(row["email"].encode()) == b"rotate@example.com"

    with override_settings(COUNSELING_ENCRYPTION_KEY=new_key):
        assert CounselingCase.objects.get(receipt_number=receipt).email == "rotate@example.com"


@override_settings(COUNSELING_ENCRYPTION_KEY="")
def test_system_check_fails_without_an_encryption_key():
    errors = [error for error in run_checks() if error.id == "counseling.E001"]
    assert errors and "COUNSELING_ENCRYPTION_KEY" in errors[0].msg


@override_settings(COUNSELING_ENCRYPTION_KEY="not-a-fernet-key")
def test_system_check_fails_with_a_malformed_key():
    assert any(error.id == "counseling.E001" for error in run_checks())
