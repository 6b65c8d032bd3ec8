"""The Wagtail admin works under the production content security policy (headless Chromium)."""

import os
from pathlib import Path

import pytest

from .conftest import production_env
from .helpers import gunicorn, manage

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PASSWORD = "csp-test-password-2026"


@pytest.fixture
def admin_server(sqlite_copy, collected_static):
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    # Plain http on 127.0.0.1: no HTTPS redirect and cookies without the Secure flag.
    env = production_env(
        f"sqlite:///{sqlite_copy}",
        STATIC_ROOT=str(collected_static),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    created = manage(
        "createsuperuser", "--noinput", "--username", "admin", "--email", "a@example.com", env=env
    )
    assert created.returncode == 0, created.stderr[-2000:]
    with gunicorn(env) as base:
        yield base


def test_admin_logs_in_and_renders_without_csp_violations(admin_server):
    from playwright.sync_api import sync_playwright

    violations = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.on("pageerror", lambda error: violations.append(str(error)))
        page.goto(f"{admin_server}/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{admin_server}/admin/")
        # The sidebar is drawn by the admin's JavaScript: proof that scripts ran.
        page.wait_for_selector(".sidebar", timeout=15_000)
        page.goto(f"{admin_server}/admin/pages/2/edit/")
        page.wait_for_selector("form[data-edit-form]", timeout=15_000)
        page.wait_for_load_state("networkidle")
        browser.close()

    assert violations == []
