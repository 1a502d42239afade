"""Feed items as readers show them (a fixture of headings with đ, anchors, a relative link, an
article without a cover): every item's HTML in every RSS, Atom and JSON feed of the build."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree

from newsroom.content.text import fold_key
from sitekit import SITES, build_env, make_site, mkdocs_build, read

SITE = "https://chuyendoiso.tainangviet.vn/"
ARTICLE = SITE + "bai-viet/huong-dan-dang-nhap-cong-dich-vu-cong-quoc-gia/"
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
    "atom": "http://www.w3.org/2005/Atom",
}
DJ_IDS = ["huong-dan-tung-buoc-dang-nhap", "ba-dieu-can-nho", "dung-dua-ma-otp-cho-ai"]
"""The article's heading ids: đ is d (đăng → dang, điều → dieu, đừng đưa → dung dua)."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("feed-items") / "src", SITES / "feed_items")
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH="1790000000"))
    assert result.returncode == 0, result.stderr
    return site


def _items(site: Path) -> list[tuple[str, str, str]]:
    """(feed file, item link, item HTML) of every item of every feed, in all three formats."""
    found = []
    out = site / "site"
    for path in sorted(out.rglob("feed.xml")):
        for item in etree.parse(str(path)).iterfind(".//item"):
            for html in (item.findtext("description"), item.findtext("content:encoded", namespaces=NS)):
                if html:
                    found.append((str(path), item.findtext("link") or "", html))
    for path in sorted(out.rglob("feed.atom")):
        for entry in etree.parse(str(path)).iterfind(".//atom:entry", NS):
            link = entry.find("atom:link[@rel='alternate']", NS)
            for element in (entry.find("atom:content", NS), entry.find("atom:summary", NS)):
                if element is not None and element.get("type") == "html" and element.text:
                    found.append((str(path), link.get("href") if link is not None else "", element.text))
    for path in sorted(out.rglob("feed.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            if item.get("content_html"):
                found.append((str(path), item["url"], item["content_html"]))
    return found


def _urls(html: str) -> list[str]:
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    urls = [v for attr in ("href", "src", "poster") for v in fragment.xpath(f"//@{attr}")]
    for srcset in fragment.xpath("//@srcset"):
        urls += [candidate.strip().split()[0] for candidate in srcset.split(",") if candidate.strip()]
    return urls


def test_build_feed_items_have_no_heading_permalinks_and_only_absolute_urls(site: Path) -> None:
    items = _items(site)
    assert len({(feed, link) for feed, link, _ in items}) >= 9  # 3 entries, several feeds, 3 formats
    for feed, link, html in items:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
        assert fragment.xpath("//*[contains(concat(' ', @class, ' '), ' headerlink ')]") == [], (feed, link)
        assert "¶" not in fragment.text_content(), (feed, link)
        assert "</source>" not in html, (feed, link)  # <source> is void: no end tag
        for url in _urls(html):
            parts = urlsplit(url)
            assert parts.scheme in ("https", "http", "mailto") and (parts.netloc or parts.scheme == "mailto"), (feed, link, url)
            if parts.fragment and url.startswith(SITE):  # an anchor points into the article, never the feed's page
                assert url.split("#")[0] == link, (feed, link, url)


def test_build_feed_items_heading_ids_keep_d_for_dj(site: Path) -> None:
    page = lxml.html.fromstring(read(site, "bai-viet/huong-dan-dang-nhap-cong-dich-vu-cong-quoc-gia/"))
    assert page.xpath("//article//h2/@id | //article//h3/@id") == DJ_IDS
    assert page.xpath("//article//a[text()='ba điều cần nhớ']/@href") == ["#ba-dieu-can-nho"]
    article_items = [html for _, link, html in _items(site) if link == ARTICLE and "<h2" in html]  # full texts
    assert len(article_items) >= 6  # RSS content:encoded, Atom content, JSON content_html; two feeds at least
    for html in article_items:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
        assert fragment.xpath("//h2/@id | //h3/@id") == DJ_IDS
        assert fragment.xpath("//a[text()='ba điều cần nhớ']/@href") == [ARTICLE + "#ba-dieu-can-nho"]
        assert fragment.xpath("//a[text()='bài cùng chuyên mục']/@href") == [SITE + "bai-viet/diem-danh-doan-vien/"]


def test_build_feed_rss_items_one_creator_an_enclosure_and_unique_categories(site: Path) -> None:
    rss_files = sorted((site / "site").rglob("feed.xml"))
    assert len(rss_files) >= 4
    seen = 0
    for path in rss_files:
        for item in etree.parse(str(path)).iterfind(".//item"):
            seen += 1
            creators = item.findall("dc:creator", NS)
            assert len(creators) == 1, (path, item.findtext("link"))
            enclosure = item.find("enclosure")
            assert enclosure is not None and enclosure.get("url", "").startswith(SITE), (path, item.findtext("link"))
            assert int(enclosure.get("length", "0")) > 0 and enclosure.get("type", "").startswith("image/")
            thumbnail = item.find("media:thumbnail", NS)
            assert thumbnail is not None and thumbnail.get("url", "").startswith(SITE)
            local = site / "site" / urlsplit(enclosure.get("url")).path.lstrip("/")
            assert local.stat().st_size == int(enclosure.get("length"))
            categories = [c.text or "" for c in item.findall("category")]
            assert len({fold_key(c) for c in categories}) == len(categories), categories
            if item.findtext("link") == ARTICLE:
                assert creators[0].text == "Nguyễn Thu Hà, Trần Minh Đức, Đỗ Quang Đạt"
    assert seen >= 6


def test_build_feed_item_without_cover_gets_its_social_card(site: Path) -> None:
    column = etree.parse(str(site / "site" / "feed.xml"))
    item = next(i for i in column.iterfind(".//item") if i.findtext("link") == SITE + "bai-viet/diem-danh-doan-vien/")
    enclosure = item.find("enclosure")
    assert enclosure is not None and enclosure.get("type") == "image/jpeg"
    assert urlsplit(enclosure.get("url")).path.startswith("/assets/the/")
    feed = json.loads((site / "site" / "feed.json").read_text(encoding="utf-8"))
    entry = next(i for i in feed["items"] if i["url"] == SITE + "bai-viet/diem-danh-doan-vien/")
    assert entry["image"] == enclosure.get("url")
