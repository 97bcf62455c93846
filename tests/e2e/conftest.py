"""Browser journeys: Playwright drives Debian's chromium against pytest-django's live server."""

import os

import pytest
from playwright.sync_api import expect

from tests.factories import StaffFactory

# Playwright's sync API keeps an event loop running in this thread, which makes Django refuse ORM calls
# made by the test itself (fixtures, factories) as if they came from async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A page that answers after a database write can take longer than Playwright's 5 s on a busy two-core CI
# machine running two workers; a real failure still fails, later.
expect.set_options(timeout=15_000)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium (Playwright's own download is unreachable), kept off outside hosts."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture
def page(new_context, viewport):
    """A page at phone or desktop width; the browser keeps its default English Accept-Language on purpose."""
    return new_context(viewport=viewport).new_page()


@pytest.fixture
def staff(transactional_db):
    return StaffFactory(username="canbo-e2e", full_name="Nguyễn Thị Lan")


@pytest.fixture
def centres_with_contacts(province):
    """The test province with contact details on two centres, so the home page shows full cards."""
    for centre in (province.centre, province.communes["Xã A"]["centre"]):
        centre.address = "Số 1 đường Lê Lợi"
        centre.phone = "0274 3822 222"
        centre.email = "motcua@example.gov.vn"
        centre.office_hours_note = "Sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu"
        centre.save()
    return province
