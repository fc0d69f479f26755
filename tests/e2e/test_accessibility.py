"""An axe-core audit of every page, in its default state and with filters applied (tables open):
no serious or critical violations. Every result is saved under artifacts/e2e/axe/ for review."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from inspections.records import load_records
from testing.browser import app_pages, open_expanders, open_page
from testing.paths import ARTIFACTS
from tests.conftest import SHIPPED

pytestmark = [pytest.mark.browser, pytest.mark.server]

PAGES = app_pages()
BLOCKING = {"serious", "critical"}
# Every axe rule that ships enabled: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus best practice.
AXE_OPTIONS = {"resultTypes": ["violations"]}


def _filter_query() -> str:
    """One authority and one theme from the shipped records, so the filtered view is never empty."""
    records = load_records(SHIPPED)
    authority = records.authorities[0]
    raised = {t for e in authority.events for f in e.findings for t in f.themes}
    theme = next(t.id for t in records.themes if t.id in raised)
    return f"la={authority.id}&theme={theme}"


def audit(page, name: str) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS).response
    path = ARTIFACTS / "axe" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results["violations"], indent=2), encoding="utf-8")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


# "since": a since date, so the summary box, the Since column and the citations' code boxes are audited too.
@pytest.mark.parametrize("state", ["default", "filtered", "since"])
@pytest.mark.parametrize("app_page", PAGES, ids=lambda p: p.name)
def test_no_serious_or_critical_accessibility_violations(page, shipped_server, app_page, state):
    query = {"default": "", "filtered": _filter_query(), "since": "since=2025-03-01"}[state]
    open_page(page, app_page.url(shipped_server.url, query))
    if state != "default":
        open_expanders(page)
    problems = audit(page, f"{app_page.name}-{state}")
    assert not problems, "\n".join(problems)


def test_a_focused_page_link_is_plainly_marked(page, fixture_server):
    """Tabbing onto a sidebar page link draws GOV.UK's focus style: a 3 px yellow outline and a black edge."""
    open_page(page, fixture_server.url)
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('[data-testid=stSidebarNavLink]')"):
            break
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]; }"
    )
    assert style[0] == "solid" and float(style[1].removesuffix("px")) >= 3, style
    assert style[2] == "rgb(255, 221, 0)" and "rgb(11, 12, 12)" in style[3], style
