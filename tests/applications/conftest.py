import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from rest_framework.test import APIClient

from notifications.sms import LoopbackSmsSender
from pages.models import SectionKind
from tests.factories import EducationProgramPageFactory


def program_url(program) -> str:
    return f"/api/v2/applications/programs/{program.pk}/"


def lookup_url(receipt_number: str) -> str:
    return f"/api/v2/applications/{receipt_number}/"


def application(n: int = 0, **overrides) -> dict:
    data = {
        "name": f"김신청{n}",
        "phone": f"010-5{n // 1000 % 10}{n // 100 % 10}{n // 10 % 10}-{n:04d}",
        "email": f"parent{n}@example.com",
        "participants": 1,
        "consent_personal_data": True,
    }
    data.update(overrides)
    return data


def make_program(parent, **fields):
    defaults = {
        "accepts_applications": True,
        "capacity": 2,
        "waitlist_limit": 2,
        "application_start": datetime.date.today() - datetime.timedelta(days=1),
        "application_end": datetime.date.today() + datetime.timedelta(days=5),
    }
    return EducationProgramPageFactory(parent=parent, **{**defaults, **fields})


@pytest.fixture(autouse=True)
def _fresh_limits_and_outboxes():
    cache.clear()
    LoopbackSmsSender.outbox.clear()
    mail.outbox = []
    yield
    cache.clear()
    LoopbackSmsSender.outbox.clear()


@pytest.fixture
def school(portal):
    return portal.section(SectionKind.FAMILY_SCHOOL)


@pytest.fixture
def program(school):
    return make_program(school)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
