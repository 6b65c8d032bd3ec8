"""Migration 0002 turns old tables (strings) and chart blocks (retyped numbers) into
statistics tables that draw their own charts, in live pages and in their revisions."""

import importlib
import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pages.blocks import StatisticsTableBlock
from pages.models import ReportChapterPage, SectionKind
from tests.factories.pages import ReportChapterPageFactory, ReportEditionPageFactory

migration = importlib.import_module("pages.migrations.0002_statistics_tables_draw_charts")


def apps_before_migration():
    """The models as the migration sees them: defined by 0001, which knows chart blocks."""
    state = MigrationExecutor(connection).loader.project_state(
        ("pages", "0001_initial_content_model")
    )
    return state.apps


OLD_TABLE = {
    "title": "가구 수",
    "unit": "천 가구",
    "source": "통계청",
    "header": ["유형", "2016", "2017"],
    "rows": [["한부모", "291", "288"], ["1인가구", "1,155", "1,183"], ["조손", "-", "12개"]],
}
OLD_CHART = {
    "title": "맞벌이 비율",
    "chart_type": "line",
    "unit": "%",
    "source": "",
    "labels": ["2016", "2017"],
    "series": [{"name": "서울", "values": [42.5, 44.6]}, {"name": "전국", "values": [44.9, 46.3]}],
}
OLD_BODY = [
    {"type": "paragraph", "value": "<p>본문</p>", "id": "p1"},
    {"type": "statistics_table", "value": OLD_TABLE, "id": "t1"},
    {"type": "chart", "value": OLD_CHART, "id": "c1"},
]


def test_old_table_cells_become_numbers_and_unreadable_ones_stay_text():
    blocks, changed = migration.convert_stream(OLD_BODY)
    assert changed
    table = blocks[1]["value"]
    assert table["headers"] == ["유형", "2016", "2017"]
    assert table["rows"] == [["한부모", 291, 288], ["1인가구", 1155, 1183], ["조손", "-", "12개"]]
    assert table["chart_type"] == ""
    assert blocks[1]["id"] == "t1"


def test_old_chart_becomes_a_table_drawing_the_same_chart():
    blocks, _ = migration.convert_stream(OLD_BODY)
    assert blocks[2]["type"] == "statistics_table"
    block = StatisticsTableBlock()
    value = block.to_python(blocks[2]["value"])
    chart = value.chart()
    assert chart["chart_type"] == "line"
    assert chart["labels"] == OLD_CHART["labels"]
    assert chart["series"] == OLD_CHART["series"]


def test_converting_twice_changes_nothing():
    once, _ = migration.convert_stream(OLD_BODY)
    twice, changed = migration.convert_stream(once)
    assert not changed
    assert twice == once


@pytest.mark.django_db
def test_migration_rewrites_pages_and_revisions(portal):
    edition = ReportEditionPageFactory(parent=portal.section(SectionKind.REPORT), year=2016)
    chapter = ReportChapterPageFactory(parent=edition)
    revision = chapter.save_revision()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pages_reportchapterpage SET body = %s WHERE page_ptr_id = %s",
            [json.dumps(OLD_BODY, ensure_ascii=False), chapter.pk],
        )
    revision.content["body"] = json.dumps(OLD_BODY, ensure_ascii=False)
    revision.save(update_fields=["content"])

    migration.forwards(apps_before_migration(), None)

    chapter = ReportChapterPage.objects.get(pk=chapter.pk)
    types = [block.block_type for block in chapter.body]
    assert types == ["paragraph", "statistics_table", "statistics_table"]
    assert chapter.body[1].value.rows[1] == ["1인가구", 1155, 1183]
    assert chapter.body[2].value.chart()["series"][0] == {"name": "서울", "values": [42.5, 44.6]}
    revision.refresh_from_db()
    revised = json.loads(revision.content["body"])
    assert [block["type"] for block in revised] == types
    assert revised[2]["value"]["headers"] == ["항목", "서울", "전국"]


@pytest.mark.django_db
def test_migration_reverses_to_the_old_table_shape(portal):
    edition = ReportEditionPageFactory(parent=portal.section(SectionKind.REPORT), year=2016)
    chapter = ReportChapterPageFactory(
        parent=edition, body=[("statistics_table", migration.table_from_old_table(OLD_TABLE))]
    )
    migration.backwards(apps_before_migration(), None)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM pages_reportchapterpage WHERE page_ptr_id = %s", [chapter.pk]
        )
        (body,) = cursor.fetchone()
    value = json.loads(body)[0]["value"]
    assert value["header"] == OLD_TABLE["header"]
    assert value["rows"][1] == ["1인가구", "1155", "1183"]
