"""The admin speaks Korean to all six roles: each demo account signs in, visits the screens its
work needs (opening menus, side panels and the publishing-schedule dialog) and meets no
English word outside the allowlist in tests/e2e/admin_crawl.py. Screenshots go to
tests/artifacts/admin/."""

import pytest

from demo.loader import DemoLoader

from .admin_crawl import Findings, crawl, log_in, role_screens

pytestmark = pytest.mark.browser

PASSWORD = "demo-password-for-tests"


@pytest.fixture
def demo_portal(frontend, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    DemoLoader(say=lambda _line: None).run()
    return frontend


def test_six_roles_meet_no_english_in_the_admin(chromium, demo_portal):
    findings = Findings()
    for role, screens in role_screens().items():
        context = chromium.new_context(
            base_url=demo_portal.url, locale="ko-KR", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            log_in(page, role, PASSWORD)
            assert page.url.endswith("/admin/"), f"{role} could not sign in"
            crawl(page, role, screens, findings)
        finally:
            context.close()

    assert findings.word_count == 0, f"English left in the admin:\n{findings.report()}"
