"""Editor text that tries to run: every vector of the hostile_text fixture stays words, everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from live_markup import live_markup, live_vectors
from sitekit import SITES, make_site, mkdocs_build, read

ARTICLE = "bai-viet/bai-img-src-x-onerror-alert-101-duong-day-nong/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("hostile") / "site", SITES / "hostile_text")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


def test_build_hostile_text_checker_sees_a_live_vector() -> None:
    # The check below would be worthless if it could not fail.
    assert live_markup('<a href="#b"><img src=x onerror=alert(106)>">') != []
    assert live_markup("<p>&lt;img src=x onerror=alert(101)&gt;</p>") == []


def test_build_hostile_text_runs_nowhere_in_pages_feeds_or_widgets(site: Path) -> None:
    assert live_vectors(site / "site") == {}


def test_build_hostile_heading_ids_are_slugs_the_toc_links_to(site: Path) -> None:
    html = read(site, ARTICLE)
    ids = set(re.findall(r'<h2 id="([^"]+)"', html))
    toc = re.findall(r'<a href="#([^"]*)" class="md-nav__link"', html)
    assert toc and set(toc) <= ids, (toc, ids)
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", anchor) for anchor in toc)


def test_build_hostile_text_is_shown_as_words_and_nothing_after_it_is_lost(site: Path) -> None:
    html = read(site, ARTICLE)
    assert "Bài &lt;img src=x onerror=alert(101)&gt; đường dây nóng" in html
    assert "chữ &lt;script&gt;alert(108)&lt;/script&gt; chỉ là chữ" in html
    assert "Đoạn cuối về đường dây nóng." in html
    feed = (site / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "Đoạn cuối về đường dây nóng." in feed
    assert "javascript" not in html.split('class="nr-article__body"')[1].split("</article>")[0]
