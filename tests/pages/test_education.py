"""Seoul Family School programs: Korean validation messages and the computed application status."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pages.models import ApplicationStatus, EducationProgramPage, SectionKind
from tests.factories import EducationProgramPageFactory

# Building a page looks up its content type, which needs the database.
pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


def program(**overrides) -> EducationProgramPage:
    fields = {
        "title": "영유아 부모 놀이 코칭",
        "slug": "play",
        "intro": "부모 교육",
        "start_date": TODAY,
        "end_date": TODAY + datetime.timedelta(days=14),
        "application_start": TODAY - datetime.timedelta(days=20),
        "application_end": TODAY - datetime.timedelta(days=5),
        "capacity": 20,
        "venue": "서울가족학교 강의실",
    }
    return EducationProgramPage(**{**fields, **overrides})


def validation_messages(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


def test_program_cannot_end_before_it_starts():
    page = program(end_date=TODAY - datetime.timedelta(days=1))
    assert validation_messages(page)["end_date"] == ["교육 종료일은 시작일보다 빠를 수 없습니다."]


def test_application_cannot_close_before_it_opens():
    page = program(application_end=TODAY - datetime.timedelta(days=30))
    assert validation_messages(page)["application_end"] == [
        "신청 마감일은 신청 시작일보다 빠를 수 없습니다."
    ]


def test_capacity_cannot_be_negative():
    page = program(capacity=-1)
    assert validation_messages(page)["capacity"] == ["정원은 0명 이상이어야 합니다."]


def test_offline_program_needs_a_venue_but_online_does_not():
    assert validation_messages(program(venue=""))["venue"] == [
        "오프라인 교육은 장소를 입력해야 합니다."
    ]
    program(venue="", is_online=True).clean()


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (datetime.date(2026, 2, 17), ApplicationStatus.UPCOMING),
        (datetime.date(2026, 2, 18), ApplicationStatus.OPEN),
        (datetime.date(2026, 3, 5), ApplicationStatus.OPEN),
        (datetime.date(2026, 3, 6), ApplicationStatus.CLOSED),
    ],
)
def test_application_status_follows_the_application_period(day, status):
    # Application runs 2026-02-18 .. 2026-03-05, both days included.
    assert program().application_status_on(day) == status


def test_application_status_uses_todays_date(portal):
    today = timezone.localdate()
    school = portal.section(SectionKind.FAMILY_SCHOOL)
    upcoming = EducationProgramPageFactory(
        parent=school,
        application_start=today + datetime.timedelta(days=1),
        application_end=today + datetime.timedelta(days=9),
    )
    closing_today = EducationProgramPageFactory(
        parent=school,
        application_start=today - datetime.timedelta(days=9),
        application_end=today,
    )
    closed = EducationProgramPageFactory(
        parent=school,
        application_start=today - datetime.timedelta(days=9),
        application_end=today - datetime.timedelta(days=1),
    )
    assert upcoming.application_status.label == "모집예정"
    assert closing_today.application_status.label == "모집중"
    assert closed.application_status.label == "마감"
