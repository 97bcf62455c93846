"""The axe-core sweep: every page a role can reach by following links, found by crawling, not listed by hand.

A page is a URL pattern (Django's url name): the crawl opens the first link it meets to each pattern, so a
detail page is checked once with real demo data, not once per record. Links that leave the site, download a
file or act (sign-out, identity provider) are not followed; forms are not submitted.
"""

import json
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Error, Page

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}

# Not pages: they sign out, hand over to another system, answer machines or only accept a form's POST.
NOT_FOLLOWED = {
    "logout",
    "health",
    "set_language",
    "api-schema",
    "accounts:oidc_login",
    "accounts:oidc_callback",
    "integrations:payment_ipn",
    "integrations:payment_return",
}
# The administration is Django's own admin: its index is swept (it is the administrator's entry); its hundreds
# of generated model pages are Django's, not ours.
ADMIN_PAGES = {"admin:index"}


@dataclass
class Finding:
    role: str
    url: str
    violations: list[dict]


@dataclass
class Refusal:
    role: str
    name: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass
class Sweep:
    """Pages already checked at this width, across roles, and what went wrong."""

    checked: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    # Per role, the first address of each page it reached: (url name, url).
    reached: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def report(self) -> str:
        lines = [f"{len(self.visited)} pages checked", *self.visited]
        lines += [f"server error: {e}" for e in self.server_errors]
        lines += [f"a link the role is shown is refused: {e}" for e in self.refused]
        for f in self.findings:
            lines.append(f"{f.role} {f.url}\n{json.dumps(f.violations, ensure_ascii=False, indent=2)}")
        return "\n".join(lines)


def page_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def axe_violations(page: Page) -> list[dict]:
    """Serious and critical findings of axe-core on the page as shown."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's devtools protocol, which the site's strict CSP (no inline scripts)
        # does not govern; the pages themselves still run under that CSP, so a blocked script fails a journey.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["html"] for n in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def links(page: Page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return [h.split("#")[0] for h in hrefs if h.startswith(origin + "/")]


def crawl(page: Page, origin: str, role: str, sweep: Sweep, per_role: set[str], open_nav=None) -> None:
    """Open every page reachable from the home page by links; check those not checked yet at this width.

    `per_role` names the pages whose content depends on who looks (a dossier to a desk officer, to a
    leader): they are checked for every role that reaches them. `open_nav` opens the phone menu on the home
    page, so that the role's menu is checked too.
    """
    seen: set[str] = set()
    queue = deque([(f"{origin}/", "")])
    while queue:
        url, came_from = queue.popleft()
        path = urlsplit(url).path
        name = page_name(path)
        if name is None or name in seen or name in NOT_FOLLOWED:
            continue
        if name.startswith("admin:") and name not in ADMIN_PAGES:
            continue
        seen.add(name)
        sweep.reached.setdefault(role, []).append((name, url))
        try:
            response = page.goto(url)
        except Error:  # a file download, not a page
            continue
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        if response.status >= 500:
            sweep.server_errors.append(f"{role} {url} {response.status}")
            continue
        if response.status in (403, 404):
            text = f"{role} {url} {response.status}, linked from {came_from}"
            sweep.refused.append(Refusal(role, name, text))
        if response.status != 200:
            continue
        key = name if name not in per_role and name != "home" else f"{role} {name}"
        if key not in sweep.checked:
            sweep.checked.add(key)
            sweep.visited.append(f"{role} {url}")
            if open_nav and name == "home":
                open_nav(page)
            violations = axe_violations(page)
            if violations:
                sweep.findings.append(Finding(role, url, violations))
        queue.extend((link, url) for link in links(page, origin))


def english_pass(page: Page, role: str, sweep: Sweep, names: set[str], switch) -> None:
    """The pages of `names` this role reached, again after switching the interface to English."""
    page.goto(sweep.reached[role][0][1])
    switch(page)
    for name, url in sweep.reached[role]:
        if name not in names:
            continue
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "en"
        sweep.visited.append(f"{role} {url} (English)")
        violations = axe_violations(page)
        if violations:
            sweep.findings.append(Finding(f"{role} (English)", url, violations))
