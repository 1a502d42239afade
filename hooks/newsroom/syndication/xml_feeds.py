"""Feed items → RSS 2.0 and Atom 1.0, written by feedgen.

Each renderer returns bytes that are identical for identical inputs: the build date is the pinned
"now" handed in, never the clock, and every text value passes through `clean_text`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from feedgen.feed import FeedGenerator
from lxml import etree

from ..routes import FeedFormat
from .feed_items import DEFAULT_LIMIT, FeedChannel, FeedItem, newest_items, vn_moment
from .feed_text import clean_text, clean_texts

GENERATOR = "chuyen-muc-chuyen-doi-so"
"""The project's name, written as the feeds' generator."""

FEED_MIME_TYPES: dict[FeedFormat, str] = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


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
        entry.published(vn_moment(item.published))
        entry.updated(vn_moment(item.updated or item.published))
        authors = clean_texts(item.authors)
        if authors:
            entry.dc.dc_creator(", ".join(authors))  # one creator: several make readers keep only the last
        for category in clean_texts(item.categories):
            entry.category(term=category)
        _add_media(entry, item, "rss")
    return bytes(generator.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def render_atom(channel: FeedChannel, items: Iterable[FeedItem], now: datetime, limit: int = DEFAULT_LIMIT) -> bytes:
    """Atom 1.0: html content and summary, one <author><name> per author, the cover as an enclosure link."""
    generator = _channel_generator(channel, now, "atom")
    generator.load_extension("media", atom=True, rss=False)
    generator.register_extension("atom_links", _NoFeedExtension, _AtomEntryLinks, atom=True, rss=False)
    selected = newest_items(items, limit)
    if any(not clean_texts(item.authors) for item in selected):
        generator.author(name=clean_text(channel.title))  # RFC 4287: every entry needs an author
    for item in selected:
        entry = generator.add_entry(order="append")
        entry.id(clean_text(item.guid))
        entry.title(clean_text(item.title))
        entry.atom_links.add(href=clean_text(item.url), rel="alternate", type="text/html")
        entry.published(vn_moment(item.published))
        entry.updated(vn_moment(item.updated or item.published))
        for author in clean_texts(item.authors):
            entry.author(name=author)
        for category in clean_texts(item.categories):
            entry.category(term=category)
        entry.summary(description_html(item), type="html")
        entry.content(clean_text(item.content_html), type="html")
        _add_media(entry, item, "atom")
    return bytes(generator.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True))


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
    generator.lastBuildDate(vn_moment(now))
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
