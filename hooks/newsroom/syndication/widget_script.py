"""The script widget: one self-contained JS file per feed (`widget/script.js` with the feed's items
embedded as JSON), so it needs no request and no CORS. It fills every placeholder

    <div data-ccds-feed="chuyen-muc/tap-huan/feed" data-so-bai="5" data-anh="1"></div>

whose `data-ccds-feed` is its feed key (or empty), inside a Shadow DOM so the host page's CSS and
the widget's CSS cannot touch each other. `data-so-bai` is the number of items, `data-anh="0"`
hides thumbnails. It builds the DOM with textContent/setAttribute only, never innerHTML; its
layout adapts to the placeholder's width by container queries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .feed_items import FeedChannel, FeedItem
from .feed_text import clean_text
from .widget_files import widget_file
from .widget_items import WidgetOptions, feed_key, site_link, widget_css, widget_items, with_slash


def render_widget_script(
    channel: FeedChannel,
    items: Iterable[FeedItem],
    site_url: str,
    options: WidgetOptions | None = None,
    *,
    script_url: str | None = None,
    key: str | None = None,
) -> str:
    """A self-contained JS file that renders the feed into `[data-ccds-feed]` placeholders.

    `script_url` is the file's own site-relative URL (e.g. 'nhung/chuyen-muc/tap-huan/widget.js'):
    when given, the embedded URLs are resolved at run time against the script's own address, so the
    widget also works from a preview or mirror; otherwise against `site_url`. `key` is the value of
    `data-ccds-feed` the script answers to (default: `feed_key(channel, site_url)`); placeholders
    with an empty `data-ccds-feed` are filled by the first widget script that runs.
    """
    options = options or WidgetOptions()
    site_url = with_slash(site_url)
    depth = script_url.count("/") if script_url is not None else 0
    data = {
        "key": clean_text(key if key is not None else feed_key(channel, site_url)),
        "title": clean_text(channel.title),
        "site": clean_text(site_url),
        "up": ("../" * depth) or "./",
        "rebase": script_url is not None,
        "link": site_link(channel.link, site_url, ""),
        "count": options.count,
        "images": options.images,
        "labels": {"empty": "Chưa có bài viết.", "more": "Xem tất cả"},
        "items": [
            {"t": item.title, "u": item.url, "d": item.date_text, "iso": item.date_iso, "i": item.image_url}
            for item in widget_items(items, options, site_url, "")
        ],
    }
    # The constant CSS first, the data last: nothing in the data can be taken for a placeholder.
    code = widget_file("script.js").replace("/*CSS*/", script_json(widget_css(options, body=False)), 1)
    return code.replace("/*DATA*/", script_json(data), 1)


def script_json(value: object) -> str:
    """JSON that is also safe inside an HTML `<script>` element: no `</script>`, `<!--` or `]]>` can
    appear in it (`<`, `>` and `&` are written as escapes). It is pure ASCII (every other character
    escaped too), so the script reads the same whatever charset the host page declares."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text
