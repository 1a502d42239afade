"""Feeds, widgets and the feed directory in a real build: every file parses, every rule holds."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree, html

from sitekit import SITES, build_env, make_site, mkdocs_build, read

SITE = "https://chuyendoiso.tainangviet.vn/"
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("feeds") / "src", SITES / "basic")
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH="1790000000"))
    assert result.returncode == 0, result.stderr
    return site


def feed_files(site: Path, suffix: str) -> list[Path]:
    return sorted(p for p in (site / "site").rglob(f"feed{suffix}"))


def local_path(site: Path, url: str) -> Path:
    assert url.startswith(SITE), url
    path = site / "site" / urlsplit(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def test_build_feeds_exist_for_column_categories_provinces_and_honours(site: Path) -> None:
    out = site / "site"
    for base in (
        "feed",
        "chuyen-muc/to-cong-nghe-so/feed",
        "chuyen-muc/tap-huan/feed",
        "tinh-thanh/tuyen-quang/feed",
        "vinh-danh/feed",
    ):
        for suffix in (".xml", ".atom", ".json"):
            assert (out / f"{base}{suffix}").is_file(), base + suffix
    assert len(feed_files(site, ".xml")) == 1 + 10 + 34 + 1


def test_build_every_rss_and_atom_feed_is_strict_xml_and_feedparser_clean(site: Path) -> None:
    for path in feed_files(site, ".xml") + feed_files(site, ".atom"):
        etree.fromstring(path.read_bytes(), STRICT)
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))


def test_build_rss_items_follow_the_rules(site: Path) -> None:
    ns = {
        "content": "http://purl.org/rss/1.0/modules/content/",
        "atom": "http://www.w3.org/2005/Atom",
        "dc": "http://purl.org/dc/elements/1.1/",
        "media": "http://search.yahoo.com/mrss/",
    }
    guids: set[str] = set()
    for path in feed_files(site, ".xml"):
        channel = etree.fromstring(path.read_bytes(), STRICT).find("channel")
        assert channel.findtext("language") == "vi"
        self_link = channel.find("atom:link[@rel='self']", ns)
        assert self_link is not None and local_path(site, self_link.get("href")) == path
        assert channel.findtext("lastBuildDate") == "Mon, 21 Sep 2026 21:13:20 +0700"  # SOURCE_DATE_EPOCH
        feed_guids = []
        for item in channel.findall("item"):
            assert local_path(site, item.findtext("link")).is_file()
            pub = item.findtext("pubDate")
            assert pub.endswith("+0700") and parsedate_to_datetime(pub).tzinfo is not None
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "false" and guid.text.startswith("tag:chuyendoiso.tainangviet.vn,")
            feed_guids.append(guid.text)
            assert item.findall("dc:creator", ns)
            for markup in (item.findtext("content:encoded", namespaces=ns), item.findtext("description")):
                for url in html.fromstring(f"<div>{markup}</div>").xpath("//@href | //@src"):
                    assert url.startswith(("https://", "mailto:", "#")), (path, url)
            enclosure = item.find("enclosure")
            if enclosure is not None:
                assert int(enclosure.get("length")) == local_path(site, enclosure.get("url")).stat().st_size
                assert item.find("media:content", ns) is not None and item.find("media:thumbnail", ns) is not None
        assert len(feed_guids) == len(set(feed_guids))
        guids.update(feed_guids)
    assert guids  # the fixture has items


def test_build_json_feeds_have_the_required_fields(site: Path) -> None:
    for path in feed_files(site, ".json"):
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["title"] and local_path(site, feed["feed_url"]) == path
        for item in feed["items"]:
            assert item["id"] and item["url"].startswith(SITE) and ("content_html" in item or "content_text" in item)
            assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", item["date_published"])


def test_build_feeds_hold_no_drafts_and_newest_first(site: Path) -> None:
    parsed = feedparser.parse((site / "site" / "feed.xml").read_bytes())
    dates = [entry.published_parsed for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len(parsed.entries) == 5  # the five published articles; the initiative has its own feed


def test_build_pages_announce_their_feeds(site: Path) -> None:
    home = read(site, "")
    assert '<link rel="alternate" type="application/rss+xml" title="Chuyên mục Chuyển đổi số" href="feed.xml">' in home
    listing = read(site, "chuyen-muc/tap-huan/")
    first = listing.index('rel="alternate"')
    assert 'href="feed.xml"' in listing[first : first + 200]  # its own feed comes first
    assert (site / "site" / "chuyen-muc" / "tap-huan" / "sitemap.xml").is_file()


def test_build_feed_directory_lists_every_feed_with_snippets(site: Path) -> None:
    page = read(site, "rss/")
    for base in ("feed", "chuyen-muc/tap-huan/feed", "tinh-thanh/ha-noi/feed", "vinh-danh/feed"):
        assert f"{SITE}{base}.xml" in page and f"{SITE}{base}.atom" in page and f"{SITE}{base}.json" in page
    assert page.count('data-copy="') == 3 * 46
    assert "&lt;iframe" in page and "widget.js" in page
    assert (site / "site" / "nhung" / "toan-chuyen-muc" / "index.html").is_file()
    assert (site / "site" / "nhung" / "chuyen-muc" / "tap-huan" / "widget.js").is_file()


def test_build_hostile_content_keeps_every_feed_valid(tmp_path: Path) -> None:
    site = make_site(tmp_path / "hostile", SITES / "hostile_feed")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    for path in feed_files(site, ".xml") + feed_files(site, ".atom"):
        etree.fromstring(path.read_bytes(), STRICT)
        assert feedparser.parse(path.read_bytes()).bozo == 0, path
    for path in feed_files(site, ".json"):
        json.loads(path.read_text(encoding="utf-8"))
    parsed = feedparser.parse((site / "site" / "feed.xml").read_bytes())
    hostile = next(e for e in parsed.entries if "Tôm" in e.title)
    assert 'Tôm & cá <script>alert(1)</script> "trích"' in hostile.title and "🚀" in hostile.title
    assert "Chuyển đổi số" in hostile.title  # NFC now
    assert not any(ord(ch) < 0x20 and ch not in "\t\n\r" for ch in hostile.title + hostile.content[0].value)
    assert "]]&gt;" in hostile.content[0].value or "]]>" in hostile.content[0].value
    assert "https://chuyendoiso.tainangviet.vn/chuyen-muc/thuong-mai-dien-tu/" in hostile.content[0].value


def test_build_guid_survives_title_and_slug_change(tmp_path: Path) -> None:
    site = make_site(tmp_path / "guid", SITES / "basic")
    path = site / "articles" / "news" / "2023" / "livestream-nong-san.md"

    def guid_and_link() -> tuple[str, str]:
        result = mkdocs_build(site)
        assert result.returncode == 0, result.stderr
        entries = feedparser.parse((site / "site" / "feed.xml").read_bytes()).entries
        entry = next(e for e in entries if "cam" in e.title.lower())
        return entry.id, entry.link

    before = guid_and_link()
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'title: "Thanh niên Hà Giang livestream bán cam sành"', 'title: "Hà Giang: bán hết 2 tấn cam sành qua livestream"'
    )
    text = text.replace(
        "date: 2023-10-05\n",
        "date: 2023-10-05\nslug: ha-giang-ban-cam-sanh-livestream\naliases: [thanh-nien-ha-giang-livestream-ban-cam-sanh]\n",
    )
    path.write_text(text, encoding="utf-8")
    after = guid_and_link()
    assert after[0] == before[0]
    assert after[1] == SITE + "bai-viet/ha-giang-ban-cam-sanh-livestream/"
    redirect = read(site, "bai-viet/thanh-nien-ha-giang-livestream-ban-cam-sanh/")
    assert 'url=../../bai-viet/ha-giang-ban-cam-sanh-livestream/"' in redirect


def test_build_hostile_titles_are_escaped_in_pages(tmp_path: Path) -> None:
    site = make_site(tmp_path / "hostile-pages", SITES / "hostile_feed")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    out = site / "site"
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, page.relative_to(out)
        assert "<b>" not in text and "<tag>" not in text, page.relative_to(out)
    article = next((out / "bai-viet").glob("tom-ca-*/index.html")).read_text(encoding="utf-8")
    assert "<h1>Tôm &amp; cá &lt;script&gt;alert(1)&lt;/script&gt; &#34;trích&#34;" in article
    assert '<meta name="description" content="Mô tả có &amp; &lt; &gt; &#34; &#39; và' in article
