"""Topics, audiences and the 25 districts are searchable checkbox pickers in the page editor:
typing "강" leaves the four 강- districts; ticking one never clears the others."""

import pytest

from demo.taxonomy import DISTRICTS
from pages.models import ArticlePage
from pages.snippets import District
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def _log_in(page) -> None:
    UserFactory(username="picker-admin", is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.fill("#id_username", "picker-admin")
    page.fill("#id_password", "test-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


@pytest.mark.parametrize("width", [1280, 360])
def test_editor_finds_and_ticks_districts(browser_page, e2e_site, screenshot, width):
    for name, slug in DISTRICTS:
        District.objects.get_or_create(name=name, defaults={"slug": slug})
    article = e2e_site.article
    already = set(article.districts.values_list("name", flat=True))
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page)
    page.goto(f"/admin/pages/{article.id}/edit/")

    search = page.get_by_role("searchbox", name="자치구 찾기")
    search.fill("강")
    districts = page.locator("#id_districts")
    visible = districts.locator("label:visible")
    assert sorted(visible.all_inner_texts()) == ["강남구", "강동구", "강북구", "강서구"]
    districts.get_by_label("강동구").check()
    search.fill("")
    assert districts.locator("label:visible").count() == District.objects.count()
    count = page.locator(".checkbox-picker__count").nth(2)
    assert count.inner_text() == f"{len(already | {'강동구'})}개 선택"
    assert page.get_by_role("searchbox", name="주제 찾기").is_visible()
    assert page.get_by_role("searchbox", name="대상 찾기").is_visible()
    search.scroll_into_view_if_needed()
    screenshot(page, f"pickers-{width}")

    page.get_by_role("button", name="초안 저장").first.click()
    page.wait_for_load_state("networkidle")
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert {district.name for district in draft.districts.all()} == already | {"강동구"}
