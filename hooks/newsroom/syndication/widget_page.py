"""The iframe widget: a standalone static page per feed, e.g. `/nhung/<feed>/` (`widget/page.html`).

Its layout adapts to the frame's width (smaller thumbnails under 360 px, larger from 560 px). It
tells the partner page its height (`postMessage`), and `nhung/khung.js`, loaded by the snippet,
sizes the iframe to it; without that script, titles are cut to three lines so that every item fits
the snippet's fixed height at any width from 280 to 800 px. Its own URL takes two options, read by
its small script (`widget/page.js`):

    ?n=5      number of items shown (1 to the number written into the page, `max_items`)
    ?anh=0    no thumbnails (`anh=1` shows them when the page's default is off)
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from datetime import datetime

from markupsafe import Markup

from ..content.dates import format_vn_datetime, to_vn
from .feed_items import FeedChannel, FeedItem
from .feed_text import clean_text
from .widget_files import compact, widget_file, widget_template
from .widget_items import WidgetOptions, origin, site_link, widget_css, widget_items, with_slash


def render_widget_page(
    channel: FeedChannel,
    items: Iterable[FeedItem],
    now: datetime,
    site_url: str,
    options: WidgetOptions | None = None,
    *,
    page_url: str | None = None,
) -> str:
    """The standalone HTML page an `<iframe>` shows (lang vi, inline CSS and script, no third party).

    `page_url` is the page's own site-relative URL (e.g. 'nhung/chuyen-muc/tap-huan/'): when given,
    links and images are written relative to it, so the page works on any host that serves the
    site (preview, mirror); otherwise they are absolute. `now` is shown as the update time.
    """
    options = options or WidgetOptions()
    site_url = with_slash(site_url)
    css = widget_css(options, body=True)
    script = compact(widget_file("page.js"))
    csp = "; ".join(
        [
            "default-src 'none'",
            f"img-src 'self' {origin(site_url)}",
            f"style-src {_csp_hash(css)}",
            f"script-src {_csp_hash(script)}",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return widget_template("page.html").render(
        title=clean_text(channel.title),
        link=site_link(channel.link, site_url, page_url),
        items=widget_items(items, options, site_url, page_url),
        count=options.count,
        images=options.images,
        css=Markup(css),  # built from validated colours and constants only
        script=Markup(script),  # a constant file
        csp=csp,
        updated_text=format_vn_datetime(now),
        updated_iso=to_vn(now).isoformat(),
    )


def _csp_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
