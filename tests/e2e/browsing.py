"""Small steps the browser tests share."""

from playwright.sync_api import Page


def wait_until_ready(page: Page) -> None:
    """Wait until the client has drawn the screen for the current URL."""
    page.wait_for_selector("html[data-ready='true']")


def open_frontend(page: Page, path: str = "/frontend/") -> None:
    page.goto(path)
    wait_until_ready(page)


def click_and_wait(page: Page, locator) -> None:
    """Follow a link inside the client and wait for the next screen."""
    locator.click()
    wait_until_ready(page)
