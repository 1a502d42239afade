"""Feed items → what the partner widgets show, in the brand kit's colours.

Both widgets (the iframe page, `widget_page`, and the script, `widget_script`) show the newest
items of a feed (thumbnail, Vietnamese date, title), make no third-party request (system fonts,
images from the site itself) and open articles in the top window. `WidgetOptions` holds what an
embed may change and the colours (`brand.widget_colours` fills them from the kit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from string import Template
from urllib.parse import urlsplit

from ..content.dates import format_vn_date, to_vn
from .feed_items import FeedChannel, FeedItem, newest_items
from .feed_text import clean_text
from .widget_files import compact, widget_file

DEFAULT_PRIMARY = "#0b3d91"
DEFAULT_ACCENT = "#da251d"
DEFAULT_TEXT = "#1c2230"
DEFAULT_MUTED = "#566072"
DEFAULT_BACKGROUND = "#ffffff"
DEFAULT_RULE = "#e3e7ef"
_COLOUR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


@dataclass(frozen=True)
class WidgetOptions:
    count: int = 5
    """Items shown when the embed does not say (`?n=` / `data-so-bai`)."""
    max_items: int = 20
    """Items written into the page or script: the most an embed can ask for."""
    images: bool = True
    """Thumbnails shown when the embed does not say (`?anh=` / `data-anh`)."""
    primary: str = DEFAULT_PRIMARY
    """Titles and links: the brand kit's link colour."""
    accent: str = DEFAULT_ACCENT
    text: str = DEFAULT_TEXT
    muted: str = DEFAULT_MUTED
    """Dates and the footer line."""
    background: str = DEFAULT_BACKGROUND
    rule: str = DEFAULT_RULE
    """Lines between items and the image placeholder."""

    def __post_init__(self) -> None:
        if not 1 <= self.count <= self.max_items:
            raise ValueError(f"count must be between 1 and max_items ({self.max_items}), got {self.count}")
        for name in ("primary", "accent", "text", "muted", "background", "rule"):
            value = getattr(self, name)
            if not _COLOUR_RE.match(value):
                raise ValueError(f"{name} must be a CSS hex colour like #0b3d91, got {value!r}")


@dataclass(frozen=True)
class WidgetItem:
    """An item as both widgets show it; URLs are relative to the page or script, or absolute."""

    title: str
    url: str
    date_text: str
    date_iso: str
    image_url: str | None


def feed_key(channel: FeedChannel, site_url: str) -> str:
    """The feed's key for `data-ccds-feed`: its URL without extension, relative to the site
    ('feed', 'chuyen-muc/tap-huan/feed', 'vinh-danh/feed')."""
    site_url = with_slash(site_url)
    url = channel.feed_url_base
    return url[len(site_url) :] if url.startswith(site_url) else url


def widget_items(items: Iterable[FeedItem], options: WidgetOptions, site_url: str, base: str | None) -> list[WidgetItem]:
    """The `options.max_items` newest items, their links relative to `base` (see `site_link`)."""
    result = []
    for item in newest_items(items, options.max_items):
        image = item.thumbnail_url or (item.image.url if item.image else None)
        result.append(
            WidgetItem(
                title=clean_text(item.title),
                url=site_link(item.url, site_url, base),
                date_text=format_vn_date(item.published),
                date_iso=to_vn(item.published).isoformat(),
                image_url=site_link(image, site_url, base) if image else None,
            )
        )
    return result


def widget_css(options: WidgetOptions, *, body: bool) -> str:
    """The widget's CSS (`widget/widget.css`) in the options' colours; `body` for the iframe page
    (its own body, media queries), else for the script widget (a container, container queries)."""
    return Template(compact(widget_file("widget.css"))).substitute(
        page=f"body{{margin:0;background:{options.background}}}" if body else "",
        container="" if body else "container-type:inline-size;",
        at="@media" if body else "@container",
        primary=options.primary,
        accent=options.accent,
        text=options.text,
        muted=options.muted,
        background=options.background,
        rule=options.rule,
    )


def site_link(url: str, site_url: str, base: str | None) -> str:
    """`url` relative to the site-relative location `base` when it is on the site, else as given."""
    url = clean_text(url)
    if base is None or not url.startswith(site_url):
        return url
    path = url[len(site_url) :]
    return ("../" * base.count("/") + path) or "./"


def with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def origin(url: str) -> str:
    """'https://host:port' of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
