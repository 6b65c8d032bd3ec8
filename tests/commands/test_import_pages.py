"""import_pages: JSON Lines articles become published ArticlePages, idempotently by slug."""

import json

import pytest
from django.core.management import CommandError, call_command

from pages.models import ArticlePage, SectionKind


def _line(**overrides) -> str:
    article = {
        "slug": "한부모-양육비",
        "title": "한부모가족 양육비 지원",
        "intro": "한부모가족에게 아동양육비를 지원합니다.",
        "body": "첫째 문단입니다.\n\n둘째 문단은\n두 줄입니다.",
        "section": "가족정보",
        "tags": ["한부모", "양육비"],
    }
    article.update(overrides)
    return json.dumps(article, ensure_ascii=False)


@pytest.fixture
def jsonl(tmp_path):
    def write(*lines):
        path = tmp_path / "articles.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.mark.django_db
def test_imports_published_articles_under_their_section(portal, jsonl, capsys):
    call_command("import_pages", str(jsonl(_line(), _line(slug="둘째-글", title="둘째 글"))))

    page = ArticlePage.objects.get(slug="한부모-양육비")
    assert page.live and page.get_parent().pk == portal.section(SectionKind.FAMILY_INFO).pk
    assert [block.value.source for block in page.body] == [
        "<p>첫째 문단입니다.</p>",
        "<p>둘째 문단은 두 줄입니다.</p>",
    ]
    assert sorted(topic.name for topic in page.topics.all()) == ["양육비", "한부모"]
    output = capsys.readouterr().out
    assert "2/2줄 처리" in output and "새로 만듦 2개" in output


@pytest.mark.django_db
def test_running_again_updates_by_slug_without_duplicates(portal, jsonl, capsys):
    call_command("import_pages", str(jsonl(_line())))
    call_command("import_pages", str(jsonl(_line())))
    assert "변경 없음 1개" in capsys.readouterr().out

    call_command("import_pages", str(jsonl(_line(title="한부모가족 양육비 지원 (개정)"))))

    pages = ArticlePage.objects.filter(slug="한부모-양육비")
    assert pages.count() == 1
    assert pages.get().title == "한부모가족 양육비 지원 (개정)" and pages.get().live
    assert "갱신 1개" in capsys.readouterr().out


@pytest.mark.django_db
def test_bad_lines_are_reported_and_the_rest_imported(portal, jsonl, capsys):
    path = jsonl(
        _line(slug="좋은-글"),
        "{not json",
        _line(slug="제목-없음", title=""),
        _line(slug="없는-섹션", section="없는섹션"),
        _line(slug="블로그에", section="가족-블로그단"),
        _line(slug="태그-오류", tags="한부모"),
        "[1, 2]",
        _line(slug="또-좋은-글"),
    )

    with pytest.raises(CommandError, match="오류 6줄"):
        call_command("import_pages", str(path))

    errors = capsys.readouterr().err.splitlines()
    assert [error.split(":")[1] for error in errors] == ["2", "3", "4", "5", "6", "7"]
    assert "JSON 형식이 아닙니다" in errors[0] and "title" in errors[1]
    assert set(ArticlePage.objects.values_list("slug", flat=True)) == {"좋은-글", "또-좋은-글"}


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(portal, tmp_path):
    with pytest.raises(CommandError, match="파일을 읽을 수 없습니다"):
        call_command("import_pages", str(tmp_path / "없음.jsonl"))
