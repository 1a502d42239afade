"""No English UI string on any page type: Material and Pagefind fall back to English wherever a
Vietnamese translation is missing ("Initializing search", "Tabs", "Load more results"…)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from playwright.sync_api import Page

from page_types import BROWSER_PAGE_TYPES, PageType, find_url, show

pytestmark = pytest.mark.browser

MATERIAL_ENGLISH = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
NOT_UI = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}

# Pagefind UI's English defaults (pagefind-ui.js) and what leaks from Material and MkDocs templates.
OTHER_ENGLISH = [
    "Search",
    "Search this site",
    "Search results",
    "Searching for",
    "Clear",
    "Filters",
    "Load more",
    "results",
    "result for",
    "No results",
    "Showing results",
    "Try one of the following",
    "Results will appear",
    "Search failed",
    "selected",
    "Loading",
    "Skip to content",
    "Back to top",
    "Previous",
    "Next",
    "Navigation",
    "Table of contents",
    "Copy to clipboard",
    "Made with",
    "Material for MkDocs",
    "Not found",
    "Permanent link",
    "Close",
    "Menu",
    "Home",
]

# Every piece of text a reader sees or hears: text nodes (also of hidden parts that appear later:
# the back-to-top button, the closed dialog), the names and hints of elements, the page title and
# the strings Material's JavaScript shows later (its config's translations).
COLLECT_TEXT = """() => {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: n => n.parentElement.closest('script, style, noscript, template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
  });
  while (walker.nextNode()) texts.push(walker.currentNode.nodeValue);
  const names = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder'];
  for (const el of document.querySelectorAll('*')) {
    for (const name of names) if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
    if (el.matches('input[type=button], input[type=submit], input[type=reset]')) texts.push(el.value);
  }
  const config = document.getElementById('__config');
  if (config) texts.push(...Object.values(JSON.parse(config.textContent).translations || {}));
  return texts;
}"""


def material_english() -> list[str]:
    """Material's English UI strings, from the installed theme ('# min read' becomes a pattern)."""
    pairs = re.findall(r'^\s*"([^"]+)": "(.*)",?$', MATERIAL_ENGLISH.read_text(encoding="utf-8"), flags=re.M)
    return [value for key, value in pairs if key not in NOT_UI and len(value) > 3]


def english_pattern() -> re.Pattern[str]:
    phrases = sorted(set(material_english()) | set(OTHER_ENGLISH), key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace("\\#", r"\d+").replace("\\[COUNT\\]", r"\d+") for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


ENGLISH = english_pattern()
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def accessible_names(aria_snapshot: str) -> list[str]:
    """The names in Playwright's ARIA snapshot (`- link "Name"`), computed as assistive technology
    does (aria-labelledby included); roles and states (`[selected]`) are not text."""
    return [json.loads(quoted) for quoted in QUOTED.findall(aria_snapshot)]


def test_vietnamese_ui_english_list_is_read_from_material() -> None:
    strings = material_english()
    assert "Initializing search" in strings and "Back to top" in strings and "Tabs" in strings
    assert ENGLISH.search("Lên đầu trang") is None
    assert ENGLISH.search("3 min read") and ENGLISH.search("Load more results") and not ENGLISH.search("Searchable")


@pytest.mark.parametrize("page_type", BROWSER_PAGE_TYPES, ids=lambda t: t.name)
def test_vietnamese_ui_has_no_english_string(page: Page, base_url: str, sample_site: Path, page_type: PageType) -> None:
    show(page, base_url, find_url(sample_site, page_type), page_type)
    assert page.locator("html").get_attribute("lang") == "vi"
    texts: list[str] = page.evaluate(COLLECT_TEXT)
    texts += accessible_names(page.locator("body").aria_snapshot())
    leaks = sorted(
        {f"{m.group(0)!r} in {json.dumps(t.strip()[:120], ensure_ascii=False)}" for t in texts for m in ENGLISH.finditer(t)}
    )
    assert leaks == [], f"{page_type.name} shows English"
