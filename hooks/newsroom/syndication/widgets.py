"""Embeds for partner pages (issue 3 §5): an `<iframe>` widget page and a script widget per feed.

Both show the newest items of a feed (thumbnail, Vietnamese date, title) in the brand colours,
make no third-party request (system fonts, images from the site itself) and open articles in the
top window.

The iframe widget (`render_widget_page`) is a standalone static page, e.g. `/nhung/<feed>/`. Its
layout adapts to the frame's width (smaller thumbnails under 360 px, larger from 560 px; the script
widget does the same by container query on its placeholder). It tells the partner page its height
(`postMessage`), and `nhung/khung.js`, loaded by the snippet, sizes the iframe to it; without that
script, titles are cut to three lines so that every item fits the snippet's fixed height at any
width from 280 to 800 px. Its own URL takes two options, read by a tiny inline script:

    ?n=5      number of items shown (1 to the number written into the page, `max_items`)
    ?anh=0    no thumbnails (`anh=1` shows them when the page's default is off)

The script widget (`render_widget_script`) is one self-contained JS file per feed, with the items
embedded as JSON, so it needs no request and no CORS. It fills every placeholder

    <div data-ccds-feed="chuyen-muc/tap-huan/feed" data-so-bai="5" data-anh="1"></div>

whose `data-ccds-feed` is its feed key (or empty), inside a Shadow DOM so the host page's CSS and
the widget's CSS cannot touch each other. `data-so-bai` is the number of items, `data-anh="0"`
hides thumbnails. It builds the DOM with textContent/setAttribute only, never innerHTML.

`render_embed_snippets` gives the copy-paste HTML of both for the feed directory (`/rss/`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from .. import routes
from ..content.dates import format_vn_date, format_vn_datetime, to_vn
from .feeds import FeedChannel, FeedItem, clean_text, newest_items

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
    return _site_relative(channel.feed_url_base, site_url)


# --- the iframe widget ------------------------------------------------------------------------


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
    site_url = _with_slash(site_url)
    css = _widget_css(options, body=True)
    script = _PAGE_SCRIPT
    csp = "; ".join(
        [
            "default-src 'none'",
            f"img-src 'self' {_origin(site_url)}",
            f"style-src {_csp_hash(css)}",
            f"script-src {_csp_hash(script)}",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return _PAGE_TEMPLATE.render(
        title=clean_text(channel.title),
        link=_link(channel.link, site_url, page_url),
        items=_widget_items(items, options, site_url, page_url),
        count=options.count,
        images=options.images,
        css=Markup(css),  # built from validated colours and constants only
        script=Markup(script),  # a constant
        csp=csp,
        updated_text=format_vn_datetime(now),
        updated_iso=to_vn(now).isoformat(),
    )


# --- the script widget ------------------------------------------------------------------------


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
    site_url = _with_slash(site_url)
    depth = script_url.count("/") if script_url is not None else 0
    data = {
        "key": clean_text(key if key is not None else feed_key(channel, site_url)),
        "title": clean_text(channel.title),
        "site": clean_text(site_url),
        "up": ("../" * depth) or "./",
        "rebase": script_url is not None,
        "link": _link(channel.link, site_url, ""),
        "count": options.count,
        "images": options.images,
        "labels": {"empty": "Chưa có bài viết.", "more": "Xem tất cả"},
        "items": [
            {"t": item.title, "u": item.url, "d": item.date_text, "iso": item.date_iso, "i": item.image_url}
            for item in _widget_items(items, options, site_url, "")
        ],
    }
    # The constant CSS first, the data last: nothing in the data can be taken for a placeholder.
    code = _SCRIPT_TEMPLATE.replace("/*CSS*/", script_json(_widget_css(options, body=False)), 1)
    return code.replace("/*DATA*/", script_json(data), 1)


def script_json(value: object) -> str:
    """JSON that is also safe inside an HTML `<script>` element: no `</script>`, `<!--` or `]]>` can
    appear in it (`<`, `>` and `&` are written as escapes). It is pure ASCII (every other character
    escaped too), so the script reads the same whatever charset the host page declares."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text


# --- snippets ---------------------------------------------------------------------------------


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
        "iframe": _SNIPPET_IFRAME.render(
            src=f"{clean_text(widget_url)}?n={count}&anh={anh}",
            title=clean_text(feed_name),
            height=frame_height,
            max_items=max_items,
            resizer=clean_text(resizer_url if resizer_url is not None else _resizer_beside(widget_url)),
        ),
        "script": _SNIPPET_SCRIPT.render(
            key=clean_text(key), count=count, anh=anh, src=clean_text(script_url), max_items=max_items
        ),
    }


FRAME_CHROME = 140
FRAME_ITEM = 106
"""The compact iframe's most height (px), at any width: the top rule, padding, a title and footer
of at most two lines, and per item a thumbnail or three lines of title and a date. The browser
tests check it at 280, 360, 640 and 800 px."""


def frame_height_for(count: int) -> int:
    return FRAME_CHROME + FRAME_ITEM * count


def resizer_source() -> str:
    """`routes.WIDGET_RESIZER`, the script that sizes the iframes of a partner page (a constant file)."""
    return (Path(__file__).with_name("khung.js")).read_text(encoding="utf-8")


def partner_csp(site_url: str) -> dict[str, str]:
    """What a partner page's Content-Security-Policy must allow for each snippet, by snippet."""
    origin = _origin(_with_slash(site_url))
    return {"iframe": f"frame-src {origin}; script-src {origin}", "script": f"script-src {origin}; img-src {origin}"}


def _resizer_beside(widget_url: str) -> str:
    """'https://x/nhung/chuyen-muc/a/' -> 'https://x/nhung/khung.js' (in the widgets' folder)."""
    head, found, _ = widget_url.rpartition("/" + routes.WIDGETS)
    return f"{head}/{routes.WIDGET_RESIZER}" if found else routes.WIDGET_RESIZER


# --- helpers ----------------------------------------------------------------------------------


def _widget_items(items: Iterable[FeedItem], options: WidgetOptions, site_url: str, base: str | None) -> list[WidgetItem]:
    result = []
    for item in newest_items(items, options.max_items):
        image = item.thumbnail_url or (item.image.url if item.image else None)
        result.append(
            WidgetItem(
                title=clean_text(item.title),
                url=_link(item.url, site_url, base),
                date_text=format_vn_date(item.published),
                date_iso=to_vn(item.published).isoformat(),
                image_url=_link(image, site_url, base) if image else None,
            )
        )
    return result


def _link(url: str, site_url: str, base: str | None) -> str:
    """`url` relative to the site-relative location `base` when it is on the site, else as given."""
    url = clean_text(url)
    if base is None or not url.startswith(site_url):
        return url
    path = url[len(site_url) :]
    return ("../" * base.count("/") + path) or "./"


def _site_relative(url: str, site_url: str) -> str:
    site_url = _with_slash(site_url)
    return url[len(site_url) :] if url.startswith(site_url) else url


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _csp_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _widget_css(options: WidgetOptions, *, body: bool) -> str:
    """The widget's CSS (class selectors only, so it also works without Shadow DOM)."""
    page = f"body{{margin:0;background:{options.background}}}" if body else ""
    at = "@media" if body else "@container"
    return (
        page + f".ccds{{all:initial;display:block;box-sizing:border-box;{'' if body else 'container-type:inline-size;'}padding:12px 14px;background:{options.background};color:{options.text};"
        'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;'
        f"border-top:4px solid {options.accent}}}"
        ".ccds *{box-sizing:border-box}"
        ".ccds-tieu-de{margin:0 0 6px;font-size:17px;font-weight:700;line-height:1.3}"
        f".ccds-tieu-de a{{color:{options.primary};text-decoration:none}}"
        ".ccds-ds{list-style:none;margin:0;padding:0}"
        f".ccds-ds li{{display:flex;gap:10px;align-items:flex-start;margin:0;padding:8px 0;border-top:1px solid {options.rule}}}"
        ".ccds-ds li:first-child{border-top:0}"
        ".ccds-ds li[hidden]{display:none}"
        f".ccds-ds img{{flex:none;display:block;width:96px;height:64px;object-fit:cover;border-radius:4px;background:{options.rule}}}"
        ".ccds-khong-anh img{display:none}"
        ".ccds-chu{min-width:0}"
        f".ccds-ds a{{color:{options.text};font-weight:600;text-decoration:none;overflow-wrap:anywhere}}"
        f".ccds a:hover{{color:{options.primary};text-decoration:underline}}"
        f".ccds a:focus-visible{{outline:2px solid {options.accent};outline-offset:2px}}"
        f".ccds-ngay{{display:block;margin-top:2px;color:{options.muted};font-size:13px}}"
        f".ccds-chan{{margin:8px 0 0;font-size:13px;color:{options.muted}}}"
        f".ccds-chan a{{color:{options.primary};font-weight:600}}"
        # The width adapts: the iframe's viewport is the frame (media queries); the script widget asks
        # its placeholder's width (container queries: the partner page's viewport says nothing of it).
        f"{at} (max-width:359px){{.ccds-ds li{{gap:8px}}.ccds-ds img{{width:72px;height:48px}}}}"
        f"{at} (min-width:560px){{.ccds-ds img{{width:120px;height:80px}}}}"
        # Compact (the iframe until khung.js sizes it): heights bounded, see FRAME_CHROME.
        ".ccds-gon .ccds-tieu-de,.ccds-gon .ccds-ds a,.ccds-gon .ccds-chan"
        "{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}"
        ".ccds-gon .ccds-tieu-de,.ccds-gon .ccds-chan{-webkit-line-clamp:2}"
        ".ccds-gon .ccds-ds a{-webkit-line-clamp:3}"
    )


_PAGE_SCRIPT = (
    "(function(){"
    '"use strict";'
    'var list=document.getElementById("ccds-ds");'
    "if(list){"
    "var query=window.location.search;"
    "var n=/[?&]n=(\\d+)/.exec(query);"
    "var anh=/[?&]anh=([01])/.exec(query);"
    'var items=list.getElementsByTagName("li");'
    "if(n){"
    "var count=Math.max(1,Math.min(parseInt(n[1],10),items.length));"
    "for(var i=0;i<items.length;i++){items[i].hidden=i>=count;}"
    "}"
    'if(anh){list.className=anh[1]==="0"?"ccds-ds ccds-khong-anh":"ccds-ds";}'
    "}"
    # The partner page's khung.js asks for the height: titles are shown whole, the height follows.
    'var main=document.getElementById("ccds");'
    "function report(){"
    "if(window.parent===window){return;}"
    'window.parent.postMessage({ccds:"chieu-cao",h:Math.ceil(main.getBoundingClientRect().height)},"*");'
    "}"
    'window.addEventListener("message",function(event){'
    'if(event.source!==window.parent||!event.data||event.data.ccds!=="hoi-chieu-cao"){return;}'
    'main.className="ccds";report();'
    "});"
    'if(window.ResizeObserver){new ResizeObserver(report).observe(main);}'
    'else{window.addEventListener("resize",report);}'
    "})();"
)

_ENV = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

_PAGE_TEMPLATE = _ENV.from_string(
    """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="robots" content="noindex">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<main class="ccds ccds-gon" id="ccds">
<h1 class="ccds-tieu-de"><a href="{{ link }}" target="_top">{{ title }}</a></h1>
{% if items %}
<ul class="ccds-ds{% if not images %} ccds-khong-anh{% endif %}" id="ccds-ds">
{% for item in items %}
<li{% if loop.index > count %} hidden{% endif %}>
{% if item.image_url %}
<img src="{{ item.image_url }}" alt="" width="96" height="64" loading="lazy" decoding="async">
{% endif %}
<div class="ccds-chu"><a href="{{ item.url }}" target="_top">{{ item.title }}</a>
<time class="ccds-ngay" datetime="{{ item.date_iso }}">{{ item.date_text }}</time></div>
</li>
{% endfor %}
</ul>
{% else %}
<p>Chưa có bài viết.</p>
{% endif %}
<p class="ccds-chan"><a href="{{ link }}" target="_top">Xem tất cả</a> · cập nhật <time datetime="{{ updated_iso }}">{{ updated_text }}</time></p>
</main>
<script>{{ script }}</script>
</body>
</html>
"""
)

_SNIPPET_IFRAME = _ENV.from_string(
    "<!-- Tin Chuyển đổi số: n = số bài (1–{{ max_items }}), anh = 1 có ảnh, 0 không ảnh; khung.js chỉnh chiều cao khung theo nội dung -->\n"
    '<iframe src="{{ src }}" title="{{ title }}" width="100%" height="{{ height }}" frameborder="0" loading="lazy" '
    "data-ccds-khung></iframe>\n"
    '<script src="{{ resizer }}" async></script>'
)

_SNIPPET_SCRIPT = _ENV.from_string(
    "<!-- Tin Chuyển đổi số: data-so-bai = số bài (1–{{ max_items }}), data-anh = 1 có ảnh, 0 không ảnh -->\n"
    '<div data-ccds-feed="{{ key }}" data-so-bai="{{ count }}" data-anh="{{ anh }}"></div>\n'
    '<script src="{{ src }}" async></script>'
)

_SCRIPT_TEMPLATE = """\
/* Chuyen muc Chuyen doi so: news widget for partner pages (generated, do not edit).
   Usage: a placeholder div data-ccds-feed="KEY" data-so-bai="5" data-anh="1", then this file by script src.
   Pure ASCII on purpose: it works whatever charset the host page declares. */
(function () {
  "use strict";
  var FEED = /*DATA*/;
  var CSS = /*CSS*/;
  var script = document.currentScript;
  var root = FEED.site;
  if (FEED.rebase && script && script.src) {
    try { root = new URL(FEED.up, script.src).href; } catch (error) { root = FEED.site; }
  }

  function resolve(path) {
    try {
      var url = new URL(path, root);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) { node.setAttribute("class", className); }
    return node;
  }

  function link(path, text) {
    var node = element("a");
    var href = resolve(path);
    if (href) { node.setAttribute("href", href); }
    node.setAttribute("target", "_top");
    node.textContent = text;
    return node;
  }

  function mount(host) {
    var shadow = null;
    if (host.attachShadow) {
      try { shadow = host.attachShadow({ mode: "open" }); } catch (error) { shadow = null; }
    }
    var target = shadow || host;
    if (shadow && "adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
        return target;
      } catch (error) { /* fall back to a <style> element */ }
    }
    var style = element("style");
    style.textContent = CSS;
    target.appendChild(style);
    return target;
  }

  function render(host) {
    if (host.getAttribute("data-ccds-xong")) { return; }
    var key = host.getAttribute("data-ccds-feed");
    if (key && key !== FEED.key) { return; }
    host.setAttribute("data-ccds-xong", "1");
    var count = parseInt(host.getAttribute("data-so-bai") || "", 10);
    if (!(count > 0)) { count = FEED.count; }
    count = Math.min(count, FEED.items.length);
    var anh = host.getAttribute("data-anh");
    var images = anh === null || anh === "" ? FEED.images : anh !== "0";

    var box = element("section", "ccds");
    box.setAttribute("aria-label", FEED.title);
    var heading = element("p", "ccds-tieu-de");
    heading.appendChild(link(FEED.link, FEED.title));
    box.appendChild(heading);
    if (count > 0) {
      var list = element("ul", images ? "ccds-ds" : "ccds-ds ccds-khong-anh");
      for (var i = 0; i < count; i++) {
        var item = FEED.items[i];
        var row = element("li");
        var source = images && item.i ? resolve(item.i) : null;
        if (source) {
          var image = element("img");
          image.setAttribute("src", source);
          image.setAttribute("alt", "");
          image.setAttribute("width", "96");
          image.setAttribute("height", "64");
          image.setAttribute("loading", "lazy");
          row.appendChild(image);
        }
        var text = element("div", "ccds-chu");
        text.appendChild(link(item.u, item.t));
        var date = element("time", "ccds-ngay");
        date.setAttribute("datetime", item.iso);
        date.textContent = item.d;
        text.appendChild(date);
        row.appendChild(text);
        list.appendChild(row);
      }
      box.appendChild(list);
    } else {
      var empty = element("p");
      empty.textContent = FEED.labels.empty;
      box.appendChild(empty);
    }
    var footer = element("p", "ccds-chan");
    footer.appendChild(link(FEED.link, FEED.labels.more));
    box.appendChild(footer);
    mount(host).appendChild(box);
  }

  function scan() {
    var hosts = document.querySelectorAll("[data-ccds-feed]");
    for (var i = 0; i < hosts.length; i++) { render(hosts[i]); }
  }

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
})();
"""
