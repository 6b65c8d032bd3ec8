"""/api/docs/ draws Swagger UI offline under the production content security policy."""

import json
import subprocess

import pytest

from tests.programs import CHROMIUM

from .conftest import production_env
from .helpers import PYTHON, REPO, gunicorn, subprocess_env

pytestmark = pytest.mark.browser


# Runs in its own process: the browser tests may already hold Playwright's event loop here.
BROWSER_SCRIPT = """
import json, sys
from playwright.sync_api import sync_playwright

base, chromium = sys.argv[1:3]
problems, elsewhere = [], []
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path=chromium,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    )
    page = browser.new_page()
    page.on("console", lambda message: "Content Security Policy" in message.text
            and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: request.url.startswith(("http:", "https:"))
            and not request.url.startswith(base) and elsewhere.append(request.url))
    page.goto(base + "/api/docs/")
    # Swagger UI draws the title and the operations only after its scripts ran
    # and it read /api/schema/.
    title = page.wait_for_selector(".swagger-ui .info .title", timeout=30000).inner_text()
    operations = page.locator(".opblock").count()
    browser.close()
print(json.dumps({"problems": problems, "elsewhere": elsewhere, "title": title,
                  "operations": operations}))
"""


@pytest.fixture
def docs_server(sqlite_copy, collected_static):
    CHROMIUM.require()
    env = production_env(
        f"sqlite:///{sqlite_copy}",
        STATIC_ROOT=str(collected_static),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
    )
    with gunicorn(env) as base:
        yield base


def test_api_docs_render_from_this_site_without_csp_violations(docs_server):
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "-c", BROWSER_SCRIPT, docs_server, CHROMIUM.require()],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout)
    assert outcome["problems"] == []
    assert outcome["elsewhere"] == []
    assert "서울시 패밀리 포털 API" in outcome["title"]
    assert outcome["operations"] >= 16
