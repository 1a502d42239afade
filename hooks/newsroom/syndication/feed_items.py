"""Entries → feed items: one `FeedItem` per article or initiative, the same for every feed and format.

Everything here is pure: the build hands in an entry, its rendered body and lookups for the files
the site serves, and gets back an item whose URLs are all absolute. The renderers
(`xml_feeds`, `json_feed`) and the widgets read items only.

Typical use by the build, once per entry and once per feed:

    item = build_item(entry, rendered_body_html, site_url, image_lookup)
    channel = FeedChannel(title, site_url + "chuyen-muc/tap-huan/", description,
                          site_url + "chuyen-muc/tap-huan/feed", logo_url)
    rss = render_rss(channel, items, now)        # -> chuyen-muc/tap-huan/feed.xml
    atom = render_atom(channel, items, now)      # -> chuyen-muc/tap-huan/feed.atom
    json_feed = render_json_feed(channel, items, now)  # -> chuyen-muc/tap-huan/feed.json
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from ..content.dates import to_vn
from ..content.model import Article, Asset, Entry, Initiative
from ..routes import FEED_SUFFIXES, FeedFormat
from .feed_text import absolutize_html, unique, unique_folded

DEFAULT_LIMIT = 50


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
        authors=unique(authors),
        categories=unique_folded(categories),
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


def vn_moment(moment: datetime) -> datetime:
    """The same instant in Vietnam time (+07:00), whole seconds: how every feed writes its dates."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"feeds need timezone-aware datetimes, got {moment!r}")
    return to_vn(moment).replace(microsecond=0)
