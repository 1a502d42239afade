"""Every page type has zero axe-core violations of WCAG 2.0/2.1 A and AA, on a desktop and a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, ViewportSize

from page_types import BROWSER_PAGE_TYPES, PageType, find_url, show

pytestmark = pytest.mark.browser

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE: ViewportSize = {"width": 390, "height": 844}

AXE = Axe()


def axe_violations(page: Page) -> list[str]:
    """axe-core's report of the WCAG A/AA violations on the page as it is now; empty when none."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]})
    return [results.generate_report()] if results.violations_count else []


@pytest.mark.parametrize("page_type", BROWSER_PAGE_TYPES, ids=lambda t: t.name)
def test_accessibility_axe_finds_no_violation(page: Page, base_url: str, sample_site: Path, page_type: PageType) -> None:
    show(page, base_url, find_url(sample_site, page_type), page_type)
    desktop = axe_violations(page)
    page.set_viewport_size(PHONE)
    phone = axe_violations(page)
    assert not desktop, f"{page_type.name} on a desktop (1280 px):\n" + "\n".join(desktop)
    assert not phone, f"{page_type.name} on a phone (390 px):\n" + "\n".join(phone)
