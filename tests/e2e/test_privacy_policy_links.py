"""The generated 개인정보 처리방침 (/privacy-policy/) is one click away from every screen's
footer and from every form that collects personal data."""

import datetime

import pytest

from pages.models import SectionKind
from tests.factories import EducationProgramPageFactory

from .browsing import open_frontend

pytestmark = pytest.mark.browser

POLICY = "/privacy-policy/"


def _policy_link(scope):
    link = scope.get_by_role("link", name="개인정보 처리방침")
    assert link.get_attribute("href") == POLICY
    return link


def test_every_screen_and_both_forms_link_to_the_privacy_policy(browser_page, e2e_site, portal):
    today = datetime.date.today()
    program = EducationProgramPageFactory(
        parent=portal.section(SectionKind.FAMILY_SCHOOL),
        title="엄마와 함께하는 그림책 놀이",
        capacity=10,
        accepts_applications=True,
        application_start=today - datetime.timedelta(days=1),
        application_end=today + datetime.timedelta(days=5),
    )
    page = browser_page
    screens = [
        "/frontend/",
        "/frontend" + e2e_site.article.get_url_parts()[2],
        "/frontend/search/?q=양육비",
        "/frontend/counseling/",
        "/frontend/counseling/ask/",
        "/frontend/applications/",
        "/frontend/가족정보/없는-글/",
    ]
    for path in screens:
        open_frontend(page, path)
        _policy_link(page.locator("footer.site-footer"))

    open_frontend(page, "/frontend" + program.get_url_parts()[2])
    apply_form = page.locator("form.apply-form")
    apply_form.wait_for()
    _policy_link(apply_form)

    open_frontend(page, "/frontend/counseling/ask/")
    link = _policy_link(page.locator("form.counseling-form"))
    with page.expect_navigation() as navigation:
        link.click()
    assert navigation.value.status == 200
    assert page.locator("h1").inner_text() == "개인정보 처리방침"
    assert "상담" in page.locator("main, body").first.inner_text()
