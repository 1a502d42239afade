"""Everything partner sites subscribe to, for one build: the feeds, the embed widgets, the feed directory.

The site plan decides which feeds exist (`FeedSpec`); this module turns them into files once the
bodies are rendered: each entry becomes one `FeedItem`, reused by every feed it appears in.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree

from .. import routes
from ..content.model import Asset, Entry
from ..plan.site_plan import FeedSpec
from .feed_items import CardLookup, FeedChannel, FeedItem, ImageLookup, build_item
from .json_feed import render_json_feed
from .snippets import partner_csp, render_embed_snippets
from .widget_items import WidgetOptions
from .widget_page import render_widget_page
from .widget_script import render_widget_script
from .xml_feeds import render_atom, render_rss


def original_image(asset: Asset) -> tuple[str, int, str]:
    """The file the site serves for an asset as it is: its name beside the entry page, size, type."""
    mime = mimetypes.guess_type(asset.name)[0] or "application/octet-stream"
    return asset.name, asset.src.stat().st_size, mime


@dataclass(frozen=True)
class FeedRow:
    title: str
    count: int
    rss: str
    atom: str
    json: str
    widget: str
    script: str
    iframe_snippet: str
    script_snippet: str


@dataclass(frozen=True)
class FeedGroup:
    name: str
    anchor: str
    rows: list[FeedRow]


@dataclass(frozen=True)
class FeedDirectory:
    groups: list[FeedGroup]
    partner_csp: dict[str, str]
    """What a partner page's CSP must allow, per snippet ('iframe', 'script')."""
    resizer: str
    """Site-relative URL of the script that sizes the iframe widgets."""


def output_uris(spec: FeedSpec) -> list[str]:
    """The files one feed produces, as site-relative paths.

    Material's theme fetches `sitemap.xml` beside every `<link rel="alternate">` it finds (its
    language switcher); a feed in a sub-folder therefore gets a small sitemap of its own section,
    so the fetch finds a real file instead of a 404.
    """
    uris = [routes.feed(spec.key, "rss"), routes.feed(spec.key, "atom"), routes.feed(spec.key, "json")]
    uris += [routes.html_file(spec.widget_url), spec.script_url]
    sitemap = routes.feed_sitemap(spec.key)
    return uris if sitemap is None else [*uris, sitemap]


def render_syndication(
    feeds: list[FeedSpec],
    bodies: dict[str, str],
    site_url: str,
    now: datetime,
    logo_url: str | None = None,
    image_lookup: ImageLookup = original_image,
    options: WidgetOptions | None = None,
    card_lookup: CardLookup | None = None,
) -> tuple[dict[str, bytes], FeedDirectory]:
    """Every feed file and widget (site-relative path -> bytes), and the view of the /rss/ page.

    `bodies` maps an entry's page (`<entry.url>index.md`) to its rendered, sanitised body.
    """
    items: dict[str, FeedItem] = {}

    def item_of(entry: Entry) -> FeedItem:
        if entry.source not in items:
            body = bodies.get(routes.page_source(entry.url), "")
            items[entry.source] = build_item(entry, body, site_url, image_lookup, card_lookup=card_lookup)
        return items[entry.source]

    outputs: dict[str, bytes] = {}
    groups: dict[str, list[FeedRow]] = {}
    options = options or WidgetOptions()
    for spec in feeds:
        channel = FeedChannel(spec.title, site_url + spec.page_url, spec.description, site_url + routes.feed_base(spec.key), logo_url)
        feed_items = [item_of(entry) for entry in spec.entries]
        uris = output_uris(spec)
        outputs[uris[0]] = render_rss(channel, feed_items, now, limit=len(feed_items) or 1)
        outputs[uris[1]] = render_atom(channel, feed_items, now, limit=len(feed_items) or 1)
        outputs[uris[2]] = render_json_feed(channel, feed_items, now, limit=len(feed_items) or 1)
        outputs[uris[3]] = render_widget_page(channel, feed_items, now, site_url, options, page_url=spec.widget_url).encode()
        outputs[uris[4]] = render_widget_script(
            channel, feed_items, site_url, options, script_url=spec.script_url, key=spec.key
        ).encode()
        if len(uris) > 5:
            outputs[uris[5]] = _section_sitemap(site_url, spec)
        snippets = render_embed_snippets(
            spec.title,
            site_url + spec.widget_url,
            site_url + spec.script_url,
            key=spec.key,
            resizer_url=site_url + routes.WIDGET_RESIZER,
        )
        groups.setdefault(spec.group, []).append(
            FeedRow(
                title=spec.title,
                count=len(feed_items),
                rss=channel.rss_url,
                atom=channel.atom_url,
                json=channel.json_url,
                widget=spec.widget_url,
                script=spec.script_url,
                iframe_snippet=snippets["iframe"],
                script_snippet=snippets["script"],
            )
        )
    anchors = {
        "Toàn chuyên mục": "toan-chuyen-muc",
        "Theo chuyên mục": "theo-chuyen-muc",
        "Theo tỉnh, thành": "theo-tinh-thanh",
        "Vinh danh": "vinh-danh",
    }
    directory = FeedDirectory(
        [FeedGroup(name, anchors.get(name, f"nhom-{n}"), rows) for n, (name, rows) in enumerate(groups.items())],
        partner_csp(site_url),
        routes.WIDGET_RESIZER,
    )
    return outputs, directory


def _section_sitemap(site_url: str, spec: FeedSpec) -> bytes:
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    urlset = ElementTree.Element("urlset", xmlns=namespace)
    for url in [spec.page_url, *(entry.url for entry in spec.entries)]:
        ElementTree.SubElement(ElementTree.SubElement(urlset, "url"), "loc").text = site_url + url
    data: bytes = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
