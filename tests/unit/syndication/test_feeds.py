"""feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 checked item by item, from real parsed entries."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedgen.entry
import feedgen.feed
import feedparser
import lxml.html
import pytest
from content_kit import make_image, news_text, parse_article, parse_initiative, write
from lxml import etree

from newsroom.content.model import Asset
from newsroom.content.text import strip_control
from newsroom.syndication.feed_items import DEFAULT_LIMIT, Enclosure, FeedChannel, FeedItem, build_item, newest_items
from newsroom.syndication.feed_text import absolutize_html, clean_text
from newsroom.syndication.json_feed import JSON_FEED_VERSION, render_json_feed
from newsroom.syndication.xml_feeds import GENERATOR, render_atom, render_rss

VN = timezone(timedelta(hours=7))
SITE = "https://chuyendoiso.tainangviet.vn/"
HOST = "chuyendoiso.tainangviet.vn"
NOW = datetime(2024, 10, 10, 5, 0, tzinfo=UTC)
"""The pinned build time: noon of 10 October 2024 in Vietnam."""
NOW_RFC822 = "Thu, 10 Oct 2024 12:00:00 +0700"
NOW_RFC3339 = "2024-10-10T12:00:00+07:00"

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}
RFC822_RE = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$"
)
RFC3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")

BODY = (
    '<p>Xem <a href="../khac/">bài khác</a>, <a href="/the/thanh-nien/">thẻ</a>, <a href="#muc-1">mục</a>, '
    '<a href="mailto:bientap@tainangviet.vn">thư</a> và <a href="tel:+84241234567">gọi</a>.</p>\n'
    '<figure><img src="anh-bia.jpg" alt="Ảnh bìa" srcset="anh-bia-480.webp 480w, anh-bia-960.webp 960w">'
    "<figcaption>Đoàn viên &amp; người dân</figcaption></figure>\n"
    '<p><a href="https://dichvucong.gov.vn/">Cổng dịch vụ công</a></p>'
)

CHANNEL = FeedChannel(
    title="Tập huấn – Chuyên mục Chuyển đổi số",
    link=SITE + "chuyen-muc/tap-huan/",
    description="Tin bài về các lớp tập huấn kỹ năng số.",
    feed_url_base=SITE + "chuyen-muc/tap-huan/feed",
    image_url=SITE + "assets/brand/logo.png",
)


def image_lookup(asset: Asset) -> tuple[str, int, str]:
    """What the image pipeline answers: the file next to the entry page, its exact size, its type."""
    return asset.name, asset.src.stat().st_size, "image/jpeg"


# --- parsing helpers ----------------------------------------------------------------------------


def strict_xml(data: bytes) -> Any:
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)


def parsed_feed(data: bytes) -> Any:
    result = feedparser.parse(data)
    assert result.bozo == 0, result.get("bozo_exception")
    return result


def urls_of_html(fragment: str) -> list[str]:
    """Every href, src and srcset URL of an HTML fragment."""
    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    urls = []
    for element in root.iter():
        for name in ("href", "src"):
            if element.get(name) is not None:
                urls.append(element.get(name))
        if element.get("srcset"):
            urls += [candidate.strip().split()[0] for candidate in element.get("srcset").split(",")]
    return urls


def assert_absolute_urls(fragment: str) -> None:
    urls = urls_of_html(fragment)
    assert urls, f"no URL in {fragment!r}"
    for url in urls:
        if url.startswith(("mailto:", "tel:")):
            continue
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.netloc, f"not absolute: {url!r} in {fragment!r}"


# --- a small real corpus --------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    items: list[FeedItem]
    sizes: dict[str, int]
    """guid -> size in bytes of the cover file."""


def _article(
    root: Path, folder: str, title: str, date: str, size: tuple[int, int], extra: tuple[str, ...] = (), **fields: str
) -> tuple[FeedItem, int]:
    cover = make_image(root / f"articles/news/2024/{folder}/anh-bia.jpg", size=size)
    rel = write(
        root,
        f"articles/news/2024/{folder}/index.md",
        news_text(title=f'"{title}"', date=date, extra=["cover: anh-bia.jpg", 'cover_alt: "Ảnh bìa bài viết"', *extra], **fields),
    )
    return build_item(parse_article(root, rel), BODY, SITE, image_lookup), cover.stat().st_size


@pytest.fixture
def corpus(root: Path, initiative: Callable[..., str]) -> Corpus:
    built = [
        _article(
            root, "a", "Tập huấn kỹ năng số cho đoàn viên", "2024-10-05 08:30", (40, 30), ("tags: [Kỹ năng số, Thanh niên]",)
        ),
        _article(root, "b", "Lớp học “Bình dân học vụ số” & người cao tuổi", "2024-10-07 19:45+00:00", (64, 48)),
        _article(
            root, "c", "Chi đoàn hướng dẫn cài VNeID", "2024-10-01 07:00", (20, 20), authors="[Nguyễn Văn An, Trần Thị Bình]"
        ),
    ]
    entry = parse_initiative(root, initiative(award="nhat"))
    honoured = build_item(entry, '<p>Sản phẩm <img src="anh-1.jpg" alt=""></p>', SITE, image_lookup)
    built.append((honoured, (root / "articles/initiatives/2024/so-tay-doan-vien/anh-1.jpg").stat().st_size))
    return Corpus([item for item, _size in built], {item.guid: size for item, size in built})


# --- absolutize_html ----------------------------------------------------------------------------


def test_feeds_absolutize_html_resolves_relative_root_relative_and_parent_urls() -> None:
    html = absolutize_html(BODY, SITE + "bai-viet/tap-huan/")

    assert '<a href="https://chuyendoiso.tainangviet.vn/bai-viet/khac/">' in html
    assert '<a href="https://chuyendoiso.tainangviet.vn/the/thanh-nien/">' in html
    assert 'src="https://chuyendoiso.tainangviet.vn/bai-viet/tap-huan/anh-bia.jpg"' in html
    assert (
        'srcset="https://chuyendoiso.tainangviet.vn/bai-viet/tap-huan/anh-bia-480.webp 480w, '
        'https://chuyendoiso.tainangviet.vn/bai-viet/tap-huan/anh-bia-960.webp 960w"'
    ) in html
    assert '<a href="https://dichvucong.gov.vn/">' in html


def test_feeds_absolutize_html_points_fragments_into_the_article_keeps_mail_and_phone() -> None:
    html = absolutize_html(BODY, SITE + "bai-viet/tap-huan/")

    assert f'<a href="{SITE}bai-viet/tap-huan/#muc-1">' in html
    assert '<a href="mailto:bientap@tainangviet.vn">' in html
    assert '<a href="tel:+84241234567">' in html


def test_feeds_absolutize_html_drops_heading_permalinks() -> None:
    body = '<h2 id="dang-nhap">Đăng nhập<a class="headerlink" href="#dang-nhap" title="x">¶</a></h2><p>Sau</p>'

    html = absolutize_html(body, SITE + "bai-viet/a/")

    assert "headerlink" not in html and "¶" not in html
    assert html == '<h2 id="dang-nhap">Đăng nhập</h2><p>Sau</p>'


def test_feeds_absolutize_html_changes_nothing_else() -> None:
    html = absolutize_html(BODY, SITE + "bai-viet/tap-huan/")

    def without_urls(text: str) -> str:
        return re.sub(r'(href|src|srcset)="[^"]*"', r'\1=""', text)

    assert without_urls(html) == without_urls(BODY)
    assert absolutize_html("", SITE) == ""
    assert absolutize_html("chữ &amp; <b>đậm</b> cuối", SITE) == "chữ &amp; <b>đậm</b> cuối"
    assert absolutize_html("<p>a</p>\n<p>b</p>\n", SITE) == "<p>a</p>\n<p>b</p>\n"


@pytest.mark.parametrize(
    ("srcset", "expected"),
    [
        ("a.webp", "https://h.vn/x/a.webp"),
        ("a.webp 1x,b.webp 2x", "https://h.vn/x/a.webp 1x, https://h.vn/x/b.webp 2x"),
        ("  /a.webp   480w ,  ../b.webp 960w  ", "https://h.vn/a.webp 480w, https://h.vn/b.webp 960w"),
        ("a.webp, b.webp 2x", "https://h.vn/x/a.webp, https://h.vn/x/b.webp 2x"),
    ],
)
def test_feeds_absolutize_html_srcset_forms(srcset: str, expected: str) -> None:
    html = absolutize_html(f'<img srcset="{srcset}" alt="">', "https://h.vn/x/")

    assert html == f'<img srcset="{expected}" alt="">'


def test_feeds_absolutize_html_drops_xml_illegal_characters() -> None:
    assert absolutize_html('<p>a\x00b\x0b<a href="c\x01.html">d\ufffe</a></p>', "https://h.vn/") == (
        '<p>ab<a href="https://h.vn/c.html">d</a></p>'
    )


# --- build_item ---------------------------------------------------------------------------------


def test_feeds_build_item_from_article(root: Path) -> None:
    make_image(root / "articles/news/2024/bai/anh-bia.jpg", size=(30, 20))
    rel = write(
        root,
        "articles/news/2024/bai/index.md",
        news_text(
            extra=[
                "cover: anh-bia.jpg",
                'cover_alt: "Đoàn viên hướng dẫn"',
                "tags: [Dịch vụ công, Hoạt động hưởng ứng, hoạt động hưởng ứng, dịch vụ công]",
                "updated: 2024-10-06 09:00",
            ],
            category="hoat-dong",
        ),
    )
    article = parse_article(root, rel)

    item = build_item(article, BODY, SITE, image_lookup)

    page = SITE + article.url
    assert item.guid == article.guid(HOST) == f"tag:{HOST},2024-10-05:bai-viet/{article.slug}"
    assert item.url == page
    assert item.title == article.title
    assert item.published == article.date
    assert item.updated == datetime(2024, 10, 6, 9, 0, tzinfo=VN)
    assert item.authors == ("Nguyễn Văn An",)
    # The category and tags with the same name, whatever the case, are one category in the feed.
    assert item.categories == ("Hoạt động hưởng ứng", "Dịch vụ công")
    assert item.summary == article.description
    assert item.content_html == absolutize_html(BODY, page)
    size = (root / "articles/news/2024/bai/anh-bia.jpg").stat().st_size
    assert item.image == Enclosure(page + "anh-bia.jpg", size, "image/jpeg")
    assert item.thumbnail_url == page + "anh-bia.jpg"
    assert item.image_alt == "Đoàn viên hướng dẫn"


def test_feeds_build_item_from_article_without_cover(root: Path, news: Callable[..., str]) -> None:
    item = build_item(parse_article(root, news()), "<p>x</p>", SITE.rstrip("/"), image_lookup)

    assert item.image is None and item.thumbnail_url is None and item.image_alt == ""
    assert item.url.startswith(SITE + "bai-viet/")


def test_feeds_build_item_from_initiative(root: Path, initiative: Callable[..., str]) -> None:
    rel = initiative(
        award="nhi",
        team='"CLB Tin học trẻ"',
        members='[{name: "Lê Thị Hoa", age: 17}, {name: "Phạm Minh", age: 18}]',
    )
    entry = parse_initiative(root, rel)

    item = build_item(
        entry, "<p>Ảnh <img src='anh-1.jpg' alt=''></p>", SITE, image_lookup, thumbnail_lookup=lambda a: "nho-" + a.name
    )

    page = SITE + entry.url
    assert item.guid == entry.guid(HOST)
    assert item.authors == ("Lê Thị Hoa", "Phạm Minh")
    assert item.categories == ("Giáo dục", "Giải Nhì")
    assert item.image is not None and item.image.url == page + "anh-1.jpg"
    assert item.thumbnail_url == page + "nho-anh-1.jpg"
    assert item.image_alt == "Nhóm tác giả trình bày sản phẩm"
    assert f'src="{page}anh-1.jpg"' in item.content_html


def test_feeds_guid_survives_title_and_slug_change(root: Path) -> None:
    first = write(root, "articles/news/2024/bai.md", news_text(title='"Tên cũ"'))
    before = build_item(parse_article(root, first), "", SITE, image_lookup)
    renamed = write(
        root, "articles/news/2024/bai.md", news_text(title='"Tên mới hoàn toàn"', extra=["slug: ten-moi", "aliases: [ten-cu]"])
    )
    after = build_item(parse_article(root, renamed), "", SITE, image_lookup)

    assert before.url != after.url
    assert before.guid == after.guid == f"tag:{HOST},2024-10-05:bai-viet/ten-cu"


# --- RSS ------------------------------------------------------------------------------------------


def test_feeds_rss_parses_strictly_and_with_feedparser(corpus: Corpus) -> None:
    data = render_rss(CHANNEL, corpus.items, NOW)

    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    strict_xml(data)
    parsed = parsed_feed(data)
    assert parsed.version == "rss20"
    assert len(parsed.entries) == len(corpus.items)


def test_feeds_rss_channel(corpus: Corpus) -> None:
    channel = strict_xml(render_rss(CHANNEL, corpus.items, NOW)).find("channel")

    assert channel.findtext("title") == CHANNEL.title
    assert channel.findtext("link") == CHANNEL.link
    assert channel.findtext("description") == CHANNEL.description
    assert channel.findtext("language") == "vi"
    assert channel.findtext("generator") == GENERATOR
    assert channel.findtext("lastBuildDate") == NOW_RFC822
    assert channel.findtext("image/url") == CHANNEL.image_url
    assert channel.findtext("image/link") == CHANNEL.link
    selves = channel.findall("atom:link[@rel='self']", NS)
    assert len(selves) == 1
    assert selves[0].get("href") == SITE + "chuyen-muc/tap-huan/feed.xml"
    assert selves[0].get("type") == "application/rss+xml"


def test_feeds_rss_items_one_by_one(corpus: Corpus) -> None:
    channel = strict_xml(render_rss(CHANNEL, corpus.items, NOW)).find("channel")
    by_guid = {item.guid: item for item in corpus.items}
    items = channel.findall("item")

    guids = [element.findtext("guid") for element in items]
    assert len(set(guids)) == len(guids) == len(corpus.items)
    for element in items:
        item = by_guid[element.findtext("guid")]
        assert element.find("guid").get("isPermaLink") == "false"
        assert element.findtext("title") == item.title
        assert element.findtext("link") == item.url
        assert urlsplit(item.url).netloc == HOST
        pub_date = element.findtext("pubDate")
        assert RFC822_RE.match(pub_date), pub_date
        assert parsedate_to_datetime(pub_date) == item.published
        creators = [c.text for c in element.findall("dc:creator", NS)]
        assert creators == ([", ".join(item.authors)] if item.authors else [])
        assert element.find("author") is None  # RSS <author> is for e-mail addresses
        assert [c.text for c in element.findall("category")] == list(item.categories)
        description = element.findtext("description")
        assert item.summary in lxml.html.fragment_fromstring(description, create_parent="div").text_content()
        assert item.thumbnail_url and f'src="{item.thumbnail_url}"' in description
        assert_absolute_urls(description)
        content = element.findtext("content:encoded", namespaces=NS)
        assert content == item.content_html
        assert_absolute_urls(content)
        enclosure = element.find("enclosure")
        assert item.image is not None
        assert enclosure.get("url") == item.image.url
        assert int(enclosure.get("length")) == corpus.sizes[item.guid] > 0
        assert enclosure.get("type") == "image/jpeg"
        media = element.find("media:content", NS)
        assert media.get("url") == item.image.url and media.get("medium") == "image"
        assert media.get("fileSize") == str(corpus.sizes[item.guid])
        assert element.find("media:thumbnail", NS).get("url") == item.thumbnail_url
        assert element.find("media:group", NS) is None


def test_feeds_rss_dates_keep_the_instant_in_vietnam_time(corpus: Corpus) -> None:
    channel = strict_xml(render_rss(CHANNEL, corpus.items, NOW)).find("channel")
    dates = {element.findtext("title"): element.findtext("pubDate") for element in channel.findall("item")}

    # Written as 2024-10-07 19:45+00:00: the next morning in Vietnam.
    assert dates["Lớp học “Bình dân học vụ số” & người cao tuổi"] == "Tue, 08 Oct 2024 02:45:00 +0700"
    assert dates["Tập huấn kỹ năng số cho đoàn viên"] == "Sat, 05 Oct 2024 08:30:00 +0700"


def test_feeds_rss_feedparser_sees_the_rules(corpus: Corpus) -> None:
    parsed = parsed_feed(render_rss(CHANNEL, corpus.items, NOW))
    by_guid = {item.guid: item for item in corpus.items}

    assert parsed.feed.title == CHANNEL.title
    assert parsed.feed.language == "vi"
    for entry in parsed.entries:
        item = by_guid[entry.id]
        assert entry.guidislink is False
        assert entry.link == item.url
        assert [t.term for t in entry.tags] == list(item.categories)
        # One dc:creator naming every author (newsboat keeps only the last of several).
        assert [author["name"] for author in entry.authors] == [", ".join(item.authors)]
        assert item.image is not None and entry.enclosures[0].href == item.image.url
        assert int(entry.enclosures[0].length) == corpus.sizes[item.guid]
        assert entry.media_thumbnail[0]["url"] == item.thumbnail_url


def test_feeds_rss_newest_first_and_limited(corpus: Corpus) -> None:
    expected = sorted(corpus.items, key=lambda i: i.published, reverse=True)

    channel = strict_xml(render_rss(CHANNEL, corpus.items, NOW, limit=2)).find("channel")

    assert [e.findtext("guid") for e in channel.findall("item")] == [i.guid for i in expected[:2]]


def test_feeds_default_limit_is_fifty() -> None:
    many = [_plain_item(n) for n in range(DEFAULT_LIMIT + 7)]

    assert DEFAULT_LIMIT == 50
    assert len(strict_xml(render_rss(CHANNEL, many, NOW)).findall("channel/item")) == 50
    assert len(strict_xml(render_atom(CHANNEL, many, NOW)).findall("atom:entry", NS)) == 50
    assert len(json.loads(render_json_feed(CHANNEL, many, NOW))["items"]) == 50
    newest = newest_items(many)
    assert newest[0].guid == many[-1].guid and len(newest) == 50
    with pytest.raises(ValueError, match="limit"):
        newest_items(many, -1)


def test_feeds_empty_feeds_are_valid() -> None:
    for render in (render_rss, render_atom):
        strict_xml(render(CHANNEL, [], NOW))
        parsed_feed(render(CHANNEL, [], NOW))
    assert json.loads(render_json_feed(CHANNEL, [], NOW))["items"] == []


# --- Atom -----------------------------------------------------------------------------------------


def test_feeds_atom_feed(corpus: Corpus) -> None:
    data = render_atom(CHANNEL, corpus.items, NOW)
    feed = strict_xml(data)
    parsed = parsed_feed(data)

    assert parsed.version == "atom10"
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    assert feed.findtext("atom:title", namespaces=NS) == CHANNEL.title
    assert feed.findtext("atom:subtitle", namespaces=NS) == CHANNEL.description
    assert feed.findtext("atom:updated", namespaces=NS) == NOW_RFC3339
    assert feed.findtext("atom:generator", namespaces=NS) == GENERATOR
    assert feed.findtext("atom:logo", namespaces=NS) == CHANNEL.image_url
    links = {link.get("rel"): link.get("href") for link in feed.findall("atom:link", NS)}
    assert links == {"self": SITE + "chuyen-muc/tap-huan/feed.atom", "alternate": CHANNEL.link}
    assert parsed.feed.updated == NOW_RFC3339


def test_feeds_atom_entries_one_by_one(corpus: Corpus) -> None:
    feed = strict_xml(render_atom(CHANNEL, corpus.items, NOW))
    by_guid = {item.guid: item for item in corpus.items}
    entries = feed.findall("atom:entry", NS)

    ids = [entry.findtext("atom:id", namespaces=NS) for entry in entries]
    assert len(set(ids)) == len(ids) == len(corpus.items)
    for entry in entries:
        item = by_guid[entry.findtext("atom:id", namespaces=NS)]
        assert entry.findtext("atom:title", namespaces=NS) == item.title
        published = entry.findtext("atom:published", namespaces=NS)
        assert RFC3339_RE.match(published) and datetime.fromisoformat(published) == item.published
        assert datetime.fromisoformat(entry.findtext("atom:updated", namespaces=NS)) == (item.updated or item.published)
        assert [a.findtext("atom:name", namespaces=NS) for a in entry.findall("atom:author", NS)] == list(item.authors)
        assert [c.get("term") for c in entry.findall("atom:category", NS)] == list(item.categories)
        links = entry.findall("atom:link", NS)
        assert [(link.get("rel"), link.get("href")) for link in links] == [
            ("alternate", item.url),
            ("enclosure", item.image.url if item.image else None),
        ]
        assert int(links[1].get("length")) == corpus.sizes[item.guid]
        assert links[1].get("type") == "image/jpeg"
        content = entry.find("atom:content", NS)
        assert content.get("type") == "html" and content.text == item.content_html
        assert_absolute_urls(content.text)
        summary = entry.find("atom:summary", NS)
        assert summary.get("type") == "html"
        assert_absolute_urls(summary.text)
        assert entry.find("media:thumbnail", NS).get("url") == item.thumbnail_url


def test_feeds_atom_feed_author_only_when_an_entry_has_none() -> None:
    with_authors = strict_xml(render_atom(CHANNEL, [_plain_item(1)], NOW))
    without = strict_xml(render_atom(CHANNEL, [replace(_plain_item(1), authors=())], NOW))

    assert with_authors.find("atom:author", NS) is None
    assert without.findtext("atom:author/atom:name", namespaces=NS) == CHANNEL.title
    parsed_feed(render_atom(CHANNEL, [replace(_plain_item(1), authors=())], NOW))


# --- JSON Feed ------------------------------------------------------------------------------------


def test_feeds_json_feed_required_fields(corpus: Corpus) -> None:
    data = render_json_feed(CHANNEL, corpus.items, NOW)
    feed = json.loads(data)

    assert data.endswith(b"\n")
    assert feed["version"] == JSON_FEED_VERSION == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == CHANNEL.title
    assert feed["home_page_url"] == CHANNEL.link
    assert feed["feed_url"] == SITE + "chuyen-muc/tap-huan/feed.json"
    assert feed["language"] == "vi"
    assert isinstance(feed["items"], list) and len(feed["items"]) == len(corpus.items)
    by_guid = {item.guid: item for item in corpus.items}
    ids = [entry["id"] for entry in feed["items"]]
    assert len(set(ids)) == len(ids)
    for entry in feed["items"]:
        item = by_guid[entry["id"]]
        assert isinstance(entry["id"], str) and entry["id"]
        assert "content_html" in entry or "content_text" in entry
        assert entry["url"] == item.url
        assert entry["title"] == item.title
        assert entry["content_html"] == item.content_html
        assert_absolute_urls(entry["content_html"])
        assert entry["summary"] == item.summary
        assert entry["image"] == (item.image.url if item.image else None)
        assert RFC3339_RE.match(entry["date_published"])
        assert datetime.fromisoformat(entry["date_published"]) == item.published
        if item.updated:
            assert datetime.fromisoformat(entry["date_modified"]) == item.updated
        else:
            assert "date_modified" not in entry
        assert entry["authors"] == [{"name": name} for name in item.authors]
        assert entry["tags"] == list(item.categories)
        assert all(value is not None for value in entry.values())


def test_feeds_json_feed_newest_first(corpus: Corpus) -> None:
    feed = json.loads(render_json_feed(CHANNEL, corpus.items, NOW, limit=3))

    published = [datetime.fromisoformat(entry["date_published"]) for entry in feed["items"]]
    assert published == sorted(published, reverse=True) and len(published) == 3


# --- hostile content ------------------------------------------------------------------------------

CONTROLS = "".join(chr(code) for code in range(0x20))
NFD = unicodedata.normalize("NFD", "Chuyển đổi số")
HOSTILE = f"A & B < C > D \"q\" 'q' ]]> </script> {CONTROLS} \ufffe\uffff\ud800 😀🇻🇳 {NFD}"


def _expected(text: str) -> str:
    """What must survive: the text minus the XML-illegal characters (tab, newline, CR stay), NFC.

    Names and tags are also trimmed (`.strip()` in the tests that check them)."""
    kept = "".join(
        ch for ch in text if ch in "\t\n\r" or not (ord(ch) < 0x20 or ch in "\ufffe\uffff" or 0xD800 <= ord(ch) <= 0xDFFF)
    )
    return unicodedata.normalize("NFC", kept)


def _expected_in_html(text: str) -> str:
    """The same, read back from HTML: HTML parsers turn CR and CR LF into LF."""
    return _expected(text).replace("\r\n", "\n").replace("\r", "\n")


def _hostile_item() -> FeedItem:
    return FeedItem(
        guid=f"tag:{HOST},2024-10-05:bai-viet/nguy-hiem",
        title="Tiêu đề " + HOSTILE,
        url=SITE + "bai-viet/nguy-hiem/",
        published=datetime(2024, 10, 5, 8, 30, tzinfo=VN),
        updated=None,
        authors=('Nguyễn & <Văn> "An"' + CONTROLS, NFD + " 😀"),
        categories=("Thẻ <b>" + CONTROLS, "Q&A", NFD),
        summary="Lead " + HOSTILE,
        content_html=absolutize_html(f"<p>Thân bài {HOSTILE.replace('&', '&amp;').replace('<', '&lt;')}</p>", SITE),
        image=Enclosure(SITE + "bai-viet/nguy-hiem/anh.jpg", 1234, "image/jpeg"),
        thumbnail_url=None,
        image_alt='Ảnh "bìa" & <alt>' + CONTROLS,
    )


def test_feeds_hostile_content_rss() -> None:
    item = _hostile_item()
    data = render_rss(CHANNEL, [item], NOW)

    element = strict_xml(data).find("channel/item")
    parsed = parsed_feed(data).entries[0]
    assert element.findtext("title") == _expected(item.title)
    assert parsed.title == _expected(item.title)
    assert [c.text for c in element.findall("dc:creator", NS)] == [", ".join(_expected(a).strip() for a in item.authors)]
    assert [c.text for c in element.findall("category")] == [_expected(c).strip() for c in item.categories]
    assert "😀🇻🇳" in element.findtext("title") and "Chuyển đổi số" in element.findtext("title")
    description = lxml.html.fragment_fromstring(element.findtext("description"), create_parent="div")
    assert description.text_content() == _expected_in_html(item.summary)
    assert description.find(".//img").get("alt") == _expected_in_html(item.image_alt)
    content = lxml.html.fragment_fromstring(element.findtext("content:encoded", namespaces=NS), create_parent="div")
    assert content.text_content() == "Thân bài " + _expected_in_html(HOSTILE)


def test_feeds_hostile_content_atom() -> None:
    item = _hostile_item()
    data = render_atom(CHANNEL, [item], NOW)

    entry = strict_xml(data).find("atom:entry", NS)
    parsed = parsed_feed(data).entries[0]
    assert entry.findtext("atom:title", namespaces=NS) == _expected(item.title)
    assert parsed.title == _expected(item.title)
    assert [a.findtext("atom:name", namespaces=NS) for a in entry.findall("atom:author", NS)] == [
        _expected(a).strip() for a in item.authors
    ]
    assert [c.get("term") for c in entry.findall("atom:category", NS)] == [_expected(c).strip() for c in item.categories]
    content = lxml.html.fragment_fromstring(entry.findtext("atom:content", namespaces=NS), create_parent="div")
    assert content.text_content() == "Thân bài " + _expected_in_html(HOSTILE)


def test_feeds_hostile_content_json() -> None:
    item = _hostile_item()
    data = render_json_feed(CHANNEL, [item], NOW)

    data.decode("utf-8")  # no lone surrogate made it into the bytes
    entry = json.loads(data)["items"][0]
    assert entry["title"] == _expected(item.title)
    assert entry["summary"] == _expected(item.summary)
    assert entry["authors"] == [{"name": _expected(a).strip()} for a in item.authors]
    assert entry["tags"] == [_expected(c).strip() for c in item.categories]
    assert lxml.html.fragment_fromstring(
        entry["content_html"], create_parent="div"
    ).text_content() == "Thân bài " + _expected_in_html(HOSTILE)


def test_feeds_hostile_channel_stays_valid() -> None:
    channel = replace(CHANNEL, title="Kênh " + HOSTILE, description="Mô tả " + HOSTILE)

    for render in (render_rss, render_atom):
        data = render(channel, [_hostile_item()], NOW)
        strict_xml(data)
        assert parsed_feed(data).feed.title == _expected(channel.title)
    assert json.loads(render_json_feed(channel, [_hostile_item()], NOW))["title"] == _expected(channel.title)


def test_feeds_clean_text_is_strip_control_plus_xml_rules() -> None:
    """clean_text drops exactly what strip_control drops, plus surrogates, U+FFFE and U+FFFF."""
    everything = "".join(chr(code) for code in range(0x10000)) + "\U0001f600\U0010fffd"
    surrogates_and_nonchars = re.compile("[\ud800-\udfff\ufffe\uffff]")

    expected = unicodedata.normalize("NFC", surrogates_and_nonchars.sub("", strip_control(everything)))
    assert clean_text(everything) == expected


def test_feeds_clean_text() -> None:
    assert clean_text("a\x00b\x1fc\td\ne\rf\x7fg\ufffeh\uffffi\udc00j") == "abc\td\ne\rfghij"
    assert clean_text(NFD) == "Chuyển đổi số"
    assert clean_text("😀 \U0010fffd") == "😀 \U0010fffd"


# --- reproducibility ------------------------------------------------------------------------------


def test_feeds_are_byte_reproducible_and_ignore_the_clock(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    renders = (render_rss, render_atom, render_json_feed)
    first = [render(CHANNEL, corpus.items, NOW) for render in renders]

    class ClockMeta(type):
        def __instancecheck__(cls, instance: object) -> bool:
            return isinstance(instance, datetime)

    class OtherClock(metaclass=ClockMeta):
        """feedgen's `datetime`, with a wall clock stuck in 1999."""

        @staticmethod
        def now(tz: Any = None) -> datetime:
            return datetime(1999, 12, 31, 23, 59, tzinfo=tz)

    monkeypatch.setattr(feedgen.feed, "datetime", OtherClock)
    monkeypatch.setattr(feedgen.entry, "datetime", OtherClock)
    shuffled = list(reversed(corpus.items))
    second = [render(CHANNEL, shuffled, NOW) for render in renders]

    assert first == second
    assert all(b"1999" not in data for data in second)


def test_feeds_same_date_items_have_a_stable_order() -> None:
    twins = [replace(_plain_item(1), guid=f"tag:{HOST},2024-10-01:bai-viet/{name}") for name in ("b", "a", "c")]

    assert render_rss(CHANNEL, twins, NOW) == render_rss(CHANNEL, list(reversed(twins)), NOW)


def test_feeds_refuse_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone"):
        render_rss(CHANNEL, [], datetime(2024, 10, 10, 12, 0))
    with pytest.raises(ValueError, match="timezone"):
        render_json_feed(CHANNEL, [replace(_plain_item(1), published=datetime(2024, 10, 1))], NOW)


def _plain_item(number: int) -> FeedItem:
    return FeedItem(
        guid=f"tag:{HOST},2024-01-01:bai-viet/bai-{number:03d}",
        title=f"Bài {number}",
        url=f"{SITE}bai-viet/bai-{number:03d}/",
        published=datetime(2024, 1, 1, tzinfo=VN) + timedelta(hours=number),
        updated=None,
        authors=("Ban biên tập",),
        categories=("Tập huấn",),
        summary=f"Tóm tắt {number}",
        content_html=f'<p>Nội dung <a href="{SITE}">{number}</a></p>',
        image=None,
        thumbnail_url=None,
    )
