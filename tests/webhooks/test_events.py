"""Which content changes become which webhook events, once per event and subscription."""

import pytest
from wagtail.models import PageViewRestriction

from content.events import ContentEvent
from content.models import ChangeKind
from content.paths import frontend_url
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from webhooks.events import on_content_change
from webhooks.models import Delivery, Subscription, WebhookEvent


@pytest.fixture(autouse=True)
def _queue_without_sending(settings):
    settings.TASKS = {
        **settings.TASKS,
        "dummy": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    settings.BACKGROUND_TASK_BACKEND = "dummy"


@pytest.fixture
def everything(db):
    return Subscription.objects.create(
        url="https://partner.example/hooks", events=WebhookEvent.values
    )


def article(portal, **kwargs):
    return ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), live=False, **kwargs)


def test_publishing_queues_one_delivery_with_ids_and_path_only(
    portal, everything, django_capture_on_commit_callbacks
):
    page = article(portal, title="비밀 초안 제목", slug="공개-글")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    (delivery,) = Delivery.objects.all()
    assert delivery.event_type == WebhookEvent.PAGE_PUBLISHED
    assert delivery.payload["data"]["page_id"] == page.pk
    assert delivery.payload["data"]["path"] == "/가족정보/공개-글/"
    assert "비밀 초안 제목" not in str(delivery.payload)
    assert delivery.enqueued_at is not None


def test_drafts_and_private_pages_send_nothing(
    portal, everything, django_capture_on_commit_callbacks
):
    page = article(portal, slug="비공개")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
        page.save_revision().publish()
    assert not Delivery.objects.filter(event_type=WebhookEvent.PAGE_PUBLISHED).exists()


def test_restricting_a_page_is_a_privacy_change(
    portal, everything, django_capture_on_commit_callbacks
):
    page = article(portal, slug="제한")
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    (delivery,) = Delivery.objects.filter(event_type=WebhookEvent.PAGE_PRIVACY_CHANGED)
    assert delivery.payload["data"]["public"] is False
    assert delivery.payload["data"]["path"] == "/가족정보/제한/"
    assert delivery.payload["data"]["url"] == frontend_url("/가족정보/제한/")


def test_descendants_that_become_private_or_public_are_privacy_changes_too(
    portal, everything, django_capture_on_commit_callbacks
):
    parent = article(portal, slug="상위")
    parent.save_revision().publish()
    child = ArticlePageFactory(parent=parent, slug="하위", live=False)
    child.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=parent, restriction_type=PageViewRestriction.LOGIN
        )
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    changes = Delivery.objects.filter(event_type=WebhookEvent.PAGE_PRIVACY_CHANGED)
    told = sorted(
        (d.payload["data"]["path"], d.payload["data"]["public"]) for d in changes.order_by("pk")
    )
    assert told == [
        ("/가족정보/상위/", False),
        ("/가족정보/상위/", True),
        ("/가족정보/상위/하위/", False),
        ("/가족정보/상위/하위/", True),
    ]
    assert all(d.payload["data"]["url"] for d in changes)


def test_deleting_a_live_page_sends_page_deleted_only(
    portal, everything, django_capture_on_commit_callbacks
):
    page = article(portal, slug="지울-글")
    page.save_revision().publish()
    Delivery.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    assert [d.event_type for d in Delivery.objects.all()] == [WebhookEvent.PAGE_DELETED]


def test_subscribers_get_only_the_events_they_chose(portal, django_capture_on_commit_callbacks):
    Subscription.objects.create(url="https://a.example/", events=[WebhookEvent.PAGE_DELETED])
    page = article(portal, slug="삭제될-글")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not Delivery.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    deliveries = Delivery.objects.all()
    assert deliveries.count() == 1  # once, though the page had an ArticlePage and a Page row
    assert {delivery.event_type for delivery in deliveries} == {WebhookEvent.PAGE_DELETED}
    assert {delivery.payload["data"]["path"] for delivery in deliveries} == {"/가족정보/삭제될-글/"}


def test_one_delivery_per_event_and_subscription(portal, everything):
    event = ContentEvent(kind=ChangeKind.PDF_BUILT, change_id=41, page_id=7, path="/가족보고서/")
    on_content_change(event)
    on_content_change(event)
    assert Delivery.objects.filter(event_id="evt_41").count() == 1
    assert Delivery.objects.get().event_type == WebhookEvent.REPORT_PDF_BUILT


def test_related_and_media_changes_send_nothing(everything):
    on_content_change(ContentEvent(kind=ChangeKind.RELATED, change_id=1))
    on_content_change(ContentEvent(kind=ChangeKind.MEDIA, change_id=2))
    assert not Delivery.objects.exists()
