"""The Wagtail admin works under the production content security policy (headless Chromium)."""

import json
import subprocess

import pytest

from tests.programs import CHROMIUM

from .conftest import production_env
from .helpers import PYTHON, REPO, gunicorn, manage, subprocess_env

pytestmark = pytest.mark.browser

PASSWORD = "csp-test-password-2026"

# Runs in its own process: the browser tests may already hold Playwright's event loop here.
BROWSER_SCRIPT = """
import json, sys
from playwright.sync_api import sync_playwright

base, chromium, password = sys.argv[1:4]
violations = []
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path=chromium,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    )
    page = browser.new_page()
    page.on("console", lambda message: "Content Security Policy" in message.text
            and violations.append(message.text))
    page.on("pageerror", lambda error: violations.append(str(error)))
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    # The sidebar is drawn by the admin's JavaScript: proof that scripts ran.
    page.wait_for_selector(".sidebar", timeout=15000)
    page.goto(base + "/admin/pages/2/edit/")
    page.wait_for_selector("form[data-edit-form]", timeout=15000)
    page.wait_for_load_state("networkidle")
    browser.close()
print(json.dumps(violations))
"""


@pytest.fixture
def admin_server(sqlite_copy, collected_static):
    CHROMIUM.require()
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
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "-c", BROWSER_SCRIPT, admin_server, CHROMIUM.require(), PASSWORD],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout) == []
