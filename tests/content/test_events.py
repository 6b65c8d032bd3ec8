"""The one content-change event: recorded with the change, announced once it commits."""

import pytest
from django.db import transaction

from content.events import ChangeKind, ContentEvent, announce, content_changed, subscribe
from content.models import ContentChange
from pages.models import SectionKind
from tests.factories import ArticlePageFactory


@pytest.fixture
def heard(settings):
    settings.CONTENT_EVENTS_IMMEDIATE = False  # as in production
    events: list[ContentEvent] = []
    subscribe(events.append, uid="tests-content-events")
    yield events
    content_changed.disconnect(dispatch_uid="tests-content-events")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_subscribers_hear_of_a_change_only_once_it_commits(heard):
    recorded = ContentChange.objects.count()
    with transaction.atomic():
        announce(ChangeKind.RELATED)
        assert heard == []
        assert ContentChange.objects.count() == recorded + 1

    assert [event.kind for event in heard] == [ChangeKind.RELATED]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_is_neither_recorded_nor_announced(heard):
    recorded = ContentChange.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        announce(ChangeKind.RELATED)
        raise RuntimeError("rolled back")

    assert heard == []
    assert ContentChange.objects.count() == recorded


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_subscriber_that_fails_does_not_stop_the_others(heard):
    def broken(event):
        raise ValueError("subscriber bug")

    subscribe(broken, uid="tests-broken-subscriber")
    try:
        with transaction.atomic():
            announce(ChangeKind.RELATED)
    finally:
        content_changed.disconnect(dispatch_uid="tests-broken-subscriber")

    assert len(heard) == 1


def test_publishing_a_page_announces_it_with_its_path_locale_and_the_pages_showing_it(
    portal, settings
):
    events: list[ContentEvent] = []
    subscribe(events.append, uid="tests-publish")
    try:
        linked = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), slug="a")
        showing = ArticlePageFactory(
            parent=portal.section(SectionKind.FAMILY_INFO),
            slug="b",
            related_links=[("link", {"title": "a", "page": linked, "external_url": ""})],
        )
        showing.save_revision().publish()
        events.clear()
        linked.title = "새 제목"
        linked.save_revision().publish()
    finally:
        content_changed.disconnect(dispatch_uid="tests-publish")

    published = [event for event in events if event.kind == ChangeKind.PUBLISHED]
    assert len(published) == 1
    event = published[0]
    assert event.page_id == linked.pk
    assert event.page_type == "pages.articlepage"
    assert event.path == "/가족정보/a/"
    assert event.locale == "ko"
    assert showing.pk in event.affected_page_ids


def test_deleting_a_page_is_announced_once_with_the_path_it_had(portal):
    events: list[ContentEvent] = []
    subscribe(events.append, uid="tests-delete")
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), slug="gone")
    page_id = page.pk
    try:
        page.delete()
    finally:
        content_changed.disconnect(dispatch_uid="tests-delete")

    deleted = [event for event in events if event.kind == ChangeKind.DELETED]
    assert [(event.page_id, event.path) for event in deleted] == [(page_id, "/가족정보/gone/")]
