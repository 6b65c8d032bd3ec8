"""The frontend's service worker shows a pushed message as a notification: Chromium receives a
push through DevTools (`ServiceWorker.deliverPushMessage`), as a push service would deliver it."""

import json
import time

import pytest
from playwright.sync_api import expect

from .browsing import open_frontend

pytestmark = pytest.mark.browser


def registration_id(cdp, scope: str, timeout: float = 10) -> str:
    found = {}

    def updated(event):
        for registration in event["registrations"]:
            if not registration["isDeleted"]:
                found[registration["scopeURL"]] = registration["registrationId"]

    cdp.on("ServiceWorker.workerRegistrationUpdated", updated)
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + timeout
    while scope not in found and time.monotonic() < deadline:
        cdp.send("Runtime.evaluate", {"expression": "1"})  # lets events arrive
        time.sleep(0.1)
    assert scope in found, f"no service worker registration for {scope}: {found}"
    return found[scope]


def test_a_pushed_message_is_shown_as_a_notification_carrying_its_page(
    browser_page, e2e_site, frontend
):
    page = browser_page
    page.context.grant_permissions(["notifications"], origin=frontend.url)
    open_frontend(page, "/frontend/가족정보/")
    expect(page.get_by_role("heading", name="소식 받기: 가족정보")).to_be_visible()
    expect(page.get_by_role("button", name="브라우저 알림 받기")).to_be_visible()

    scope = page.evaluate(
        """async () => {
            window.shown = [];
            const worker = navigator.serviceWorker;
            worker.addEventListener("message", (event) => window.shown.push(event.data));
            await worker.register("/frontend/sw.js", { scope: "/frontend/" });
            return (await worker.ready).scope;
        }"""
    )
    cdp = page.context.new_cdp_session(page)
    message = {
        "title": "아빠 육아 교실 신청 시작",
        "body": "프로그램 신청 시작",
        "url": f"{frontend.url}/frontend/가족정보/",
        "tag": "alert-1",
    }
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": frontend.url,
            "registrationId": registration_id(cdp, scope),
            "data": json.dumps(message, ensure_ascii=False),
        },
    )

    page.wait_for_function("() => window.shown.length > 0")
    (shown,) = page.evaluate("window.shown")
    assert shown == {
        "type": "notification-shown",
        "title": message["title"],
        "body": message["body"],
        "url": message["url"],
    }
    notifications = page.evaluate(
        """async () => (await (await navigator.serviceWorker.ready).getNotifications())
            .map((n) => ({ title: n.title, body: n.body, url: n.data.url }))"""
    )
    assert notifications == [
        {"title": message["title"], "body": message["body"], "url": message["url"]}
    ]
