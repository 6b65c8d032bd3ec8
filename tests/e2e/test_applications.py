"""A parent on a 360 px phone applies to a Family School program with one seat left, a
second parent is waitlisted, the first cancels, and the second is promoted — with every
e-mail and SMS captured."""

import datetime

import pytest
from django.core import mail

from applications.models import Application
from notifications.sms import LoopbackSmsSender
from pages.models import ProgramSession, SectionKind
from tests.factories import EducationProgramPageFactory

from .browsing import open_frontend

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def _apply(page, name: str, phone: str):
    form = page.locator("form.apply-form")
    form.get_by_label("신청인 이름 (필수)").fill(name)
    form.get_by_label("휴대전화 (필수)").fill(phone)
    form.get_by_label("이메일").fill(f"{phone[-4:]}@example.com")
    form.get_by_label("자녀 나이(만) (필수)").fill("5")
    form.get_by_label("(필수) 신청과 안내를 위한 개인정보").check()
    form.get_by_role("button", name="신청하기").click()
    receipt = page.get_by_role("region", name="신청이 확정되었습니다").or_(
        page.get_by_role("region", name="대기 1번으로 접수되었습니다")
    )
    receipt.wait_for()
    facts = receipt.inner_text()
    return receipt, facts


def pick_session(form, title: str) -> None:
    select = form.get_by_label("회차 (필수)")
    select.select_option(label=select.locator("option", has_text=title).inner_text())


def _code_after(text: str, label: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[lines.index(label) + 1]


def test_apply_confirm_cancel_and_promote_on_a_phone(browser_page, e2e_site, portal, screenshot):
    LoopbackSmsSender.outbox.clear()
    mail.outbox = []
    today = datetime.date.today()
    program = EducationProgramPageFactory(
        parent=portal.section(SectionKind.FAMILY_SCHOOL),
        title="아버지와 함께하는 주말 놀이",
        capacity=1,
        waitlist_limit=5,
        accepts_applications=True,
        application_start=today - datetime.timedelta(days=1),
        application_end=today + datetime.timedelta(days=5),
        application_questions=[
            ("question", {"key": "child_age", "label": "자녀 나이(만)", "kind": "number",
                          "choices": "", "required": True}),
        ],
    )  # fmt: skip
    path = "/frontend" + program.get_url_parts()[2]
    page = browser_page
    page.set_viewport_size(PHONE)

    open_frontend(page, path)
    seats = page.locator(".application__seats")
    seats.filter(has_text="잔여 1석").wait_for()
    assert seats.inner_text() == "모집중 · 잔여 1석"
    first, first_text = _apply(page, "김첫째", "010-2000-0001")
    assert "신청이 확정되었습니다" in first_text
    first_code = _code_after(first_text, "열람 코드")
    first_receipt = _code_after(first_text, "접수번호")
    seats.filter(has_text="잔여 0석").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-application-confirmed")

    open_frontend(page, path)
    _, second_text = _apply(page, "이둘째", "010-2000-0002")
    assert "대기 1번으로 접수되었습니다" in second_text
    second_code = _code_after(second_text, "열람 코드")
    second_receipt = _code_after(second_text, "접수번호")
    seats.filter(has_text="잔여 0석 · 대기 1명").wait_for()

    open_frontend(page, "/frontend/applications/")
    page.get_by_label("접수번호").fill(first_receipt)
    page.get_by_label("열람 코드").fill(first_code)
    page.get_by_role("button", name="신청 확인").click()
    page.get_by_role("button", name="신청 취소").click()
    page.get_by_role("status").filter(has_text="취소된 신청입니다.").wait_for()
    screenshot(page, "phone-application-cancelled")

    page.get_by_label("접수번호").fill(second_receipt)
    page.get_by_label("열람 코드").fill(second_code)
    page.get_by_role("button", name="신청 확인").click()
    status = page.get_by_role("region", name="아버지와 함께하는 주말 놀이")
    status.filter(has_text="신청 확정").wait_for()
    assert "대기" not in status.inner_text()

    subjects = [message.subject for message in mail.outbox]
    assert any("신청이 확정되었습니다" in s and first_receipt in s for s in subjects)
    assert any("대기 1번" in s and second_receipt in s for s in subjects)
    assert any("취소되었습니다" in s and first_receipt in s for s in subjects)
    assert any("대기하신" in s and second_receipt in s for s in subjects)
    texts = [(sms.to, sms.body) for sms in LoopbackSmsSender.outbox]
    assert [to for to, _ in texts] == ["010-2000-0001", "010-2000-0002"] * 2
    assert "취소" in texts[2][1] and "대기하신" in texts[3][1]


def test_pick_a_session_and_see_its_own_seats_on_a_phone(
    browser_page, e2e_site, portal, screenshot
):
    today = datetime.date.today()
    program = EducationProgramPageFactory(
        parent=portal.section(SectionKind.FAMILY_SCHOOL),
        title="예비부부 주말 교실",
        capacity=1,
        waitlist_limit=3,
        accepts_applications=True,
        application_start=today - datetime.timedelta(days=1),
        application_end=today + datetime.timedelta(days=5),
    )
    for number in (1, 2):
        ProgramSession.objects.create(
            program=program,
            sort_order=number,
            title=f"{number}회차",
            date=today + datetime.timedelta(days=7 * number + 7),
            time_note="14:00~17:00",
            capacity=1,
        )
    path = "/frontend" + program.get_url_parts()[2]
    page = browser_page
    page.set_viewport_size(PHONE)

    open_frontend(page, path)
    seats = page.locator(".application__seats")
    seats.filter(has_text="1회차").wait_for()
    assert seats.inner_text() == "모집중 · 1회차 잔여 1석 / 2회차 잔여 1석"
    form = page.locator("form.apply-form")
    form.get_by_label("신청인 이름 (필수)").fill("박예비")
    form.get_by_label("휴대전화 (필수)").fill("010-3000-0001")
    form.get_by_label("(필수) 신청과 안내를 위한 개인정보").check()
    form.get_by_role("button", name="신청하기").click()
    page.locator("#session-error").filter(has_text="신청할 회차를 골라 주세요.").wait_for()

    pick_session(form, "2회차")
    form.get_by_role("button", name="신청하기").click()
    receipt = page.get_by_role("region", name="신청이 확정되었습니다")
    receipt.wait_for()
    assert "2회차" in receipt.inner_text()
    seats.filter(has_text="2회차 잔여 0석").wait_for()
    assert seats.inner_text() == "모집중 · 1회차 잔여 1석 / 2회차 잔여 0석"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-application-session-picked")

    open_frontend(page, path)
    pick_session(form, "2회차")
    form.get_by_label("신청인 이름 (필수)").fill("최예비")
    form.get_by_label("휴대전화 (필수)").fill("010-3000-0002")
    form.get_by_label("(필수) 신청과 안내를 위한 개인정보").check()
    form.get_by_role("button", name="신청하기").click()
    page.get_by_role("region", name="대기 1번으로 접수되었습니다").wait_for()
    seats.filter(has_text="2회차 잔여 0석 · 대기 1명").wait_for()
    assert Application.objects.filter(session__title="2회차").count() == 2
    assert not Application.objects.filter(session__title="1회차").exists()
