"""What notifies whom: first publishes, major changes with a note, program openings and urgent
notices — once per subscriber even when several lists match; never drafts or private pages."""

import datetime

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from pages.models import SectionKind
from subscriptions.models import Alert, AlertKind, ChangeNote, Delivery, DeliveryStatus
from subscriptions.triggers import notify_program_openings
from tests.factories import EducationProgramPageFactory, NoticePageFactory, TopicFactory

from .helpers import confirmed_email, draft_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish


def alert_mails():
    return [message for message in mail.outbox if "구독 신청" not in message.subject]


def test_one_message_per_subscriber_even_when_several_lists_match(portal, client, publish):
    parenting = TopicFactory(slug="parenting", name="육아")
    confirmed_email(client, "both@example.com", {"topic": "parenting"})
    confirmed_email(client, "both@example.com", {"section": "가족정보"})
    confirmed_email(client, "other@example.com", {"topic": "육아"})  # the same list

    page = draft_article(portal, title="육아 휴직 안내")
    page.topics.add(parenting)
    publish(page)

    alert = Alert.objects.get()
    assert len(alert.list_ids) == 2
    assert sorted(m.to[0] for m in alert_mails()) == ["both@example.com", "other@example.com"]
    assert Delivery.objects.filter(alert=alert, status=DeliveryStatus.SENT).count() == 2
    assert alert.delivery_summary() == "보냄 2"


def test_lists_that_do_not_match_hear_nothing(portal, client, publish):
    TopicFactory(slug="parenting", name="육아")
    confirmed_email(client, "notice@example.com", {"section": "notice"})
    confirmed_email(client, "topic@example.com", {"topic": "parenting"})
    publish(draft_article(portal, title="주제 없는 글"))
    assert alert_mails() == []


def test_drafts_and_private_pages_never_notify(portal, client, publish):
    confirmed_email(client, "all@example.com", {})
    page = draft_article(portal, title="초안")
    page.save_revision()  # a draft, not published
    private = draft_article(portal, title="비공개")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    publish(private)
    assert alert_mails() == []
    assert not Alert.objects.exists()


def test_minor_changes_notify_nobody_and_major_ones_carry_the_note(portal, client, publish):
    page = publish(draft_article(portal, title="지원금 안내"))
    confirmed_email(client, "follower@example.com", {})

    page.title = "지원금 안내 (오타 수정)"
    publish(page)
    assert alert_mails() == []

    ChangeNote.objects.create(
        page=page, major=True, note="지원 대상이 중위소득 100%로 넓어졌습니다."
    )
    page.title = "지원금 안내 (대상 확대)"
    publish(page)
    (message,) = alert_mails()
    assert message.subject == "[서울시 패밀리 포털] 중요한 변경: 지원금 안내 (대상 확대)"
    assert "중위소득 100%" in message.body
    assert not ChangeNote.objects.exists()  # used up by this publish

    publish(page)  # the next publish is minor again
    assert len(alert_mails()) == 1


def test_urgent_notice_skips_the_digest(portal, client, publish):
    confirmed_email(client, "weekly@example.com", {"section": "notice"}, frequency="weekly")
    notice = NoticePageFactory(
        parent=portal.section(SectionKind.NOTICE), live=False, title="폭염 휴관", urgent=True
    )
    publish(notice)
    (message,) = alert_mails()
    assert message.subject == "[서울시 패밀리 포털] 긴급 공지: 폭염 휴관"
    assert Alert.objects.get().kind == AlertKind.URGENT_NOTICE


def test_a_program_opening_for_applications_notifies_once(
    portal, client, publish, django_capture_on_commit_callbacks
):
    confirmed_email(client, "school@example.com", {"type": "educationprogram"})
    today = datetime.date.today()
    program = EducationProgramPageFactory(
        parent=portal.section(SectionKind.FAMILY_SCHOOL),
        live=False,
        title="아빠 육아 교실",
        application_start=today + datetime.timedelta(days=3),
        application_end=today + datetime.timedelta(days=10),
    )
    publish(program)
    assert [a.kind for a in Alert.objects.all()] == [AlertKind.FIRST_PUBLISH]

    assert notify_program_openings(today=today) == 0  # not open yet
    EducationProgramPageFactory._meta.model.objects.filter(pk=program.pk).update(
        application_start=today
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_program_openings(today=today) == 1
        assert notify_program_openings(today=today) == 0
    assert alert_mails()[-1].subject == "[서울시 패밀리 포털] 프로그램 신청 시작: 아빠 육아 교실"


def test_daily_cap_holds_back_messages_past_the_limit(portal, client, publish, settings):
    settings.SUBSCRIPTIONS_DAILY_CAP = 2
    confirmed_email(client, "busy@example.com", {})
    for number in range(3):
        publish(draft_article(portal, title=f"소식 {number}"))
    assert len(alert_mails()) == 2
    assert Delivery.objects.filter(status=DeliveryStatus.CAPPED).count() == 1
