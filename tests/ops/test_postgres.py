"""Behaviour that only PostgreSQL shows: its full-text search, and concurrent editors."""

import threading

import pytest
from django.db import DatabaseError, close_old_connections, connection
from wagtail.models import Page, PageLogEntry, Revision

from pages.models import ArticlePage, SectionKind
from tests.factories import ArticlePageFactory, UserFactory

pytestmark = pytest.mark.postgres


def test_database_search_on_postgresql_finds_korean_pages(portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    single_parent = ArticlePageFactory(parent=section, title="한부모가족 양육비 지원")
    ArticlePageFactory(parent=section, title="다문화가족 한국어 교육")

    assert connection.vendor == "postgresql"
    results = list(Page.objects.live().search("한부모가족"))

    assert [page.pk for page in results] == [single_parent.pk]


def publish_concurrently(page_id: int, editors, barrier: threading.Barrier, outcomes: dict):
    def publish(editor):
        try:
            page = ArticlePage.objects.get(pk=page_id)
            page.title = f"{editor.username}의 수정"
            revision = page.save_revision(user=editor)
            barrier.wait(timeout=10)
            revision.publish(user=editor)
            outcomes[editor.username] = revision.pk
        except DatabaseError as error:
            outcomes[editor.username] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(editor,)) for editor in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_publishing_at_once_leave_a_consistent_page(portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    page = ArticlePageFactory(parent=section, title="보육 지원 안내")
    page.save_revision().publish()
    editors = [
        UserFactory(username=name, is_superuser=True) for name in ("editor-lee", "editor-park")
    ]
    revisions_before = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    outcomes: dict = {}

    publish_concurrently(page.pk, editors, threading.Barrier(2), outcomes)
    close_old_connections()

    assert set(outcomes) == {"editor-lee", "editor-park"}
    published = [value for value in outcomes.values() if isinstance(value, int)]
    refused = [value for value in outcomes.values() if isinstance(value, Exception)]
    # Both publishes recorded, or one refused cleanly by the database; never a silent loss.
    assert len(published) + len(refused) == 2
    assert published
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id in published
    assert page.title == page.live_revision.content["title"]
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions_before + 2
    publish_logs = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    assert publish_logs.count() == 1 + len(published)
    assert all(not problems for problems in Page.find_problems())
    assert Page.objects.get(pk=section.pk).numchild == section.get_children().count()
