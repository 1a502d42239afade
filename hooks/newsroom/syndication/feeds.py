"""The column's feeds (DESIGN §4, §7; issue 3): RSS 2.0 and Atom 1.0 written by feedgen, JSON Feed 1.1 by `json`.

Everything here is pure: the build hands in a channel, the items and its pinned "now", and each
renderer returns bytes that are identical for identical inputs (no wall clock, no dict-order
surprises). Partner sites read these feeds blindly, so every text value passes through
`clean_text` (XML-illegal characters dropped, NFC) and every URL in an item is absolute.

Typical use by the build, once per entry and once per feed:

    item = build_item(entry, rendered_body_html, site_url, image_lookup)
    channel = FeedChannel(title, site_url + "chuyen-muc/tap-huan/", description,
                          site_url + "chuyen-muc/tap-huan/feed", logo_url)
    rss = render_rss(channel, items, now)        # -> chuyen-muc/tap-huan/feed.xml
    atom = render_atom(channel, items, now)      # -> chuyen-muc/tap-huan/feed.atom
    json_feed = render_json_feed(channel, items, now)  # -> chuyen-muc/tap-huan/feed.json
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from feedgen.feed import FeedGenerator
from lxml import etree

from ..content.dates import to_vn
from ..content.model import Article, Asset, Entry, Initiative
from ..content.text import fold_key, nfc
from ..routes import FEED_SUFFIXES, FeedFormat

GENERATOR = "chuyen-muc-chuyen-doi-so"
"""The project's name, written as the feeds' generator."""
DEFAULT_LIMIT = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

FEED_MIME_TYPES: dict[FeedFormat, str] = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}

# XML 1.0 allows tab, newline, CR, U+0020-U+D7FF, U+E000-U+FFFD and the astral planes. This is
# `strip_control` (the Cc controls, U+0000-U+001F and U+007F-U+009F, but tab, newline, CR) plus what
# it leaves that XML forbids (surrogates, U+FFFE, U+FFFF), as one regex: a feed cleans every body
# on every render, and a character-by-character loop costs ~1 ms per article.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_URL_ATTRIBUTES = ("href", "src")
_KEPT_SCHEMES_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@lru_cache(maxsize=32768)
def clean_text(text: str) -> str:
    """Text safe for any feed: XML-illegal characters dropped, then NFC.

    Dropped: what `strip_control` drops (U+0000-U+001F except tab, newline and CR; U+007F-U+009F),
    plus lone surrogates, U+FFFE and U+FFFF. Cached: an item's texts are cleaned once, however
    many feeds (column, category, province; three formats each) carry it.
    """
    if _XML_ILLEGAL_RE.search(text):
        text = _XML_ILLEGAL_RE.sub("", text)
    return text if unicodedata.is_normalized("NFC", text) else nfc(text)


@dataclass(frozen=True)
class FeedChannel:
    """What a feed is about: the column, one category, one province or the honours gallery."""

    title: str
    link: str
    """Absolute URL of the HTML page the feed mirrors (its listing)."""
    description: str
    feed_url_base: str
    """Absolute URL of the feed without extension, e.g. 'https://host/chuyen-muc/tap-huan/feed'."""
    image_url: str | None
    """Absolute URL of the brand logo (RSS <image>, Atom <logo>)."""
    language: str = "vi"

    def feed_url(self, fmt: FeedFormat) -> str:
        return self.feed_url_base + FEED_SUFFIXES[fmt]

    @property
    def rss_url(self) -> str:
        return self.feed_url("rss")

    @property
    def atom_url(self) -> str:
        return self.feed_url("atom")

    @property
    def json_url(self) -> str:
        return self.feed_url("json")


@dataclass(frozen=True)
class Enclosure:
    url: str
    """Absolute URL of the file."""
    length: int
    """Exact size of the file in bytes."""
    mime_type: str


@dataclass(frozen=True)
class FeedItem:
    """One entry as every feed format sees it; URLs are absolute."""

    guid: str
    title: str
    url: str
    published: datetime
    updated: datetime | None
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    summary: str
    """Plain-text lead (the entry's description)."""
    content_html: str
    """The full body, every link and image URL already absolute."""
    image: Enclosure | None
    thumbnail_url: str | None
    image_alt: str = ""


ImageLookup = Callable[[Asset], tuple[str, int, str]]
"""asset -> (URL relative to the entry page, length in bytes, MIME type) of the file the site serves."""
ThumbnailLookup = Callable[[Asset], str]
"""asset -> URL (relative to the entry page) of a small variant, for descriptions and media:thumbnail."""
CardLookup = Callable[[Entry], tuple[str, int] | None]
"""entry -> (site-relative URL, length in bytes) of its JPEG social card, the image of an entry without a cover."""


# --- HTML -------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # a preview rebuild makes the same items again: the same body, the same page
def absolutize_html(html_text: str, page_url: str) -> str:
    """Make every href, src and srcset URL of an HTML fragment absolute against `page_url`.

    Relative (`anh.jpg`, `../x/`), root-relative (`/x`) and scheme-relative (`//host/x`) URLs are
    resolved, bare fragments (`#id`) too, so they point into the article rather than the feed's page;
    URLs with a scheme (`https:`, `mailto:`, `tel:`, `data:`) are kept as written. Heading permalinks
    (`a.headerlink`) are dropped. Characters XML cannot carry are dropped (see `clean_text`); the markup is
    otherwise re-serialised as parsed, by lxml's HTML parser.
    """
    text = _XML_ILLEGAL_RE.sub("", html_text)
    if not text.strip():
        return text
    wrapper = lxml.html.fragment_fromstring(text, create_parent="div")
    for permalink in wrapper.xpath('.//a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'):
        permalink.drop_tree()  # heading permalinks: a stray "¶" in feed readers
    for element in wrapper.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, absolute_url(value, page_url))
        srcset = element.get("srcset")
        if srcset is not None:
            element.set("srcset", _absolutize_srcset(srcset, page_url))
    for source in wrapper.iter("source"):  # lxml's parser nests a picture's <img> inside the void <source>
        for child in reversed(list(source)):
            source.addnext(child)
    serialised = str(lxml.html.tostring(wrapper, encoding="unicode")).replace("</source>", "")
    return serialised.removeprefix("<div>").removesuffix("</div>")


def absolute_url(url: str, base: str) -> str:
    """`url` resolved against `base` (fragments too: `#x` -> `<base>#x`), except URLs with a scheme."""
    stripped = url.strip()
    if not stripped or _KEPT_SCHEMES_RE.match(stripped):
        return stripped
    return urljoin(base, stripped)


def _absolutize_srcset(srcset: str, base: str) -> str:
    """Resolve each candidate URL of a srcset ('a.webp 480w, b.webp 960w'), keeping descriptors."""
    candidates: list[str] = []
    position, size = 0, len(srcset)
    while position < size:
        while position < size and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < size and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            start = position
            while position < size and srcset[position] != ",":
                position += 1
            descriptor = srcset[start:position].strip()
        if url:
            resolved = absolute_url(url, base)
            candidates.append(f"{resolved} {descriptor}" if descriptor else resolved)
    return ", ".join(candidates)


# --- items ------------------------------------------------------------------------------------


def build_item(
    entry: Entry,
    body_html: str,
    site_url: str,
    image_length_lookup: ImageLookup,
    *,
    thumbnail_lookup: ThumbnailLookup | None = None,
    card_lookup: CardLookup | None = None,
) -> FeedItem:
    """A feed item from an article or initiative and its rendered (sanitised) body HTML.

    `body_html` has URLs relative to the entry page (`site_url + entry.url`); `site_url` is the
    absolute site root with a trailing slash. The cover (an article's `cover`, an initiative's first
    image) goes through `image_length_lookup`, because the image pipeline decides which file the
    site serves; `thumbnail_lookup`, when given, names a smaller variant for thumbnails. An entry
    without a cover gets its social card (`card_lookup`) as image, so every item has one.
    """
    if not site_url.endswith("/"):
        site_url += "/"
    page_url = site_url + entry.url
    host = urlsplit(site_url).hostname or "localhost"
    if isinstance(entry, Article):
        cover = entry.cover
        authors = entry.authors
        categories: tuple[str, ...] = (entry.category.name, *(tag.name for tag in entry.tags))
    elif isinstance(entry, Initiative):
        cover = entry.images[0] if entry.images else None
        authors = tuple(member.name for member in entry.members) or ((entry.team,) if entry.team else ())
        categories = (entry.field.name, *((entry.award.name,) if entry.award else ()))
    else:
        raise TypeError(f"build_item needs an Article or an Initiative, got {type(entry).__name__}")
    image = None
    thumbnail_url = None
    if cover is not None:
        relative, length, mime_type = image_length_lookup(cover.asset)
        image = Enclosure(url=urljoin(page_url, relative), length=length, mime_type=mime_type)
        thumbnail_url = urljoin(page_url, thumbnail_lookup(cover.asset)) if thumbnail_lookup else image.url
    elif card_lookup is not None and (card := card_lookup(entry)) is not None:
        image = Enclosure(url=site_url + card[0], length=card[1], mime_type="image/jpeg")
        thumbnail_url = image.url
    return FeedItem(
        guid=entry.guid(host),
        title=entry.title,
        url=page_url,
        published=entry.date,
        updated=entry.updated,
        authors=_unique(authors),
        categories=_unique_folded(categories),
        summary=entry.description,
        content_html=absolutize_html(body_html, page_url),
        image=image,
        thumbnail_url=thumbnail_url,
        image_alt=cover.alt if cover else "",
    )


def newest_items(items: Iterable[FeedItem], limit: int = DEFAULT_LIMIT) -> list[FeedItem]:
    """The `limit` newest items, newest first (ties broken by GUID, so the order is stable)."""
    if limit < 0:
        raise ValueError(f"limit must be 0 or more, got {limit}")
    ordered = sorted(items, key=lambda item: (item.published, item.guid), reverse=True)
    return ordered[:limit]


def description_html(item: FeedItem) -> str:
    """The item's description as Vietnamese news feeds write it: the thumbnail (linked), then the lead."""
    lead = f"<p>{html.escape(clean_text(item.summary), quote=False)}</p>"
    thumbnail = item.thumbnail_url or (item.image.url if item.image else None)
    if not thumbnail:
        return lead
    link = html.escape(clean_text(item.url))
    source = html.escape(clean_text(thumbnail))
    alt = html.escape(clean_text(item.image_alt))
    return f'<p><a href="{link}"><img src="{source}" alt="{alt}"></a></p>{lead}'


# --- renderers --------------------------------------------------------------------------------


def render_rss(channel: FeedChannel, items: Iterable[FeedItem], now: datetime, limit: int = DEFAULT_LIMIT) -> bytes:
    """RSS 2.0 with content:encoded, dc:creator, enclosure and media:content/media:thumbnail."""
    generator = _channel_generator(channel, now, "rss")
    generator.load_extension("dc", atom=False, rss=True)
    generator.load_extension("media", atom=False, rss=True)
    for item in newest_items(items, limit):
        entry = generator.add_entry(order="append")
        entry.guid(clean_text(item.guid), permalink=False)
        entry.title(clean_text(item.title))
        entry.link(href=clean_text(item.url))
        entry.description(description_html(item))
        entry.content(clean_text(item.content_html))
        entry.published(_vn(item.published))
        entry.updated(_vn(item.updated or item.published))
        authors = _texts(item.authors)
        if authors:
            entry.dc.dc_creator(", ".join(authors))  # one creator: several make readers keep only the last
        for category in _texts(item.categories):
            entry.category(term=category)
        _add_media(entry, item, "rss")
    return bytes(generator.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def render_atom(channel: FeedChannel, items: Iterable[FeedItem], now: datetime, limit: int = DEFAULT_LIMIT) -> bytes:
    """Atom 1.0: html content and summary, one <author><name> per author, the cover as an enclosure link."""
    generator = _channel_generator(channel, now, "atom")
    generator.load_extension("media", atom=True, rss=False)
    generator.register_extension("atom_links", _NoFeedExtension, _AtomEntryLinks, atom=True, rss=False)
    selected = newest_items(items, limit)
    if any(not _texts(item.authors) for item in selected):
        generator.author(name=clean_text(channel.title))  # RFC 4287: every entry needs an author
    for item in selected:
        entry = generator.add_entry(order="append")
        entry.id(clean_text(item.guid))
        entry.title(clean_text(item.title))
        entry.atom_links.add(href=clean_text(item.url), rel="alternate", type="text/html")
        entry.published(_vn(item.published))
        entry.updated(_vn(item.updated or item.published))
        for author in _texts(item.authors):
            entry.author(name=author)
        for category in _texts(item.categories):
            entry.category(term=category)
        entry.summary(description_html(item), type="html")
        entry.content(clean_text(item.content_html), type="html")
        _add_media(entry, item, "atom")
    return bytes(generator.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def render_json_feed(channel: FeedChannel, items: Iterable[FeedItem], now: datetime, limit: int = DEFAULT_LIMIT) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), UTF-8, keys in a fixed order.

    `now` is accepted for symmetry with the XML feeds; JSON Feed has no build date.
    """
    _vn(now)  # the same contract as the XML feeds: an aware datetime
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": clean_text(channel.title),
        "home_page_url": clean_text(channel.link),
        "feed_url": clean_text(channel.json_url),
        "description": clean_text(channel.description),
        "language": clean_text(channel.language),
    }
    feed["items"] = [_json_item(item) for item in newest_items(items, limit)]
    text = json.dumps(feed, ensure_ascii=False, separators=(",", ":"))  # compact: the C encoder, 5x faster
    return (text + "\n").encode("utf-8")


def _json_item(item: FeedItem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clean_text(item.guid),
        "url": clean_text(item.url),
        "title": clean_text(item.title),
        "content_html": clean_text(item.content_html),
        "summary": clean_text(item.summary),
    }
    if item.image:
        data["image"] = clean_text(item.image.url)
    data["date_published"] = _rfc3339(item.published)
    if item.updated:
        data["date_modified"] = _rfc3339(item.updated)
    authors = _texts(item.authors)
    if authors:
        data["authors"] = [{"name": name} for name in authors]
    tags = _texts(item.categories)
    if tags:
        data["tags"] = list(tags)
    return data


def _channel_generator(channel: FeedChannel, now: datetime, fmt: FeedFormat) -> Any:
    """A FeedGenerator with the channel's fields set; the build date is `now`, never the clock."""
    generator = FeedGenerator()
    title = clean_text(channel.title)
    link = clean_text(channel.link)
    generator.id(clean_text(channel.feed_url(fmt)))
    generator.title(title)
    generator.description(clean_text(channel.description) or title)
    generator.language(clean_text(channel.language))
    generator.generator(GENERATOR)
    generator.docs("https://www.rssboard.org/rss-specification")
    # feedgen uses the last link as the RSS <link>: the self link first, the page last.
    generator.link(href=clean_text(channel.feed_url(fmt)), rel="self", type=FEED_MIME_TYPES[fmt])
    generator.link(href=link, rel="alternate", type="text/html")
    if channel.image_url:
        generator.image(url=clean_text(channel.image_url), title=title, link=link)
    generator.lastBuildDate(_vn(now))
    return generator


class _NoFeedExtension:
    """The feed-level half of a feedgen extension that only acts on entries."""

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_atom(self, feed: Any) -> Any:
        return feed

    def extend_rss(self, feed: Any) -> Any:
        return feed


class _AtomEntryLinks(_NoFeedExtension):
    """Atom entry links with their attributes.

    feedgen 1.0's `FeedEntry.atom_entry` drops `rel`, `type` and `length` of entry links (a
    shadowed loop variable), which would turn the enclosure into a second alternate link; this
    writes the links itself.
    """

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def add(self, **attributes: str) -> None:
        self.links.append(attributes)

    def extend_atom(self, feed: Any) -> Any:
        for attributes in self.links:
            etree.SubElement(feed, "link", attributes)
        return feed


def _add_media(entry: Any, item: FeedItem, fmt: FeedFormat) -> None:
    if item.image is None:
        return
    url = clean_text(item.image.url)
    mime_type = clean_text(item.image.mime_type)
    length = str(item.image.length)
    if fmt == "atom":
        entry.atom_links.add(href=url, rel="enclosure", type=mime_type, length=length)
    else:
        entry.enclosure(url=url, length=length, type=mime_type)
    entry.media.content(url=url, fileSize=length, type=mime_type, medium="image", group=None)
    entry.media.thumbnail(url=clean_text(item.thumbnail_url or item.image.url), group=None)


def _vn(moment: datetime) -> datetime:
    """The same instant in Vietnam time (+07:00), whole seconds."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"feeds need timezone-aware datetimes, got {moment!r}")
    return to_vn(moment).replace(microsecond=0)


def _rfc3339(moment: datetime) -> str:
    return _vn(moment).isoformat()


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    """Cleaned, non-blank values, first spelling of each kept."""
    return _unique(clean_text(value).strip() for value in values)


def _unique_folded(values: Iterable[str]) -> tuple[str, ...]:
    """First spelling of each value, compared ignoring case and tone marks."""
    seen: dict[str, str] = {}
    for value in values:
        if value and fold_key(value) not in seen:
            seen[fold_key(value)] = value
    return tuple(seen.values())


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return tuple(seen)
