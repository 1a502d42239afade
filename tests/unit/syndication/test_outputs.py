"""render_syndication: every file of every feed, one FeedItem per entry, the /rss/ directory's groups."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from content_kit import parse_article
from lxml import etree

from newsroom.content.model import Entry
from newsroom.plan.site_plan import FeedSpec
from newsroom.syndication.outputs import FeedDirectory, output_uris, render_syndication

SITE = "https://chuyendoiso.tainangviet.vn/"
NOW = datetime(2024, 10, 10, 5, 0, tzinfo=UTC)
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def entries(root: Path, news: Callable[..., str]) -> list[Entry]:
    first = news("moi.md", title='"Bài mới về tập huấn"', slug="bai-moi", date="2024-10-08 08:00", category="tap-huan")
    second = news("cu.md", title='"Bài cũ"', slug="bai-cu", date="2024-10-01 08:00", category="tap-huan")
    return [parse_article(root, first), parse_article(root, second)]


def specs(entries: list[Entry]) -> list[FeedSpec]:
    return [
        FeedSpec("toan-chuyen-muc", "Toàn chuyên mục", "Chuyên mục Chuyển đổi số", "Mô tả cột.", "", tuple(entries)),
        FeedSpec("chuyen-muc/tap-huan", "Theo chuyên mục", "Tập huấn", "Các lớp tập huấn.", "chuyen-muc/tap-huan/", tuple(entries[:1])),
        FeedSpec("chuyen-muc/goc-nhin", "Theo chuyên mục", "Góc nhìn", "Bình luận.", "chuyen-muc/goc-nhin/", ()),
    ]


def render(entries: list[Entry]) -> tuple[dict[str, bytes], FeedDirectory]:
    bodies = {f"{e.url}index.md": f"<p>Thân bài của {e.title}.</p>" for e in entries}
    return render_syndication(specs(entries), bodies, SITE, NOW)


def test_outputs_uris_of_the_column_and_a_subfolder_feed(entries: list[Entry]) -> None:
    column, category, _ = specs(entries)
    assert output_uris(column) == ["feed.xml", "feed.atom", "feed.json", "nhung/toan-chuyen-muc/index.html", "nhung/toan-chuyen-muc/widget.js"]
    assert output_uris(category) == [
        "chuyen-muc/tap-huan/feed.xml",
        "chuyen-muc/tap-huan/feed.atom",
        "chuyen-muc/tap-huan/feed.json",
        "nhung/chuyen-muc/tap-huan/index.html",
        "nhung/chuyen-muc/tap-huan/widget.js",
        "chuyen-muc/tap-huan/sitemap.xml",
    ]


def test_outputs_write_exactly_the_files_of_every_feed(entries: list[Entry]) -> None:
    outputs, _ = render(entries)
    assert set(outputs) == {uri for spec in specs(entries) for uri in output_uris(spec)}
    for uri, data in outputs.items():
        assert data, uri
        if uri.endswith((".xml", ".atom")):
            etree.fromstring(data, STRICT)
            if not uri.endswith("sitemap.xml"):
                assert feedparser.parse(data).bozo == 0, uri


def test_outputs_items_carry_the_rendered_body_and_one_guid_per_entry(entries: list[Entry]) -> None:
    outputs, _ = render(entries)
    column = feedparser.parse(outputs["feed.xml"])
    category = feedparser.parse(outputs["chuyen-muc/tap-huan/feed.xml"])
    assert [e.link for e in column.entries] == [SITE + "bai-viet/bai-moi/", SITE + "bai-viet/bai-cu/"]
    assert "Thân bài của Bài mới về tập huấn." in column.entries[0].content[0].value
    assert category.entries[0].id == column.entries[0].id  # the same FeedItem in both feeds
    items = json.loads(outputs["feed.json"])["items"]
    assert [i["url"] for i in items] == [SITE + "bai-viet/bai-moi/", SITE + "bai-viet/bai-cu/"]


def test_outputs_empty_feed_is_still_a_valid_feed(entries: list[Entry]) -> None:
    outputs, _ = render(entries)
    parsed = feedparser.parse(outputs["chuyen-muc/goc-nhin/feed.atom"])
    assert parsed.bozo == 0 and parsed.entries == []
    assert json.loads(outputs["chuyen-muc/goc-nhin/feed.json"])["items"] == []


def test_outputs_section_sitemap_lists_the_listing_then_its_entries(entries: list[Entry]) -> None:
    outputs, _ = render(entries)
    tree = etree.fromstring(outputs["chuyen-muc/tap-huan/sitemap.xml"], STRICT)
    assert [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)] == [SITE + "chuyen-muc/tap-huan/", SITE + "bai-viet/bai-moi/"]


def test_outputs_directory_groups_feeds_in_plan_order_with_snippets(entries: list[Entry]) -> None:
    _, directory = render_syndication(specs(entries), {}, SITE, NOW)
    assert [(g.name, g.anchor, [r.title for r in g.rows]) for g in directory.groups] == [
        ("Toàn chuyên mục", "toan-chuyen-muc", ["Chuyên mục Chuyển đổi số"]),
        ("Theo chuyên mục", "theo-chuyen-muc", ["Tập huấn", "Góc nhìn"]),
    ]
    row = directory.groups[1].rows[0]
    assert (row.count, row.rss, row.widget, row.script) == (
        1,
        SITE + "chuyen-muc/tap-huan/feed.xml",
        "nhung/chuyen-muc/tap-huan/",
        "nhung/chuyen-muc/tap-huan/widget.js",
    )
    assert SITE + "nhung/chuyen-muc/tap-huan/" in row.iframe_snippet
    assert SITE + "nhung/khung.js" in row.iframe_snippet
    assert SITE + "nhung/chuyen-muc/tap-huan/widget.js" in row.script_snippet
    assert directory.resizer == "nhung/khung.js"
    assert set(directory.partner_csp) == {"iframe", "script"}


def test_outputs_unknown_group_gets_a_numbered_anchor(entries: list[Entry]) -> None:
    odd = FeedSpec("the/x", "Nhóm lạ", "Thẻ x", "", "the/x/", ())
    _, directory = render_syndication([*specs(entries)[:1], odd], {}, SITE, NOW)
    assert [g.anchor for g in directory.groups] == ["toan-chuyen-muc", "nhom-1"]
