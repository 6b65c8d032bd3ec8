"""Editors see what citizens search for and manage synonyms in the admin."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.utils import timezone

from search.models import SearchQueryLog, SearchSynonym
from tests.factories import UserFactory


@pytest.fixture
def logs(db):
    today = timezone.localdate()
    SearchQueryLog.objects.create(query="한부모", day=today, hits=7, result_count=4)
    SearchQueryLog.objects.create(
        query="한부모", day=today - datetime.timedelta(days=1), hits=5, result_count=4
    )
    SearchQueryLog.objects.create(query="쌍벌이", day=today, hits=3, result_count=0)
    SearchQueryLog.objects.create(
        query="옛날검색어", day=today - datetime.timedelta(days=90), hits=99, result_count=0
    )


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def test_popular_report_ranks_recent_queries_by_hits(admin_client, logs):
    response = admin_client.get("/admin/search-queries/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "인기 검색어" in content
    assert content.index("한부모") < content.index("쌍벌이")
    assert ">12<" in content.replace(" ", "").replace("\n", "")
    assert "옛날검색어" not in content


def test_zero_result_report_lists_only_queries_that_found_nothing(admin_client, logs):
    response = admin_client.get("/admin/search-queries/zero-results/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "쌍벌이" in content and "한부모" not in content


def test_reports_need_the_view_permission(client, logs):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/search-queries/").status_code in (302, 403)

    editor.user_permissions.add(Permission.objects.get(codename="view_searchquerylog"))
    assert client.get("/admin/search-queries/").status_code == 200


def test_seeded_thesaurus_is_editable_in_the_admin(admin_client):
    synonyms = SearchSynonym.objects.all()
    assert synonyms.count() >= 150
    assert synonyms.filter(targets="").count() > 100  # two-way groups
    assert synonyms.exclude(targets="").exists()  # one-way rules
    rule = SearchSynonym.objects.get(terms="워킹맘, 직장맘")

    listing = admin_client.get("/admin/snippets/portal_search/searchsynonym/")
    edit = admin_client.get(f"/admin/snippets/portal_search/searchsynonym/edit/{rule.pk}/")

    assert listing.status_code == 200 and "검색 동의어" in listing.content.decode()
    assert edit.status_code == 200 and "워킹맘, 직장맘" in edit.content.decode()
    assert "함께 찾을 말 (한쪽 방향)" in edit.content.decode()


def test_a_two_way_rule_needs_two_terms():
    with pytest.raises(ValidationError):
        SearchSynonym(terms="워킹맘").full_clean()
    SearchSynonym(terms="미혼모", targets="한부모").full_clean()


def test_a_citizens_query_written_as_a_formula_is_exported_as_text(admin_client, db):
    from rest_framework.test import APIClient

    from search import querylog

    APIClient().get("/api/v2/search/", {"q": "=cmd|' /C calc'!A0"})
    querylog.flush()

    exported = admin_client.get("/admin/search-queries/", {"export": "csv"})
    rows = b"".join(exported.streaming_content).decode("utf-8-sig").splitlines()

    assert any(row.startswith("'=cmd|") for row in rows), rows
