"""A counseling question records the language it was written in; counselors see it."""

import pytest
from django.urls import reverse

from counseling.models import CounselingCase

QUESTION_VI = "Chồng tôi không cho tôi học tiếng Hàn. Tôi nên làm gì?"


@pytest.mark.django_db
def test_a_vietnamese_question_is_stored_with_its_language(submit):
    response = submit(title="Hỏi về lớp tiếng Hàn", question=QUESTION_VI, language="vi")
    assert response.status_code == 201
    case = CounselingCase.objects.get()
    assert case.language == "vi"
    assert case.question == QUESTION_VI


@pytest.mark.django_db
def test_without_a_language_the_question_is_korean(submit):
    assert submit().status_code == 201
    assert CounselingCase.objects.get().language == "ko"


@pytest.mark.django_db
def test_an_unknown_language_is_a_korean_field_error(submit):
    response = submit(language="xx")
    assert response.status_code == 400
    assert "작성 언어" in str(response.json())
    assert not CounselingCase.objects.exists()


def test_counselors_see_the_language_in_the_inbox_and_the_case(client, users, submit):
    submit(title="Hỏi về lớp tiếng Hàn", question=QUESTION_VI, language="vi")
    case = CounselingCase.objects.get()
    client.force_login(users["counselor"])
    inbox = client.get(reverse("counseling_admin:inbox")).content.decode()
    assert "Tiếng Việt (vi)" in inbox
    page = client.get(reverse("counseling_admin:case", args=[case.pk])).content.decode()
    assert '<dd lang="vi">Tiếng Việt (vi)</dd>' in page
    assert f'<dd lang="vi"><p>{QUESTION_VI}</p></dd>' in page
