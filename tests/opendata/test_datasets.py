"""The report's statistics tables as open data: each file reads back (Python's csv, openpyxl)
to exactly the numbers the content API serves for the chapter."""

import csv
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from pages.models import ReportChapterPage
from tests.factories import ReportChapterPageFactory

pytestmark = pytest.mark.django_db

TABLE = {
    "title": "연령별 한부모 가구",
    "unit": "가구",
    "source": "통계청 인구주택총조사",
    "headers": ["연령", "2016", "2017"],
    # As an editor's save stores them: labels as text, numbers parsed ("2만5천" -> 25000).
    "rows": [["30대 미만", 1200, 1150], ["30대", 25000, 24100.5], ["40대", "-", 3]],
    "notes": "2017년은 잠정치",
    "chart_type": "",
    "chart_direction": "columns",
    "chart_series": "",
}


@pytest.fixture
def chapters(content):
    ReportChapterPage.objects.update(chapter_number=1)
    first = ReportChapterPage.objects.get()
    second = ReportChapterPageFactory(
        parent=first.get_parent(), chapter_number=2, body=[("statistics_table", TABLE)]
    )
    draft = ReportChapterPageFactory(
        parent=first.get_parent(),
        chapter_number=3,
        live=False,
        body=[("statistics_table", {**TABLE, "title": "작성 중인 표"})],
    )
    return first, second, draft


def served_tables(api, chapter) -> list[dict]:
    body = api.get(f"/api/v2/pages/{chapter.pk}/").json()["body"]
    return [block["value"] for block in body if block["type"] == "statistics_table"]


def catalog(api) -> list[dict]:
    response = api.get("/api/v2/datasets/")
    assert response.status_code == 200
    return response.json()["dcat:dataset"]


def test_catalog_lists_one_dataset_per_live_table_with_its_metadata(api, chapters):
    datasets = {item["dct:identifier"]: item for item in catalog(api)}

    assert set(datasets) == {"2017-1-1", "2017-2-1"}
    table = datasets["2017-2-1"]
    assert table["dct:title"] == "연령별 한부모 가구"
    assert table["dct:source"] == "통계청 인구주택총조사"
    assert table["unit"] == "가구"
    assert table["dct:description"] == "2017년은 잠정치"
    assert table["chapter"]["number"] == 2
    assert table["edition"]["year"] == 2017
    assert table["dct:license"] == "https://www.kogl.or.kr/info/licenseType1.do"
    assert table["licence"]["code"] == "kogl-1"
    formats = {item["dct:format"] for item in table["dcat:distribution"]}
    assert formats == {"CSV", "XLSX", "JSON"}


def test_every_file_reads_back_to_the_numbers_the_api_serves(api, chapters):
    for dataset in catalog(api):
        chapter = chapters[dataset["chapter"]["number"] - 1]
        served = served_tables(api, chapter)[int(dataset["dct:identifier"].rsplit("-", 1)[1]) - 1]
        links = {
            item["dct:format"]: item["dcat:downloadURL"] for item in dataset["dcat:distribution"]
        }

        csv_body = api.get(links["CSV"]).content
        assert csv_body.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Korean
        header, *rows = list(csv.reader(io.StringIO(csv_body.decode("utf-8-sig"))))
        assert header == served["headers"]
        assert rows == [[str(cell) for cell in row] for row in served["rows"]]

        sheet = load_workbook(io.BytesIO(api.get(links["XLSX"]).content))["데이터"]
        header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert header == served["headers"]
        assert rows == served["rows"]

        as_json = api.get(links["JSON"]).json()
        assert as_json["rows"] == served["rows"]
        assert as_json["unit"] == served["unit"]
        assert as_json["source"] == served["source"]
        assert as_json["licence"]["code"] == "kogl-1"


def test_numbers_stay_numbers_and_labels_stay_text(api, chapters):
    rows = api.get("/api/v2/datasets/2017-2-1.json").json()["rows"]

    assert rows == [["30대 미만", 1200, 1150], ["30대", 25000, 24100.5], ["40대", "-", 3]]


def test_edition_zip_holds_every_table_in_every_format_and_the_catalog(api, chapters):
    response = api.get("/api/v2/datasets/editions/2017.zip")

    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert names == {
        "catalog.json",
        *(f"2017-{n}-1.{ext}" for n in (1, 2) for ext in ("csv", "xlsx", "json")),
    }
    assert archive.read("2017-2-1.csv") == api.get("/api/v2/datasets/2017-2-1.csv").content
    catalog_in_zip = json.loads(archive.read("catalog.json"))
    assert len(catalog_in_zip["dcat:dataset"]) == 2


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/datasets/2017-3-1.csv",
        "/api/v2/datasets/1999-1-1.json",
        "/api/v2/datasets/editions/1999.zip",
    ],
)
def test_unknown_or_draft_tables_answer_404_in_the_error_envelope(api, chapters, path):
    response = api.get(path)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "통계표" in response.json()["error"]["message"]


def test_schema_documents_the_dataset_endpoints(api, content):
    schema = api.get("/api/schema/?format=json").json()

    assert {"/api/v2/datasets/", "/api/v2/datasets/{identifier}.{format}"} <= set(schema["paths"])
    assert "DatasetCatalog" in schema["components"]["schemas"]
