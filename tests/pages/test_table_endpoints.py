"""The table grid's admin endpoints: agencies' files become grids; previews read numbers."""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from pages.editorial import REPORT_TF, setup_portal
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
    assert response.json()["error"]["message"] == "페이지를 편집할 권한이 없습니다."


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.post(IMPORT_URL, {"file": xlsx_upload([["a"]])})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
