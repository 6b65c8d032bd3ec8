import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from counseling.permissions import COUNSELOR_GROUP
from pages.editorial import BLOGGERS, EDITORS, REVIEWERS, setup_portal
from tests.factories import UserFactory

SUBMIT_URL = "/api/v2/counseling/"


def lookup_url(receipt_number: str) -> str:
    return f"/api/v2/counseling/{receipt_number}/"


def valid_submission(**overrides) -> dict:
    data = {
        "category": "parenting",
        "title": "아이가 밤에 잠을 안 자요",
        "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
        "nickname": "행복맘",
        "email": "mom@example.com",
        "phone": "010-1234-5678",
        "consent_personal_data": True,
        "consent_publication": True,
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the (LocMem) cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def submit(api_client):
    """POST a submission; returns the response."""

    def _submit(**overrides):
        return api_client.post(SUBMIT_URL, valid_submission(**overrides), format="json")

    return _submit


@pytest.fixture
def editorial(db):
    """The portal tree with the editorial groups of `setup_portal`; the 상담사 group comes from
    the counseling migrations."""
    home, sections, _ = setup_portal()
    return sections


def _member(group_name: str, username: str):
    from django.contrib.auth.models import Group

    return UserFactory(username=username, groups=[Group.objects.get(name=group_name)])


@pytest.fixture
def users(editorial):
    """One user per role of the permission matrix (anonymous is None)."""
    return {
        "anonymous": None,
        "blogger": _member(BLOGGERS, "blogger"),
        "editor": _member(EDITORS, "editor"),
        "reviewer": _member(REVIEWERS, "reviewer"),
        "counselor": _member(COUNSELOR_GROUP, "counselor"),
        "admin": UserFactory(username="admin", is_superuser=True, is_staff=True),
    }
