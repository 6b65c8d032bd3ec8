"""PIPA §22-2 in the counseling form: a child under 14 asks with a legal guardian's consent.

On a 360 px phone the form shows the guardian step only when the citizen ticks
"만 14세 미만입니다", shows the API's Korean errors next to it, and sends what the API needs."""

import pytest

from counseling.models import CounselingCase

from .browsing import open_frontend

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def _fill_question(form) -> None:
    form.get_by_label("상담 분야 (필수)").select_option("가족관계")
    form.get_by_label("제목 (필수)").fill("부모님이 자주 다투세요")
    form.get_by_label("상담 내용 (필수)").fill("저는 초등학교 5학년이에요. 집이 너무 시끄러워요.")
    form.get_by_label("연락처", exact=True).fill("010-2222-3333")
    form.get_by_label("(필수) 상담을 위한 개인정보").check()


def test_child_under_14_asks_with_a_guardians_consent(browser_page, e2e_site, screenshot):
    page = browser_page
    page.set_viewport_size(PHONE)
    open_frontend(page, "/frontend/counseling/ask/")
    form = page.locator("form.counseling-form")
    guardian = form.get_by_role("group", name="법정대리인 동의")
    assert guardian.is_hidden(), "no guardian step for someone 14 or over"

    _fill_question(form)
    form.get_by_label("만 14세 미만입니다").check()
    guardian.wait_for()
    form.get_by_role("button", name="상담 신청").click()
    error = form.locator("#guardian-error")
    error.wait_for()
    assert "법정대리인(부모 등)의 이름을 입력해 주세요" in error.inner_text()
    assert "개인정보 보호법 제22조의2" in error.inner_text()
    assert form.get_by_label("법정대리인 이름").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-counseling-guardian-errors")
    assert not CounselingCase.objects.exists()

    guardian.get_by_label("법정대리인 이름").fill("김보호")
    guardian.get_by_label("법정대리인 연락처").fill("010-9876-5432")
    guardian.get_by_label("법정대리인으로서").check()
    form.get_by_role("button", name="상담 신청").click()
    page.get_by_role("region", name="상담이 접수되었습니다").wait_for()

    case = CounselingCase.objects.get()
    assert case.under_14 is True
    assert case.guardian_name == "김보호"
    assert case.guardian_phone == "010-9876-5432"
    assert case.consent_guardian is True


def test_guardian_details_are_not_sent_for_someone_14_or_over(browser_page, e2e_site):
    page = browser_page
    page.set_viewport_size(PHONE)
    open_frontend(page, "/frontend/counseling/ask/")
    form = page.locator("form.counseling-form")
    _fill_question(form)
    # Ticked, filled in, then unticked: the guardian's details must not be kept.
    form.get_by_label("만 14세 미만입니다").check()
    form.get_by_label("법정대리인 이름").fill("김보호")
    form.get_by_label("만 14세 미만입니다").uncheck()
    assert form.get_by_role("group", name="법정대리인 동의").is_hidden()
    form.get_by_role("button", name="상담 신청").click()
    page.get_by_role("region", name="상담이 접수되었습니다").wait_for()

    case = CounselingCase.objects.get()
    assert case.under_14 is False
    assert case.guardian_name == ""
