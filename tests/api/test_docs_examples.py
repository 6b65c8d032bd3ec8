"""Every request in the API guide's client-task table answers with content on the demo portal."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from rest_framework.test import APIClient

from pages.models import ArticlePage, SectionKind, SectionPage

API_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def client_task_requests() -> list[str]:
    """The API requests in the API guide's 'Client task | Request' table, as written there."""
    text = API_GUIDE.read_text(encoding="utf-8")
    table = text.split("| Client task | Request |", 1)[1].split("\n\n", 1)[0]
    requests = []
    for row in table.splitlines()[2:]:
        for code in re.findall(r"`([^`]+)`", row):
            if code.startswith("GET /api/"):
                requests.append(code.removeprefix("GET ").split(" ")[0])
            elif code.startswith("?"):
                requests.append("/api/v2/pages/" + code)
    return requests


EXAMPLES = client_task_requests()


def test_the_guide_table_is_read():
    assert len(EXAMPLES) >= 12
    assert any("audience=" in example for example in EXAMPLES)


@pytest.fixture(scope="module")
def demo_portal(django_db_setup, django_db_blocker):
    """The demo portal for this module's tests, rolled back afterwards (no flush: the
    migrations' data — root page, groups — must survive for the next modules)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def concrete(example: str, client) -> str:
    """The example with the guide's placeholders (ids, cursor, token) filled from the demo."""
    article = ArticlePage.objects.live().public().order_by("pk").first()
    section = SectionPage.objects.get(kind=SectionKind.FAMILY_INFO, locale__language_code="ko")
    url = example.replace("/pages/12/", f"/pages/{article.pk}/")
    url = re.sub(r"(child_of|descendant_of)=4", rf"\1={section.pk}", url)
    if "<next_cursor>" in url:
        cursor = client.get("/api/v2/sync/").json()["next_cursor"]
        url = url.replace("<next_cursor>", cursor)
    if "token=…" in url:
        draft = ArticlePage.objects.live().order_by("pk").first()
        url = url.replace("token=…", "token=" + draft.create_page_preview().token)
    return url


@pytest.mark.django_db
@pytest.mark.parametrize("example", EXAMPLES)
def test_guide_example_answers_with_content(demo_portal, example, settings):
    settings.API_SYNC_SETTLE_SECONDS = 0
    client = APIClient()
    url = concrete(example, client)

    response = client.get(url)

    assert response.status_code < 400, (url, response.content[:300])
    if response.status_code == 200:
        data = response.json()
        assert data.get("items", [True]) or data.get("has_more") is not None, url
        if "items" in data and "sync" not in url and "redirects" not in url:
            assert data["items"], f"{url} answered no items"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "audience=single-parent&district=jongno",
        "audience=한부모&district=종로구",
        "section=가족정보&audience=single-parents",
        "section=family-info&district=jongno-gu",
    ],
)
def test_people_may_spell_filters_either_way(demo_portal, query):
    response = APIClient().get(f"/api/v2/pages/?{query}")

    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"]
