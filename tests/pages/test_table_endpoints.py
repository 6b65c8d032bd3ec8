"""The table grid's admin endpoints: agencies' files become grids; previews read numbers.

Files come from outside: zip bombs, oversized CSV fields and slow files are refused in
Korean before they cost much, and parsing never holds the database's write lock.
"""

import io
import json
import random
import sqlite3
import threading
import time
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from openpyxl import Workbook

from pages.editorial import BLOGGERS, COUNSELORS, EDITORS, REPORT_TF, setup_portal
from pages.spreadsheets import MAX_CELLS
from pages.views import FORBIDDEN_MESSAGE
from tests.factories import UserFactory

IMPORT_URL = "/admin/report-tables/import/"
PREVIEW_URL = "/admin/report-tables/preview/"


@pytest.fixture
def groups(db):
    setup_portal()


@pytest.fixture
def report_tf(client, groups):
    client.force_login(UserFactory(username="tf", groups=[Group.objects.get(name=REPORT_TF)]))
    return client


def xlsx_upload(rows, name="기관자료.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_xlsx_first_sheet_becomes_headers_and_rows(report_tf):
    upload = xlsx_upload(
        [["구분", "2016", "2017", None], ["한부모가구", 288, 285.0, None], [None, None, None, None]]
    )
    response = report_tf.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 200
    assert response.json() == {
        "headers": ["구분", "2016", "2017"],
        "rows": [["한부모가구", 288, 285]],
    }


def test_csv_saved_by_korean_excel_in_cp949_is_read(report_tf):
    text = '구분,2017\n다문화가족 자녀,"28,000"\n'
    upload = SimpleUploadedFile("자료.csv", text.encode("cp949"))
    response = report_tf.post(IMPORT_URL, {"file": upload})
    assert response.json() == {"headers": ["구분", "2017"], "rows": [["다문화가족 자녀", "28,000"]]}


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("표.hwp", b"x"),
            "엑셀(.xlsx) 또는 CSV(.csv) 파일만 가져올 수 있습니다.",
        ),
        (SimpleUploadedFile("표.xlsx", b"not a zip"), "엑셀 파일을 열 수 없습니다."),
        (SimpleUploadedFile("표.csv", b"a" * (2 * 1024 * 1024 + 1)), "파일이 너무 큽니다(2.0MB)."),
    ],
)
def test_unusable_files_are_refused_in_korean(report_tf, upload, message):
    response = report_tf.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(message)


def test_preview_reads_korean_numbers_and_draws_the_chart(report_tf):
    grid = {
        "title": "아동양육비 지원",
        "headers": ["연도", "지원 가구"],
        "rows": [["2016", "1만3,520"], ["2017", "1만4천80"]],
        "chart_type": "bar",
    }
    response = report_tf.post(PREVIEW_URL, json.dumps(grid), content_type="application/json")
    body = response.json()
    assert body["rows"] == [["2016", 13520], ["2017", 14080]]
    assert body["chart"]["series"] == [{"name": "지원 가구", "values": [13520, 14080]}]


def test_preview_names_the_bad_cell(report_tf):
    grid = {"headers": ["연도", "지원 가구"], "rows": [["2016", "1만3천5백이십"]]}
    response = report_tf.post(PREVIEW_URL, json.dumps(grid), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(
        "1번째 행 '지원 가구' 열: '1만3천5백이십'을(를) 숫자로 읽을 수 없습니다."
    )


def test_admin_users_who_cannot_edit_pages_may_not_import(client, groups):
    admin_only = UserFactory(username="admin-only")
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin_only)
    response = client.post(IMPORT_URL, {"file": xlsx_upload([["a"]])})
    assert response.status_code == 403
    assert response.json()["error"]["message"] == FORBIDDEN_MESSAGE


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.post(IMPORT_URL, {"file": xlsx_upload([["a"]])})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("group", [BLOGGERS, COUNSELORS])
def test_bloggers_and_counselors_may_not_import_or_preview(client, groups, group):
    client.force_login(UserFactory(username="outsider", groups=[Group.objects.get(name=group)]))

    imported = client.post(IMPORT_URL, {"file": xlsx_upload([["구분"], ["a"]])})
    previewed = client.post(PREVIEW_URL, "{}", content_type="application/json")

    for response in (imported, previewed):
        assert response.status_code == 403
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"] == {"code": "forbidden", "message": FORBIDDEN_MESSAGE}


def test_content_editors_may_import(client, groups):
    client.force_login(UserFactory(username="editor", groups=[Group.objects.get(name=EDITORS)]))

    response = client.post(IMPORT_URL, {"file": xlsx_upload([["구분"], ["한부모가구"]])})

    assert response.status_code == 200


SHEET_PATH = "xl/worksheets/sheet1.xml"
SHEET_OPEN = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_CLOSE = b"</sheetData></worksheet>"


def xlsx_with_sheet(write_sheet, head: bytes = b"") -> SimpleUploadedFile:
    """A real workbook whose first sheet's rows are streamed in by `write_sheet(file)`."""
    workbook = Workbook()
    workbook.active.append(["구분"])
    saved = io.BytesIO()
    workbook.save(saved)
    source = zipfile.ZipFile(saved)
    built = io.BytesIO()
    with zipfile.ZipFile(built, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != SHEET_PATH:
                archive.writestr(info, source.read(info))
                continue
            sheet = zipfile.ZipInfo(SHEET_PATH)
            sheet.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(sheet, "w", force_zip64=True) as handle:
                handle.write(SHEET_OPEN.replace(b"<sheetData>", head + b"<sheetData>"))
                write_sheet(handle)
                handle.write(SHEET_CLOSE)
    return SimpleUploadedFile("기관자료.xlsx", built.getvalue())


def random_cells(count: int) -> bytes:
    """Cells of random digits: they compress about 30 times, within the ratio allowed."""
    digits = random.Random(count)  # noqa: S311 - test data, not secrets
    return b"".join(b"<c><v>%d</v></c>" % digits.randrange(10) for _ in range(count))


def test_a_zip_bomb_is_refused_from_its_zip_directory(report_tf):
    """115 KB that would expand to 2 million cells (~42 MB of sheet XML)."""

    def two_million_cells(handle):
        handle.write(b"<row>")
        chunk = b"<c><v>1</v></c>" * 10_000
        for _ in range(200):
            handle.write(chunk)
        handle.write(b"</row>")

    upload = xlsx_with_sheet(two_million_cells)
    assert upload.size < 150 * 1024

    started = time.monotonic()
    response = report_tf.post(IMPORT_URL, {"file": upload})

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("엑셀 파일의 압축을 풀면 너무 큽니다(")
    assert time.monotonic() - started < 5


def test_a_sheet_past_the_cell_budget_is_refused_while_streaming(report_tf):
    """Within the zip limits (varied digits compress ~20 times), but one row of 200,000 cells:
    openpyxl would build it whole before reading a value."""

    def one_long_row(handle):
        handle.write(b"<row>")
        handle.write(random_cells(200_000))
        handle.write(b"</row>")

    response = report_tf.post(IMPORT_URL, {"file": xlsx_with_sheet(one_long_row)})

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(
        f"표가 너무 큽니다: 최대 {MAX_CELLS:,}칸까지 가져올 수 있습니다."
    )


def long_sheet(handle):
    """501 short rows, then 120 rows of 1,000 cells: more than the budget."""
    for number in range(1, 502):
        handle.write(
            b'<row r="%d"><c t="inlineStr"><is><t>%d</t></is></c></row>' % (number, number)
        )
    for number in range(502, 622):
        handle.write(b'<row r="%d">' % number + random_cells(1000) + b"</row>")


def test_rows_past_the_import_are_not_counted_when_the_sheet_gives_its_size(report_tf):
    """openpyxl stops after row 500 of a sheet that declares its <dimension> (Excel always
    writes one): what follows costs nothing and the file imports as before."""
    upload = xlsx_with_sheet(long_sheet, head=b'<dimension ref="A1:A501"/>')

    response = report_tf.post(IMPORT_URL, {"file": upload})

    assert response.status_code == 200
    body = response.json()
    assert body["headers"] == ["1"]
    assert body["rows"][-1] == ["500"]


def test_a_sheet_without_its_size_is_counted_to_the_end(report_tf):
    """Without <dimension>, openpyxl reads the whole sheet to size it: so does the budget."""
    response = report_tf.post(IMPORT_URL, {"file": xlsx_with_sheet(long_sheet)})

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("표가 너무 큽니다")


@pytest.mark.parametrize(
    ("length", "message"),
    [
        # Past the csv module's own limit (131,072): it raised, and the import answered 500.
        (131_073, "CSV 파일의 2번째 줄이 너무 깁니다: 한 칸은 최대 10,000자까지"),
        (20_000, "CSV 파일의 2번째 줄 2번째 칸이 너무 깁니다: 한 칸은 최대 10,000자까지"),
    ],
)
def test_an_oversized_csv_field_is_refused_in_korean(report_tf, length, message):
    text = "구분,설명\n한부모가구," + "가" * length + "\n"
    upload = SimpleUploadedFile("자료.csv", text.encode("utf-8"))

    response = report_tf.post(IMPORT_URL, {"file": upload})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["message"].startswith(message)


def write_lock_is_free(path: str) -> bool:
    """Whether another connection could start writing right now (SQLite's one write lock)."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parsing_an_upload_never_holds_the_write_lock():
    """While a large workbook is parsed, other connections (the task worker, a citizen's
    counseling submission) can still write. Every request used to hold the lock throughout."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's database-wide write lock; PostgreSQL locks rows")
    client = Client()
    client.force_login(UserFactory(username="tf-lock", is_superuser=True, is_staff=True))
    rows = [[f"항목 {row}-{column}" for column in range(50)] for row in range(500)]
    upload = xlsx_upload(rows)
    responses = []
    request = threading.Thread(
        target=lambda: responses.append(client.post(IMPORT_URL, {"file": upload}))
    )
    database = connection.settings_dict["NAME"]

    request.start()
    samples = []
    while request.is_alive():
        samples.append(write_lock_is_free(database))
        time.sleep(0.01)
    request.join()

    assert responses[0].status_code == 200
    assert len(responses[0].json()["rows"]) == 499
    assert len(samples) >= 5, "the parse was too quick to sample"
    assert all(samples), f"write lock held in {samples.count(False)} of {len(samples)} samples"


def test_an_encrypted_workbook_is_refused_in_korean(report_tf):
    """zipfile raises RuntimeError for a password-protected part: it answered 500."""
    data = bytearray(xlsx_upload([["구분"], ["a"]]).read())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        data[start + 8] |= 1  # the central directory's "encrypted" flag
        start += 4

    response = report_tf.post(IMPORT_URL, {"file": SimpleUploadedFile("표.xlsx", bytes(data))})

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("엑셀 파일을 열 수 없습니다.")


def test_preview_warns_that_a_pie_draws_one_series_only(report_tf):
    grid = {
        "title": "지원 현황",
        "headers": ["연도", "지원 가구", "상담 건수"],
        "rows": [["2016", "13520", "4120"], ["2017", "14080", "4400"]],
        "chart_type": "pie",
    }
    pie = report_tf.post(PREVIEW_URL, json.dumps(grid), content_type="application/json").json()
    bar = report_tf.post(
        PREVIEW_URL, json.dumps({**grid, "chart_type": "bar"}), content_type="application/json"
    ).json()
    one = report_tf.post(
        PREVIEW_URL,
        json.dumps({**grid, "chart_series": "상담 건수"}),
        content_type="application/json",
    ).json()

    assert len(pie["warnings"]) == 1
    assert "보이는 계열: '지원 가구', 빠지는 계열: '상담 건수'" in pie["warnings"][0]
    assert bar["warnings"] == [] and one["warnings"] == []
