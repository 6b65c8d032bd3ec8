"""The publish flow in the page editor: editors see how many subscribers a major change would
reach, and only "중요한 변경으로 게시" with a change note notifies them."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from subscriptions.models import Alert, AlertKind, ChangeNote
from tests.pages.test_editorial import stream_form_data

from .helpers import confirmed_email, draft_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def live_article(portal, django_capture_on_commit_callbacks):
    page = draft_article(portal, title="양육비 안내")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def publish_from_editor(client, page, capture, **extra):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(stream_form_data(page.specific)))
    data["title"] = "양육비 안내 (개정)"
    data.update(extra)
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_editor_shows_how_many_subscribers_a_major_change_reaches(editor, client, live_article):
    confirmed_email(client, "one@example.com", {"section": "family-info"})
    confirmed_email(client, "two@example.com", {})
    confirmed_email(client, "notice@example.com", {"section": "notice"})
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(live_article.pk,))).content.decode()
    assert "중요한 변경으로 게시 · 구독자 2명에게 알림" in html
    assert 'name="subscription-note"' in html


def test_publishing_as_a_major_change_sends_the_note(
    editor, client, live_article, django_capture_on_commit_callbacks
):
    confirmed_email(client, "family@example.com", {"section": "family-info"})
    publish_from_editor(
        editor,
        live_article,
        django_capture_on_commit_callbacks,
        **{"action-publish": "major", "subscription-note": "신청 서류가 간소화되었습니다."},
    )
    alert = Alert.objects.get(kind=AlertKind.MAJOR_CHANGE)
    assert alert.note == "신청 서류가 간소화되었습니다."
    assert "신청 서류가 간소화되었습니다." in mail.outbox[-1].body


def test_a_plain_publish_is_a_minor_change_that_notifies_nobody(
    editor, client, live_article, django_capture_on_commit_callbacks
):
    confirmed_email(client, "family@example.com", {"section": "family-info"})
    sent = len(mail.outbox)
    publish_from_editor(
        editor,
        live_article,
        django_capture_on_commit_callbacks,
        **{"action-publish": "action-publish", "subscription-note": "무시될 메모"},
    )
    assert not Alert.objects.filter(kind=AlertKind.MAJOR_CHANGE).exists()
    assert len(mail.outbox) == sent


def submit_from_editor(client, page, capture, **extra):
    return publish_from_editor(client, page, capture, **extra)


def test_a_change_submitted_as_major_notifies_when_the_reviewer_approves_it(
    editor, client, live_article, django_capture_on_commit_callbacks, django_user_model
):
    confirmed_email(client, "family@example.com", {"section": "family-info"})
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(live_article.pk,))).content.decode()
    assert "중요한 변경으로 검토 요청 · 구독자 1명에게 알림" in html
    submit_from_editor(
        editor,
        live_article,
        django_capture_on_commit_callbacks,
        **{"action-submit": "major", "subscription-submit-note": "신청 서류가 줄었습니다."},
    )
    live_article.refresh_from_db()
    assert live_article.workflow_in_progress
    assert not Alert.objects.exists()  # nothing is public yet
    note = ChangeNote.objects.get(page=live_article)
    assert note.revision_id == live_article.latest_revision_id

    task_state = live_article.current_workflow_state.current_task_state
    reviewer = django_user_model.objects.get(username="editor")
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, reviewer, "approve")

    alert = Alert.objects.get(kind=AlertKind.MAJOR_CHANGE)
    assert alert.note == "신청 서류가 줄었습니다."
    assert alert.title == "양육비 안내 (개정)"
    assert "신청 서류가 줄었습니다." in mail.outbox[-1].body


def test_the_reviewer_publishing_in_the_editor_keeps_the_submitted_mark(
    editor, client, live_article, django_capture_on_commit_callbacks
):
    confirmed_email(client, "family@example.com", {"section": "family-info"})
    submit_from_editor(
        editor,
        live_article,
        django_capture_on_commit_callbacks,
        **{"action-submit": "major", "subscription-submit-note": "대상이 넓어졌습니다."},
    )
    publish_from_editor(
        editor,
        live_article,
        django_capture_on_commit_callbacks,
        **{"action-publish": "action-publish"},
    )
    alert = Alert.objects.get(kind=AlertKind.MAJOR_CHANGE)
    assert alert.note == "대상이 넓어졌습니다."
    assert not ChangeNote.objects.exists()  # used up


def test_a_plain_submission_drops_an_earlier_major_mark(
    editor, client, live_article, django_capture_on_commit_callbacks
):
    confirmed_email(client, "family@example.com", {"section": "family-info"})
    submit_from_editor(
        editor,
        live_article,
        django_capture_on_commit_callbacks,
        **{"action-submit": "major", "subscription-submit-note": "중요"},
    )
    live_article.refresh_from_db()
    live_article.current_workflow_state.cancel(user=None)
    submit_from_editor(
        editor, live_article, django_capture_on_commit_callbacks, **{"action-submit": "1"}
    )
    assert not ChangeNote.objects.exists()
