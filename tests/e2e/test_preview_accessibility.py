"""The frontend's preview shows the editor the draft's KWCAG problems, as the admin's submit
will judge them (pages.accessibility, through /api/v2/page_preview/accessibility/)."""

import json
from urllib.parse import urlencode

import pytest

from .browsing import open_frontend

pytestmark = pytest.mark.browser


def _preview_path(article, html: str) -> str:
    article.body = json.dumps([{"type": "paragraph", "value": html}])
    draft = article.save_revision().as_object()
    token = draft.create_page_preview().token
    return "/frontend/preview/?" + urlencode({"content_type": "pages.articlepage", "token": token})


def test_preview_lists_the_drafts_accessibility_errors(browser_page, e2e_site, screenshot):
    page = browser_page
    vague = '<p>신청 방법은 <a href="https://www.bokjiro.go.kr">여기</a>를 보세요.</p>'
    path = _preview_path(e2e_site.article, vague)
    open_frontend(page, path)

    panel = page.locator("details.a11y-panel")
    assert panel.locator("summary").inner_text() == (
        "웹 접근성 점검 (KWCAG 2.2): 오류 1건, 경고 0건"
    )
    assert panel.get_attribute("open") is not None, "errors open the panel"
    [item] = panel.get_by_role("listitem").all_inner_texts()
    assert item.startswith("[오류] 본문: 링크 글자 '여기'")
    assert page.locator("h1").inner_text() == e2e_site.article.title
    screenshot(page, "preview-accessibility")
