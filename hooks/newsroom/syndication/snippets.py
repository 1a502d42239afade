"""The copy-paste HTML a partner puts on its page for each widget (`widget/snippet-*.html`), the
iframe's height before `khung.js` sizes it, and what the partner's CSP must allow. The feed
directory (`/rss/`) shows them."""

from __future__ import annotations

from .. import routes
from .feed_text import clean_text
from .widget_files import snippet_template
from .widget_items import origin, with_slash

FRAME_CHROME = 140
FRAME_ITEM = 106
"""The compact iframe's most height (px), at any width: the top rule, padding, a title and footer
of at most two lines, and per item a thumbnail or three lines of title and a date. The browser
tests check it at 280, 360, 640 and 800 px."""


def render_embed_snippets(
    feed_name: str,
    widget_url: str,
    script_url: str,
    *,
    key: str = "",
    count: int = 5,
    images: bool = True,
    max_items: int = 20,
    height: int | None = None,
    resizer_url: str | None = None,
) -> dict[str, str]:
    """The copy-paste HTML for a partner page: {'iframe': ..., 'script': ...}.

    `feed_name` is the human name (the iframe's accessible title); `widget_url` and `script_url`
    are absolute; `key` is the feed's `feed_key` (an empty key lets the script fill any placeholder).
    The iframe snippet loads `khung.js` from the widgets' folder (`resizer_url`, default: beside
    `widget_url`'s folder) to size the frame; its `height` fits the compact layout without it.
    No snippet needs an inline style or script on the partner's page.
    """
    frame_height = height if height is not None else frame_height_for(count)
    anh = "1" if images else "0"
    return {
        "iframe": snippet_template("snippet-iframe.html").render(
            src=f"{clean_text(widget_url)}?n={count}&anh={anh}",
            title=clean_text(feed_name),
            height=frame_height,
            max_items=max_items,
            resizer=clean_text(resizer_url if resizer_url is not None else _resizer_beside(widget_url)),
        ),
        "script": snippet_template("snippet-script.html").render(
            key=clean_text(key), count=count, anh=anh, src=clean_text(script_url), max_items=max_items
        ),
    }


def frame_height_for(count: int) -> int:
    return FRAME_CHROME + FRAME_ITEM * count


def partner_csp(site_url: str) -> dict[str, str]:
    """What a partner page's Content-Security-Policy must allow for each snippet, by snippet."""
    site = origin(with_slash(site_url))
    return {"iframe": f"frame-src {site}; script-src {site}", "script": f"script-src {site}; img-src {site}"}


def _resizer_beside(widget_url: str) -> str:
    """'https://x/nhung/chuyen-muc/a/' -> 'https://x/nhung/khung.js' (in the widgets' folder)."""
    head, found, _ = widget_url.rpartition("/" + routes.WIDGETS)
    return f"{head}/{routes.WIDGET_RESIZER}" if found else routes.WIDGET_RESIZER
