"""The counseling form and the answer look-up are reachable: linked from the home page and
from the 온라인 상담 section, not only by typing their addresses."""

import pytest

from .browsing import click_and_wait, open_frontend

pytestmark = pytest.mark.browser


def test_home_and_counseling_section_lead_to_the_form_and_the_lookup(browser_page, e2e_site):
    page = browser_page
    open_frontend(page)
    click_and_wait(page, page.locator("main").get_by_role("link", name="온라인 상담 신청하기"))
    assert page.url.endswith("/frontend/counseling/ask/")

    open_frontend(page)
    click_and_wait(
        page, page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="온라인 상담")
    )
    main = page.locator("main")
    assert main.get_by_role("heading", name="상담 신청과 답변 확인").is_visible()
    click_and_wait(page, main.get_by_role("link", name="상담 답변 확인하기", exact=False))
    assert page.url.endswith("/frontend/counseling/")
