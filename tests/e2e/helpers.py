"""Page actions shared by the browser journeys."""

import re

from playwright.sync_api import Page, expect

SHOWN = re.compile(r"(^|\s)show(\s|$)")


def open_menu(page: Page) -> None:
    """On a phone the navigation sits behind the toggler; on a desktop it is always shown."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        expect(page.locator("#nav-main")).to_have_class(SHOWN)
