"""Every page asks "이 정보가 도움이 되었나요?": the citizen answers, may add a comment, and
the editors' list has it — with nothing about the citizen."""

import pytest

from feedback.models import PageFeedback

from .browsing import open_frontend

pytestmark = pytest.mark.browser


def test_every_page_asks_and_the_answer_reaches_the_editors(browser_page, e2e_site, screenshot):
    page = browser_page
    # One test: a second live-server test in this file would restore the database twice.
    for path in ("/frontend/", "/frontend/가족정보/"):
        open_frontend(page, path)
        question = page.get_by_role("heading", name="이 정보가 도움이 되었나요?")
        assert question.count() == 1, path

    page.set_viewport_size({"width": 360, "height": 800})
    open_frontend(page, "/frontend/가족정보/한부모-아동양육비/")
    box = page.get_by_role("region", name="이 정보가 도움이 되었나요?")
    box.get_by_role("button", name="예").click()
    screenshot(page, "feedback-360")
    page.set_viewport_size({"width": 1280, "height": 900})

    box.get_by_role("button", name="아니요").click()
    comment = box.get_by_label("더 알려 주실 내용이 있나요?")
    comment.fill("신청 서류 목록이 있으면 좋겠어요")
    assert box.get_by_role("button", name="아니요").get_attribute("aria-pressed") == "true"
    screenshot(page, "feedback-1280")
    with page.expect_response("**/api/v2/feedback/"):
        box.get_by_role("button", name="의견 보내기").click()

    assert box.get_by_role("status").inner_text().startswith("의견 고맙습니다")
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.helpful) == (e2e_site.article.pk, False)
    assert stored.comment == "신청 서류 목록이 있으면 좋겠어요"
