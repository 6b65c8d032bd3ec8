"""Look-ups of personal data fail closed while the shared cache is down: counseling's and
applications' look-up and cancel answer 429 with Retry-After (a real redis-server of the test's
own, stopped mid-test), since uncounted, the receipt and access code could be guessed freely.
docs/operations.md "Shared cache outage" lists every quota's rule."""

import pytest
from rest_framework.test import APIClient

from pages.models import SectionKind
from tests.applications.conftest import application, make_program, program_url
from tests.counseling.conftest import SUBMIT_URL, valid_submission

from .test_cache_outage import outage_state, redis_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def use_cache(settings, url: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.PortalRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def receipts(portal, settings):
    """A counseling case and a program application, each with its receipt and access code."""
    settings.COUNSELING_SUBMIT_RATE = ""
    settings.APPLICATIONS_APPLY_RATE = ""
    client = APIClient()
    case = client.post(SUBMIT_URL, valid_submission(), format="json").json()
    program = make_program(portal.section(SectionKind.FAMILY_SCHOOL))
    applied = client.post(program_url(program), application(), format="json").json()
    return {
        f"/api/v2/counseling/{case['receipt_number']}/": case["access_code"],
        f"/api/v2/applications/{applied['receipt_number']}/": applied["access_code"],
    }


def test_look_ups_refuse_while_the_cache_cannot_count(
    redis_server,  # noqa: F811
    outage_state,  # noqa: F811
    receipts,
    settings,
):
    settings.COUNSELING_LOOKUP_RATE = "10/h"
    settings.APPLICATIONS_LOOKUP_RATE = "10/h"
    use_cache(settings, redis_server.url)
    client = APIClient(REMOTE_ADDR="203.0.113.7")
    for url, code in receipts.items():
        assert client.get(url, HTTP_X_ACCESS_CODE=code).status_code == 200, url

    redis_server.stop()

    for url, code in receipts.items():
        for attempt in (code, "WRONG-CODE-0000"):
            response = client.get(url, HTTP_X_ACCESS_CODE=attempt)
            assert response.status_code == 429, (url, attempt, response.status_code)
            error = response.json()["error"]
            assert error["code"] == "rate_limited"
            assert "잠시 후" in error["message"]
            assert int(response["Retry-After"]) > 0
    cancel = client.post(
        next(url for url in receipts if "applications" in url) + "cancel/",
        {"access_code": "WRONG-CODE-0000"},
        format="json",
    )
    assert cancel.status_code == 429

    redis_server.start()
    for url, code in receipts.items():
        assert client.get(url, HTTP_X_ACCESS_CODE=code).status_code == 200, url
