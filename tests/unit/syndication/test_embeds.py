"""embeds: the iframe widget page, the script widget and the copy-paste snippets.

The two small scripts are also run under Node with a fake DOM that refuses innerHTML, so their
behaviour (options, escaping, Shadow DOM, top-window links) is checked without a browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from newsroom.syndication.feed_items import Enclosure, FeedChannel, FeedItem
from newsroom.syndication.snippets import frame_height_for, partner_csp, render_embed_snippets
from newsroom.syndication.widget_items import DEFAULT_ACCENT, DEFAULT_PRIMARY, WidgetOptions, feed_key
from newsroom.syndication.widget_page import render_widget_page
from newsroom.syndication.widget_script import render_widget_script, script_json

VN = timezone(timedelta(hours=7))
SITE = "https://chuyendoiso.tainangviet.vn/"
HOST = "chuyendoiso.tainangviet.vn"
NOW = datetime(2024, 10, 10, 5, 0, tzinfo=UTC)
PAGE_URL = "nhung/chuyen-muc/tap-huan/"
SCRIPT_URL = "nhung/chuyen-muc/tap-huan/widget.js"
MIRROR_SCRIPT = "http://127.0.0.1:8123/" + SCRIPT_URL
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")

CHANNEL = FeedChannel(
    title="Tập huấn – Chuyên mục Chuyển đổi số",
    link=SITE + "chuyen-muc/tap-huan/",
    description="Tin bài về các lớp tập huấn kỹ năng số.",
    feed_url_base=SITE + "chuyen-muc/tap-huan/feed",
    image_url=SITE + "assets/brand/logo.png",
)
HOSTILE_TITLE = 'Q&A <b>đậm</b> "nháy" </script><script>alert(1)</script> <!-- ]]> \u2028 \x00\x1f 😀'
HOSTILE_CLEAN = 'Q&A <b>đậm</b> "nháy" </script><script>alert(1)</script> <!-- ]]> \u2028  😀'


def make_item(number: int, title: str | None = None, image: bool = True) -> FeedItem:
    url = f"{SITE}bai-viet/bai-{number:02d}/"
    return FeedItem(
        guid=f"tag:{HOST},2024-10-01:bai-viet/bai-{number:02d}",
        title=title or f"Bài số {number}",
        url=url,
        published=datetime(2024, 10, 1, 8, 0, tzinfo=VN) + timedelta(days=number),
        updated=None,
        authors=("Ban biên tập",),
        categories=("Tập huấn",),
        summary=f"Tóm tắt {number}",
        content_html="<p>x</p>",
        image=Enclosure(url + "anh-bia.webp", 2048, "image/webp") if image else None,
        thumbnail_url=url + "anh-bia-240.webp" if image else None,
    )


ITEMS = [make_item(n) for n in range(1, 25)]
NEWEST = sorted(ITEMS, key=lambda i: i.published, reverse=True)


# --- helpers ------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _BalanceChecker(HTMLParser):
    """A strict reading of HTML5 structure: every non-void element closed, in order; no stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.doctype: str | None = None
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> while open: {self.stack}")
        else:
            self.stack.pop()


def check_html5(page: str) -> _BalanceChecker:
    checker = _BalanceChecker()
    checker.feed(page)
    checker.close()
    assert checker.doctype == "DOCTYPE html"
    assert not checker.problems, checker.problems
    assert checker.stack == [], checker.stack
    return checker


def absolute_urls(text: str) -> list[str]:
    """Every scheme-qualified or scheme-relative URL in a text (';' and ',' end one: CSP and srcset)."""
    return re.findall(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^\s\"'<>();,]+", text)


def page_script(page: str) -> str:
    scripts = lxml.html.document_fromstring(page).findall(".//script")
    assert len(scripts) == 1
    return str(scripts[0].text)


def feed_data(script: str) -> Any:
    match = re.search(r"^  var FEED = (.*);$", script, re.MULTILINE)
    assert match, "no FEED line"
    return json.loads(match.group(1))


FAKE_DOM = r"""
const vm = require("vm");
const fs = require("fs");
const setup = JSON.parse(fs.readFileSync(0, "utf8"));
function element(tag) {
  const node = {
    tagName: tag, attributes: {}, children: [], textContent: "", shadow: null, hidden: false, className: "",
    setAttribute(name, value) { this.attributes[name] = String(value); },
    getAttribute(name) { return Object.prototype.hasOwnProperty.call(this.attributes, name) ? this.attributes[name] : null; },
    appendChild(child) { this.children.push(child); return child; },
    attachShadow(options) {
      if (this.shadow) { throw new Error("attachShadow twice"); }
      this.shadow = element("#shadow-root"); this.shadow.mode = options.mode; return this.shadow;
    },
  };
  for (const name of ["innerHTML", "outerHTML"]) {
    Object.defineProperty(node, name, {
      get() { throw new Error(name + " read"); }, set() { throw new Error(name + " written"); },
    });
  }
  return node;
}
function dump(node) {
  return {
    tag: node.tagName, attributes: node.attributes, text: node.textContent, hidden: node.hidden,
    className: node.className, children: node.children.map(dump), shadow: node.shadow ? dump(node.shadow) : null,
  };
}
const hosts = setup.hosts.map((attributes) => { const host = element("div"); host.attributes = attributes; return host; });
const items = (setup.initial || []).map((hidden) => { const row = element("li"); row.hidden = hidden; return row; });
const list = element("ul"); list.className = setup.className || "";
list.getElementsByTagName = () => items;
const document = {
  readyState: "complete",
  currentScript: setup.src ? { src: setup.src } : null,
  createElement: element,
  getElementById: (id) => (id === "ccds-ds" ? list : id === "ccds" ? element("main") : null),
  querySelectorAll(selector) {
    if (selector !== "[data-ccds-feed]") { throw new Error("unexpected selector " + selector); }
    return hosts.filter((host) => host.getAttribute("data-ccds-feed") !== null);
  },
  addEventListener() {},
};
const window = { location: { search: setup.search || "" }, addEventListener() {} };
window.parent = window;  // a top-level page: nobody to tell its height
const context = { document, window, URL };
for (let run = 0; run < (setup.runs || 1); run++) { vm.runInNewContext(setup.code, context); }
process.stdout.write(JSON.stringify({ hosts: hosts.map(dump), items: items.map((i) => i.hidden), className: list.className }));
"""


def run_in_fake_dom(code: str, **setup: Any) -> Any:
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", FAKE_DOM],
        input=json.dumps({"code": code, **setup}),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def find_all(node: dict[str, Any], tag: str) -> list[dict[str, Any]]:
    found = [node] if node["tag"] == tag else []
    for child in node["children"]:
        found += find_all(child, tag)
    return found


def text_of(node: dict[str, Any]) -> str:
    return str(node["text"]) + "".join(text_of(child) for child in node["children"])


# --- the iframe widget page ---------------------------------------------------------------------


@pytest.mark.parametrize("page_url", [PAGE_URL, None])
def test_embeds_widget_page_is_valid_accessible_html(page_url: str | None) -> None:
    page = render_widget_page(CHANNEL, ITEMS, NOW, SITE, page_url=page_url)

    checker = check_html5(page)
    tags = [tag for tag, _attrs in checker.tags]
    assert tags[:3] == ["html", "head", "meta"]
    assert checker.tags[0][1] == {"lang": "vi"}
    assert checker.tags[2][1] == {"charset": "utf-8"}
    document = lxml.html.document_fromstring(page)
    assert document.findtext(".//title") == CHANNEL.title
    assert [h.text_content() for h in document.findall(".//h1")] == [CHANNEL.title]
    rows = document.findall(".//ul/li")
    assert len(rows) == 20  # max_items written; the rest hidden until ?n= asks
    for row, item in zip(rows, NEWEST, strict=False):
        link = row.find(".//a")
        assert link.text_content() == item.title
        assert link.get("target") == "_top"
        image = row.find("img")
        assert image.get("alt") == ""
        assert image.get("width") and image.get("height")
        assert row.find(".//time").text == f"{item.published:%d/%m/%Y}"
        assert row.find(".//time").get("datetime") == item.published.isoformat()
    assert all(a.get("target") == "_top" for a in document.iter("a"))


@pytest.mark.parametrize("page_url", [PAGE_URL, None])
def test_embeds_widget_page_has_no_foreign_host(page_url: str | None) -> None:
    page = render_widget_page(CHANNEL, ITEMS, NOW, SITE, page_url=page_url)

    for url in absolute_urls(page):
        assert urlsplit(url).netloc == HOST, url
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    assert "<link" not in page


def test_embeds_widget_page_relative_urls_resolve_to_the_items() -> None:
    page = render_widget_page(CHANNEL, ITEMS, NOW, SITE, page_url=PAGE_URL)

    document = lxml.html.document_fromstring(page)
    here = SITE + PAGE_URL
    rows = document.findall(".//ul/li")
    assert not any(a.get("href").startswith(("http:", "https:", "//")) for a in document.iter("a"))
    for row, item in zip(rows, NEWEST, strict=False):
        assert urljoin(here, row.find(".//a").get("href")) == item.url
        assert urljoin(here, row.find("img").get("src")) == item.thumbnail_url
    assert urljoin(here, document.find(".//h1/a").get("href")) == CHANNEL.link


def test_embeds_widget_page_absolute_urls_without_page_url() -> None:
    page = render_widget_page(CHANNEL, ITEMS[:2], NOW, SITE)

    document = lxml.html.document_fromstring(page)
    assert [a.get("href") for a in document.findall(".//li//a")] == [ITEMS[1].url, ITEMS[0].url]
    assert [img.get("src") for img in document.findall(".//li/img")] == [ITEMS[1].thumbnail_url, ITEMS[0].thumbnail_url]


def test_embeds_widget_page_default_count_and_images() -> None:
    shown = render_widget_page(CHANNEL, ITEMS, NOW, SITE, WidgetOptions(count=3, max_items=6))
    plain = render_widget_page(CHANNEL, ITEMS, NOW, SITE, WidgetOptions(images=False))

    rows = lxml.html.document_fromstring(shown).findall(".//ul/li")
    assert [row.get("hidden") is not None for row in rows] == [False, False, False, True, True, True]
    assert "ccds-khong-anh" not in lxml.html.document_fromstring(shown).find(".//ul").get("class")
    assert "ccds-khong-anh" in lxml.html.document_fromstring(plain).find(".//ul").get("class")


def test_embeds_widget_page_items_without_image_and_empty_feed() -> None:
    page = render_widget_page(CHANNEL, [make_item(1, image=False)], NOW, SITE)
    empty = render_widget_page(CHANNEL, [], NOW, SITE)

    assert lxml.html.document_fromstring(page).find(".//li/img") is None
    check_html5(empty)
    assert "Chưa có bài viết." in empty
    assert lxml.html.document_fromstring(empty).find(".//ul") is None


def test_embeds_widget_page_escapes_hostile_text() -> None:
    channel = replace(CHANNEL, title=HOSTILE_TITLE)
    page = render_widget_page(channel, [make_item(1, title=HOSTILE_TITLE)], NOW, SITE, page_url=PAGE_URL)

    check_html5(page)
    assert "<script>alert" not in page and "<b>" not in page and "<!-- ]]>" not in page
    document = lxml.html.document_fromstring(page)
    assert len(document.findall(".//script")) == 1
    assert document.find(".//li//a").text_content() == HOSTILE_CLEAN
    assert document.findtext(".//title") == HOSTILE_CLEAN


def test_embeds_widget_page_brand_colours_and_csp() -> None:
    page = render_widget_page(CHANNEL, ITEMS, NOW, SITE, WidgetOptions(primary="#123456", accent="#abc"))

    document = lxml.html.document_fromstring(page)
    style = document.findtext(".//style")
    assert "#123456" in style and "#abc" in style and DEFAULT_PRIMARY not in style
    csp = document.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"style-src {sha(style)}" in csp
    assert f"script-src {sha(page_script(page))}" in csp
    assert "default-src 'none'" in csp and f"img-src 'self' https://{HOST}" in csp
    assert DEFAULT_ACCENT in render_widget_page(CHANNEL, ITEMS, NOW, SITE)


def test_embeds_widget_page_is_reproducible() -> None:
    assert render_widget_page(CHANNEL, ITEMS, NOW, SITE) == render_widget_page(CHANNEL, list(reversed(ITEMS)), NOW, SITE)


@pytest.mark.parametrize("colour", ["red", "#12345", "#0b3d91;}body{x:y", "", "#gggggg"])
def test_embeds_widget_options_refuse_bad_colours(colour: str) -> None:
    with pytest.raises(ValueError, match="hex colour"):
        WidgetOptions(primary=colour)
    with pytest.raises(ValueError, match="hex colour"):
        WidgetOptions(accent=colour)


def test_embeds_widget_options_refuse_bad_counts() -> None:
    with pytest.raises(ValueError, match="count"):
        WidgetOptions(count=0)
    with pytest.raises(ValueError, match="count"):
        WidgetOptions(count=21, max_items=20)


@needs_node
@pytest.mark.parametrize(
    ("search", "initial_class", "hidden", "class_name"),
    [
        ("?n=2&anh=0", "ccds-ds", [False, False, True, True, True], "ccds-ds ccds-khong-anh"),
        ("?anh=1&n=99", "ccds-ds ccds-khong-anh", [False] * 5, "ccds-ds"),
        ("?n=0", "ccds-ds", [False, True, True, True, True], "ccds-ds"),
        ("", "ccds-ds ccds-khong-anh", [False, False, False, True, True], "ccds-ds ccds-khong-anh"),
        ("?n=abc&anh=x", "ccds-ds", [False, False, False, True, True], "ccds-ds"),
        ("?so=1&dn=1", "ccds-ds", [False, False, False, True, True], "ccds-ds"),
    ],
)
def test_embeds_widget_page_script_reads_its_own_url(
    search: str, initial_class: str, hidden: list[bool], class_name: str
) -> None:
    script = page_script(render_widget_page(CHANNEL, ITEMS, NOW, SITE))

    result = run_in_fake_dom(script, search=search, initial=[False, False, False, True, True], className=initial_class, hosts=[])

    assert result["items"] == hidden
    assert result["className"] == class_name


# --- the script widget --------------------------------------------------------------------------


def test_embeds_widget_script_embeds_the_data_as_json() -> None:
    script = render_widget_script(CHANNEL, ITEMS, SITE, script_url=SCRIPT_URL, key="chuyen-muc/tap-huan")

    data = feed_data(script)
    assert data["key"] == "chuyen-muc/tap-huan"
    assert data["title"] == CHANNEL.title
    assert data["site"] == SITE
    assert data["up"] == "../../../" and data["rebase"] is True
    assert data["link"] == "chuyen-muc/tap-huan/"
    assert (data["count"], data["images"]) == (5, True)
    assert len(data["items"]) == 20
    for entry, item in zip(data["items"], NEWEST, strict=False):
        assert urljoin(SITE, entry["u"]) == item.url
        assert urljoin(SITE, entry["i"]) == item.thumbnail_url
        assert entry["t"] == item.title
        assert entry["d"] == f"{item.published:%d/%m/%Y}"
        assert entry["iso"] == item.published.isoformat()


def test_embeds_widget_script_is_ascii_and_never_uses_inner_html() -> None:
    script = render_widget_script(CHANNEL, ITEMS, SITE)

    assert script.isascii()
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert forbidden not in script
    assert "textContent" in script and "attachShadow" in script
    assert feed_data(script)["key"] == feed_key(CHANNEL, SITE) == "chuyen-muc/tap-huan/feed"


def test_embeds_widget_script_cannot_be_broken_out_of() -> None:
    channel = replace(CHANNEL, title=HOSTILE_TITLE)
    script = render_widget_script(channel, [make_item(1, title=HOSTILE_TITLE)], SITE)

    lowered = script.lower()
    assert "</script" not in lowered and "<!--" not in lowered and "]]>" not in lowered and "\u2028" not in script
    data = feed_data(script)
    assert data["title"] == HOSTILE_CLEAN
    assert data["items"][0]["t"] == HOSTILE_CLEAN
    # Even inlined into a page, the data stays one script element with the same text.
    inlined = lxml.html.document_fromstring(f"<!DOCTYPE html><html><body><script>{script}</script></body></html>")
    assert [s.text for s in inlined.findall(".//script")] == [script]


def test_embeds_widget_script_placeholders_in_data_stay_data() -> None:
    title = "/*CSS*/ /*DATA*/"
    script = render_widget_script(replace(CHANNEL, title=title), [make_item(1, title=title)], SITE)

    assert feed_data(script)["title"] == title
    assert feed_data(script)["items"][0]["t"] == title
    assert script.count('var CSS = "') == 1


def test_embeds_script_json_escapes() -> None:
    assert script_json({"a": "</script><!--&\u2028é"}) == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u00e9"}'
    assert json.loads(script_json({"a": "</script><!--&\u2028é"})) == {"a": "</script><!--&\u2028é"}


def test_embeds_widget_script_is_reproducible() -> None:
    assert render_widget_script(CHANNEL, ITEMS, SITE) == render_widget_script(CHANNEL, list(reversed(ITEMS)), SITE)


@needs_node
def test_embeds_widget_script_renders_into_shadow_dom() -> None:
    script = render_widget_script(
        replace(CHANNEL, title=HOSTILE_TITLE),
        [make_item(n, title=HOSTILE_TITLE if n == 24 else None) for n in range(1, 25)],
        SITE,
        script_url=SCRIPT_URL,
        key="chuyen-muc/tap-huan",
    )
    hosts = [
        {"data-ccds-feed": "chuyen-muc/tap-huan", "data-so-bai": "2", "data-anh": "0"},
        {"data-ccds-feed": "tinh-thanh/ha-noi"},
        {"data-ccds-feed": ""},
        {"data-ccds-feed": "chuyen-muc/tap-huan", "data-so-bai": "100"},
    ]

    result = run_in_fake_dom(script, src=MIRROR_SCRIPT, hosts=hosts, runs=2)

    small, other, any_feed, large = result["hosts"]
    assert other["shadow"] is None and "data-ccds-xong" not in other["attributes"]
    for host in (small, any_feed, large):
        assert host["shadow"] is not None
        style, section = host["shadow"]["children"]
        assert style["tag"] == "style" and "#0b3d91" in style["text"]
        assert section["tag"] == "section" and section["attributes"]["aria-label"] == HOSTILE_CLEAN
        assert host["children"] == []  # nothing leaks into the host page's DOM
    rows = find_all(small["shadow"], "li")
    assert len(rows) == 2
    assert find_all(small["shadow"], "img") == []
    first_link = find_all(rows[0], "a")[0]
    assert text_of(first_link) == HOSTILE_CLEAN
    # Resolved against the script's own address: the widget follows the site to a mirror.
    assert first_link["attributes"] == {"href": "http://127.0.0.1:8123/bai-viet/bai-24/", "target": "_top"}
    links = find_all(small["shadow"], "a")
    assert all(link["attributes"]["target"] == "_top" for link in links)
    assert links[0]["attributes"]["href"] == "http://127.0.0.1:8123/chuyen-muc/tap-huan/"
    assert len(find_all(any_feed["shadow"], "li")) == 5
    images = find_all(any_feed["shadow"], "img")
    assert len(images) == 5
    assert images[0]["attributes"] == {
        "src": "http://127.0.0.1:8123/bai-viet/bai-24/anh-bia-240.webp",
        "alt": "",
        "width": "96",
        "height": "64",
        "loading": "lazy",
    }
    assert len(find_all(large["shadow"], "li")) == 20
    assert find_all(rows[1], "time")[0]["attributes"]["datetime"] == "2024-10-24T08:00:00+07:00"


@needs_node
def test_embeds_widget_script_without_script_url_uses_the_site() -> None:
    script = render_widget_script(CHANNEL, ITEMS[:1], SITE)

    result = run_in_fake_dom(script, src=MIRROR_SCRIPT, hosts=[{"data-ccds-feed": ""}])

    link = find_all(find_all(result["hosts"][0]["shadow"], "li")[0], "a")[0]
    assert link["attributes"]["href"] == SITE + "bai-viet/bai-01/"


# --- snippets -----------------------------------------------------------------------------------


def test_embeds_snippets() -> None:
    snippets = render_embed_snippets(
        "Tập huấn", SITE + PAGE_URL, SITE + SCRIPT_URL, key="chuyen-muc/tap-huan", count=4, images=False
    )

    assert set(snippets) == {"iframe", "script"}
    frame, resizer = lxml.html.fragments_fromstring(snippets["iframe"].split("\n", 1)[1])
    assert frame.tag == "iframe"
    assert frame.get("src") == SITE + PAGE_URL + "?n=4&anh=0"
    assert frame.get("title") == "Tập huấn"
    assert frame.get("loading") == "lazy"
    assert "sandbox" not in frame.attrib  # top-window navigation must stay allowed
    # Nothing a strict partner CSP blocks: no style attribute, the resizer is a file of the site.
    assert "style" not in frame.attrib and frame.get("frameborder") == "0" and "data-ccds-khung" in frame.attrib
    assert frame.get("height") == str(frame_height_for(4))
    assert resizer.tag == "script" and resizer.get("src") == SITE + "nhung/khung.js" and not resizer.text
    placeholder, loader = lxml.html.fragments_fromstring(snippets["script"].split("\n", 1)[1])
    assert placeholder.tag == "div"
    assert dict(placeholder.attrib) == {"data-ccds-feed": "chuyen-muc/tap-huan", "data-so-bai": "4", "data-anh": "0"}
    assert loader.tag == "script" and loader.get("src") == SITE + SCRIPT_URL and "async" in loader.attrib
    for snippet in snippets.values():
        assert snippet.startswith("<!-- ") and snippet.count("-->") == 1


def test_embeds_snippets_escape_names() -> None:
    snippets = render_embed_snippets('"><script>alert(1)</script>', SITE + PAGE_URL + '"x', SITE + SCRIPT_URL, key='a"b')

    assert "<script>alert" not in snippets["iframe"]
    frame = lxml.html.fragments_fromstring(snippets["iframe"].split("\n", 1)[1])[0]
    assert frame.get("title") == '"><script>alert(1)</script>'
    placeholder = lxml.html.fragments_fromstring(snippets["script"].split("\n", 1)[1])[0]
    assert placeholder.get("data-ccds-feed") == 'a"b'


def test_embeds_snippet_defaults() -> None:
    snippets = render_embed_snippets("Toàn chuyên mục", SITE + "nhung/toan-chuyen-muc/", SITE + "nhung/toan-chuyen-muc/widget.js")

    assert "?n=5&amp;anh=1" in snippets["iframe"]
    assert 'data-ccds-feed=""' in snippets["script"] and 'data-so-bai="5"' in snippets["script"]


def test_embeds_snippets_need_no_inline_style_or_script() -> None:
    snippets = render_embed_snippets("Tập huấn", SITE + "nhung/chuyen-muc/tap-huan/", SITE + "nhung/chuyen-muc/tap-huan/widget.js")

    for snippet in snippets.values():
        markup = lxml.html.fragments_fromstring(snippet.split("\n", 1)[1])
        assert all("style" not in node.attrib and not (node.text or "").strip() for node in markup)
        assert all(not name.startswith("on") for node in markup for name in node.attrib)
    assert f'<script src="{SITE}nhung/khung.js" async></script>' in snippets["iframe"]


def test_embeds_partner_csp_names_the_sites_origin() -> None:
    assert partner_csp("https://tin.example.vn/chuyen-doi-so/") == {
        "iframe": "frame-src https://tin.example.vn; script-src https://tin.example.vn",
        "script": "script-src https://tin.example.vn; img-src https://tin.example.vn",
    }
