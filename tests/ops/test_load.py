"""Two people at once never get a 5xx: a bounded mixed load against gunicorn.

Citizens search, list, read and revalidate pages and send counseling questions while an
editor saves a page and the admin's autosave posts the same form. Runs on the database the
suite runs on: a migrated SQLite file under `make test`, the PostgreSQL test database when
DATABASE_URL names one.
"""

import contextlib
import http.cookiejar
import json
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from django.db import connection
from wagtail.test.utils.form_data import querydict_from_html

from .conftest import production_env
from .helpers import gunicorn, run_script

THREADS = 16
SECONDS = 20
PORT = 18710
EDITOR = ("load-editor", "load-editor-password-1")
SEARCHES = ["한부모", "가족 상담", "다문화가족", "육아", "서울가족학교", "보고서"]

SETUP_SCRIPT = """
import django; django.setup()
from django.contrib.auth import get_user_model
from pages.models import SectionKind
from pages.portal_tree import ensure_portal_tree
from tests.factories import ArticlePageFactory
home, sections = ensure_portal_tree()
for n, word in enumerate(["한부모가족 지원", "다문화가족 상담", "육아 정보", "가족 상담"] * 10):
    ArticlePageFactory(parent=sections[SectionKind.FAMILY_INFO], title=f"{{word}} {{n}}")
get_user_model().objects.create_superuser({username!r}, "editor@example.com", {password!r})
print(sections[SectionKind.FAMILY_INFO].pk)
"""


def server_env(database_url: str, static_root) -> dict[str, str]:
    return production_env(
        database_url,
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        COUNSELING_SUBMIT_RATE="10000/m",
    )


@pytest.fixture
def database_url(request) -> str:
    """A migrated SQLite file, or the PostgreSQL test database (committed, flushed after)."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{request.getfixturevalue('sqlite_copy')}"
    database = connection.settings_dict  # the test database, now that it exists
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
    )


class Client:
    """One simulated person: urllib with its own cookies, statuses counted in `statuses`."""

    def __init__(self, base: str, statuses: Counter, server_errors: list, lock: threading.Lock):
        self.base = base
        self.statuses = statuses
        self.server_errors = server_errors
        self.lock = lock
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(  # noqa: S310 - loopback test server
            self.base + path, data=data, headers={"Origin": self.base, **(headers or {})}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except OSError:  # no answer in time: counted, but it is not a 5xx
            status, body = 0, b""
        endpoint = "/".join(path.split("?")[0].split("/")[1:4])
        with self.lock:
            self.statuses[(endpoint, status)] += 1
            if status >= 500:
                self.server_errors.append(f"{status} {path}: {body[:300].decode(errors='replace')}")
        return status, body

    def post_form(self, path: str, fields, headers: dict | None = None):
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        return self.request(
            path,
            data,
            {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
        )

    def csrf_token(self) -> str:
        (cookies,) = [
            handler.cookiejar
            for handler in self.opener.handlers
            if isinstance(handler, urllib.request.HTTPCookieProcessor)
        ]
        return next(cookie.value for cookie in cookies if cookie.name == "csrftoken")


def citizen(client: Client, page_ids: list[int], deadline: float, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - traffic mix, not security
    etag = None
    while time.monotonic() < deadline:
        choice = rng.random()
        if choice < 0.3:
            client.request("/api/v2/search/?" + urllib.parse.urlencode({"q": rng.choice(SEARCHES)}))
        elif choice < 0.5:
            client.request(f"/api/v2/pages/?limit=20&offset={rng.randrange(0, 40)}")
        elif choice < 0.7:
            client.request(f"/api/v2/pages/{rng.choice(page_ids)}/")
        elif choice < 0.9:
            if etag is None:
                with contextlib.suppress(urllib.error.URLError):
                    request = urllib.request.Request(client.base + "/api/v2/pages/")  # noqa: S310
                    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                        etag = response.headers["ETag"]
            client.request("/api/v2/pages/", headers={"If-None-Match": etag or '"none"'})
        else:
            body = {
                "category": "parenting",
                "title": "아이가 밤에 잠을 안 자요",
                "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
                "nickname": "행복맘",
                "email": "mom@example.com",
                "consent_personal_data": True,
                "consent_publication": False,
            }
            client.request(
                "/api/v2/counseling/",
                json.dumps(body).encode(),
                {"Content-Type": "application/json"},
            )


def editor(client: Client, page_id: int, deadline: float, autosave: bool) -> None:
    """Saves drafts of one page; the autosave variant posts as the admin's script does."""
    client.request("/admin/login/")
    username, password = EDITOR
    client.post_form(
        "/admin/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": client.csrf_token()},
    )
    edit_path = f"/admin/pages/{page_id}/edit/"
    count = 0
    while time.monotonic() < deadline:
        status, html = client.request(edit_path)
        if status != 200:
            continue
        form = querydict_from_html(html.decode(), form_id="page-edit-form", exclude_csrf=False)
        count += 1
        form["title"] = f"{form['title'].split(' #')[0]} #{count}"
        if autosave:
            client.post_form(edit_path, form, {"Accept": "application/json"})
        else:
            client.post_form(edit_path, form)


# On PostgreSQL the server shares the test database: committed, and flushed afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mixed_load_answers_no_5xx(database_url, collected_static, tmp_path):
    env = server_env(database_url, collected_static)
    setup = SETUP_SCRIPT.format(username=EDITOR[0], password=EDITOR[1])
    section_id = int(run_script(setup, env).strip())
    statuses: Counter = Counter()
    server_errors: list[str] = []
    lock = threading.Lock()

    with gunicorn(env, port=PORT, log_path=tmp_path / "server.log") as base:

        def client() -> Client:
            return Client(base, statuses, server_errors, lock)

        with urllib.request.urlopen(f"{base}/api/v2/pages/?limit=50") as response:  # noqa: S310
            page_ids = [item["id"] for item in json.loads(response.read())["items"]]
        # The first search loads the Korean analyser (gunicorn.conf.py does it before forking
        # in production; this bare gunicorn loads it here, before the clock starts).
        client().request("/api/v2/search/?q=" + urllib.parse.quote("가족"))
        deadline = time.monotonic() + SECONDS
        workers = [
            threading.Thread(target=citizen, args=(client(), page_ids, deadline, seed))
            for seed in range(THREADS - 2)
        ]
        workers += [
            threading.Thread(target=editor, args=(client(), section_id, deadline, autosave))
            for autosave in (False, True)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=SECONDS + 70)

    assert server_errors == [], (server_errors[:5], statuses)
    assert sum(statuses.values()) > 100, statuses
    # Every kind of traffic really ran, editors' saves included.
    # (urllib follows the admin's redirects: a saved draft counts as its edit page's 200.)
    admin_saves = sum(n for (path, code), n in statuses.items() if path.startswith("admin/pages"))
    assert admin_saves, statuses
    assert statuses[("api/v2/search", 200)] and statuses[("api/v2/pages", 304)], statuses
    assert statuses[("api/v2/counseling", 201)], statuses
