"""Every answer the API gives on the demo portal validates strictly against /api/schema/.

openapi-core checks status, headers and body against the operation the request matched,
the way a strict client would: a null where the schema has no `nullable` type, a status the
operation does not list or an undeclared response header fails here even if lenient generated
clients would accept it.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.exceptions import OpenAPIError
from rest_framework.test import APIClient
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from pages.models import ArticlePage, EducationProgramPage, HomePage
from tests.counseling.conftest import valid_submission


@pytest.fixture(scope="module")
def demo_portal(django_db_setup, django_db_blocker):
    """The demo portal for this module, rolled back afterwards (the migrations' data stays)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def contract(demo_portal, settings, db):
    settings.API_SYNC_SETTLE_SECONDS = 0
    # Counted as in production, so the RateLimit fields are checked against the schema too.
    settings.API_ANONYMOUS_RATE = "100000/m"
    schema = APIClient().get("/api/schema/?format=json").json()
    return Contract(OpenAPI.from_dict(schema))


class Contract:
    """Sends requests and collects every strict-validation failure with the URL that caused it."""

    def __init__(self, openapi: OpenAPI):
        self.openapi = openapi
        self.client = APIClient()
        self.failures: list[str] = []
        self.statuses: dict[int, int] = {}

    def get(self, url: str, **headers):
        response = self.client.get(url, headers=headers)
        self.check(response)
        return response

    def post(self, url: str, data, **headers):
        response = self.client.post(url, data, format="json", headers=headers)
        self.check(response)
        return response

    def check(self, response) -> None:
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        request = DjangoOpenAPIRequest(response.wsgi_request)
        try:
            self.openapi.validate_response(request, DjangoOpenAPIResponse(response))
        except OpenAPIError as error:
            url = response.wsgi_request.get_full_path()
            self.failures.append(f"{response.status_code} {url}: {explain(error)}")


def explain(error: OpenAPIError) -> str:
    """The mismatch in a line: the schema errors' paths and messages, not the whole body."""
    causes, seen = [], error
    while seen is not None:
        for schema_error in getattr(seen, "schema_errors", ()):
            for leaf in schema_error.context or [schema_error]:
                path = "/".join(map(str, leaf.absolute_path))
                causes.append(f"{path}: {leaf.message[:160]}")
        seen = seen.__cause__
    return f"{type(error).__name__} {'; '.join(causes[:6]) or error}"[:700]


def public_pages():
    return Page.objects.live().public().exclude(depth=1).specific().order_by("pk")


def test_every_page_detail_and_listing_validates(contract):
    pages = list(public_pages())
    assert len(pages) > 40
    for page in pages:
        contract.get(f"/api/v2/pages/{page.pk}/")
        contract.get(f"/api/v2/pages/find/?html_path={page.url_path}")
    types = {f"{page._meta.app_label}.{type(page).__name__}" for page in pages}
    for page_type in sorted(types):
        contract.get(f"/api/v2/pages/?type={page_type}&fields=*&limit=100")
    contract.get("/api/v2/pages/?fields=*&limit=100")
    contract.get("/api/v2/pages/?search=한부모")
    assert not contract.failures, "\n".join(contract.failures)


def test_every_sync_batch_validates(contract):
    url = "/api/v2/sync/?limit=7"
    batches = 0
    while True:
        data = contract.get(url).json()
        batches += 1
        if not data["has_more"]:
            break
        url = f"/api/v2/sync/?limit=7&since={data['next_cursor']}"
    assert batches > 3
    assert not contract.failures, "\n".join(contract.failures)


def test_navigation_redirects_media_search_and_preview_validate(contract):
    contract.get("/api/v2/navigation/")
    contract.get("/api/v2/redirects/")
    for image in get_image_model().objects.order_by("pk")[:20]:
        contract.get(f"/api/v2/images/{image.pk}/")
    contract.get("/api/v2/images/?limit=100")
    for document in get_document_model().objects.order_by("pk")[:20]:
        contract.get(f"/api/v2/documents/{document.pk}/")
    contract.get("/api/v2/documents/?limit=100")
    for query in ("한부모", "가족 상담", "돌봄"):
        contract.get(f"/api/v2/search/?q={query}")
        contract.get(f"/api/v2/search/suggest/?q={query[:2]}")
    # Per language, a Korean fallback (meta.fallback_from) and an unknown language (400).
    for query, language in (("ho tro", "vi"), ("多元文化", "zh-hans"), ("자원봉사", "en")):
        contract.get(f"/api/v2/search/?q={query}&locale={language}")
    contract.get("/api/v2/search/?q=ho&locale=xx")
    contract.get("/api/v2/partner-items/")
    draft = ArticlePage.objects.live().order_by("pk").first()
    token = draft.create_page_preview().token
    contract.get(f"/api/v2/page_preview/?content_type=pages.articlepage&token={token}")
    assert not contract.failures, "\n".join(contract.failures)


def test_errors_and_revalidation_validate(contract, settings):
    home = HomePage.objects.get(locale=Locale.get_default())
    first = contract.get(f"/api/v2/pages/{home.pk}/")
    contract.get(f"/api/v2/pages/{home.pk}/", If_None_Match=first["ETag"])
    contract.get("/api/v2/pages/999999/")
    contract.get("/api/v2/pages/?child_of=abc")
    contract.get("/api/v2/pages/find/?html_path=/없는-페이지/")
    contract.get("/api/v2/sync/?since=garbage")
    contract.get("/api/v2/pages/", X_API_Key="not-a-real-key")
    contract.get("/api/v2/counseling/NOPE-0000/")
    contract.post("/api/v2/counseling/", {"name": ""})
    settings.COUNSELING_SUBMIT_RATE = "100/h"
    submitted = contract.post("/api/v2/counseling/", valid_submission())
    assert submitted.status_code == 201, submitted.content
    settings.API_ANONYMOUS_RATE = "1/m"
    contract.get("/api/v2/navigation/")
    contract.get("/api/v2/navigation/")
    assert {200, 201, 304, 400, 401, 404, 429} <= set(contract.statuses)
    assert not contract.failures, "\n".join(contract.failures)


def test_applications_per_session_validate(contract, settings):
    """The demo's program recruited in two sessions: form, apply, refusals, look-up, cancel."""
    settings.APPLICATIONS_APPLY_RATE = settings.APPLICATIONS_PHONE_RATE = ""
    program = EducationProgramPage.objects.get(
        title="영유아 부모 놀이 코칭", locale=Locale.get_default()
    )
    url = f"/api/v2/applications/programs/{program.pk}/"
    form = contract.get(url).json()
    morning, afternoon = (session["id"] for session in form["sessions"])
    person = {"name": "김계약", "phone": "010-4000-0001", "participants": 2, "children": 1,
              "answers": {"child_age": "2"}, "consent_personal_data": True}  # fmt: skip

    receipt = contract.post(url, {**person, "session": morning}).json()
    contract.post(url, {**person, "session": afternoon})  # 409: one session per program
    contract.post(url, person)  # 400: no session chosen
    contract.post(url, {**person, "phone": "010-4000-0002", "session": afternoon,
                        "answers": {"child_age": "7"}})  # 403: not the audience  # fmt: skip
    code = {"X-Access-Code": receipt["access_code"]}
    contract.get(f"/api/v2/applications/{receipt['receipt_number']}/", **code)
    contract.post(
        f"/api/v2/applications/{receipt['receipt_number']}/cancel/",
        {"access_code": receipt["access_code"]},
    )
    contract.get("/api/v2/applications/programs/999999/")
    assert receipt["session_title"] == "토요일 오전반"
    assert {200, 201, 400, 403, 404, 409} <= set(contract.statuses)
    assert not contract.failures, "\n".join(contract.failures)
