"""The counseling answer lookup that notification e-mails point citizens to."""

import pytest

from .browsing import open_frontend

pytestmark = pytest.mark.browser

QUESTION = "아이가 학교에 가기 싫어해요. 어떻게 이야기하면 좋을까요?"


def test_citizen_reads_their_case_with_receipt_number_and_access_code(
    browser_page, e2e_site, screenshot
):
    page = browser_page
    receipt = page.request.post(
        "/api/v2/counseling/",
        data={
            "category": "parenting",
            "title": "등교를 거부하는 아이",
            "question": QUESTION,
            "email": "parent@example.com",
            "consent_personal_data": True,
        },
    )
    assert receipt.status == 201, receipt.text()
    receipt = receipt.json()

    open_frontend(page, "/frontend/counseling/")
    page.get_by_label("접수번호").fill(receipt["receipt_number"])
    page.get_by_label("열람 코드").fill("WRONG-CODE-0000")
    page.get_by_role("button", name="답변 확인").click()
    assert page.get_by_role("alert").inner_text() == "접수번호 또는 열람 코드가 올바르지 않습니다."

    page.get_by_label("열람 코드").fill(receipt["access_code"])
    page.get_by_role("button", name="답변 확인").click()
    case = page.get_by_role("region", name="등교를 거부하는 아이")
    case.wait_for()
    assert QUESTION in case.inner_text()
    assert receipt["status_label"] in case.inner_text()
    assert "아직 답변이 등록되지 않았습니다" in case.inner_text()
    assert receipt["access_code"] not in page.url
    screenshot(page, "counseling-lookup")
