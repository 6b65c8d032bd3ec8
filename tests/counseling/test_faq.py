"""Answered, publication-consented cases become anonymised FAQ drafts — never published directly."""

import pytest
from django.urls import reverse

from counseling.anonymize import REDACTED, anonymize
from counseling.models import AccessAction, AccessLog, CounselingCase
from counseling.services import FAQNotAllowed, create_faq_draft, save_answer, submit_case
from pages.editorial import REVIEW_WORKFLOW
from pages.models import CounselingFAQPage, SectionKind

from .conftest import valid_submission

QUESTION = (
    "행복맘입니다. 다섯 살 아이가 잠을 안 자요. 답은 happy.mom@example.com 이나 "
    "010-3333-4444, 집 02)555-6666 으로 주세요. 주민번호는 900101-2345678 입니다."
)
ANSWER = "행복맘님, 잠들기 한 시간 전부터 화면을 끄고 잠자리 의식을 만들어 보세요."


@pytest.fixture
def answered_case(editorial, users) -> CounselingCase:
    case, _ = submit_case(valid_submission(question=QUESTION, title="행복맘의 수면 고민"))
    save_answer(case, ANSWER, by=users["counselor"], notify=False)
    return case


def test_counselor_action_creates_an_unpublished_anonymised_draft(
    client, users, answered_case, editorial
):
    client.force_login(users["counselor"])

    response = client.post(reverse("counseling_admin:faq", args=[answered_case.pk]))

    answered_case.refresh_from_db()
    page = answered_case.faq_page
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().specific.kind == SectionKind.COUNSELING
    assert page.live is False and page.get_latest_revision() is not None
    public_text = " ".join([page.title, page.slug, page.question, page.answer])
    for personal in ["행복맘", "happy.mom", "3333", "4444", "555-6666", "2345678", "010-1234-5678"]:
        assert personal not in public_text
    assert REDACTED in page.question
    assert "잠자리 의식" in page.answer
    assert AccessLog.objects.filter(action=AccessAction.FAQ, case_id=answered_case.pk).exists()


def test_draft_follows_the_normal_moderation_workflow(users, answered_case):
    counselor = users["counselor"]
    page = create_faq_draft(answered_case, by=counselor)

    assert page.get_workflow().name == REVIEW_WORKFLOW
    permissions = page.permissions_for_user(counselor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_counselor_can_open_the_draft_in_the_page_editor(client, users, answered_case):
    page = create_faq_draft(answered_case, by=users["counselor"])
    client.force_login(users["counselor"])

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200


def test_creating_the_draft_twice_returns_the_same_page(users, answered_case):
    first = create_faq_draft(answered_case, by=users["counselor"])
    second = create_faq_draft(answered_case, by=users["counselor"])

    assert first.pk == second.pk
    assert CounselingFAQPage.objects.count() == 1


def test_no_draft_without_publication_consent(client, users, editorial):
    case, _ = submit_case(valid_submission(consent_publication=False))
    save_answer(case, ANSWER, by=users["counselor"], notify=False)
    client.force_login(users["counselor"])

    client.post(reverse("counseling_admin:faq", args=[case.pk]))

    assert not CounselingFAQPage.objects.exists()
    with pytest.raises(FAQNotAllowed):
        create_faq_draft(case, by=users["counselor"])


def test_no_draft_before_an_answer(users, editorial):
    case, _ = submit_case(valid_submission())

    with pytest.raises(FAQNotAllowed):
        create_faq_draft(case, by=users["counselor"])
    assert not CounselingFAQPage.objects.exists()


def test_published_faq_is_searchable(users, answered_case):
    page = create_faq_draft(answered_case, by=users["counselor"])
    assert not CounselingFAQPage.objects.live().search("잠자리").results()[:]

    page.get_latest_revision().publish(user=users["admin"])

    results = list(CounselingFAQPage.objects.live().search("잠자리"))
    assert [result.pk for result in results] == [page.pk]


@pytest.mark.parametrize(
    "text",
    [
        "연락처 010-1234-5678",
        "연락처 01012345678",
        "연락처 010 1234 5678",
        "연락처 +82 10-1234-5678",
        "사무실 031.123.4567",
        "메일 a.b+c@mail.co.kr",
        "주민번호 9001012345678",
    ],
)
def test_anonymize_removes_contact_details(text):
    cleaned = anonymize(text)
    assert REDACTED in cleaned
    assert not any(char.isdigit() for char in cleaned.replace(REDACTED, ""))
    assert "@" not in cleaned


def test_anonymize_keeps_ordinary_numbers():
    text = "다섯 살 아이와 2024년부터 주 3회 상담을 받았어요."
    assert anonymize(text) == text
