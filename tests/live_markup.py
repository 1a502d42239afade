"""Finding editor text that became live markup in a built site: pages, feeds, widgets.

The hostile fixtures mark every vector with `alert(1NN)`. A vector is live when the browser would
run it: an `on*` attribute, a script element or a `javascript:`/`data:` URL carrying the marker,
or an element the editor typed (`<img src=x>`, `<svg>`) that an HTML parser sees as an element.
Escaped text (`&lt;img …&gt;`) is fine: that is the editor's words, shown as words.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

MARKER_RE = re.compile(r"alert\(1\d\d\)")


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            # JSON-LD is data, never run: the editor's words in it are only text.
            self._in_script = dict(attrs).get("type") != "application/ld+json"
        if tag == "svg" and not attrs:
            self.found.append("<svg> from editor text")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARKER_RE.search(value):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "srcset", "action", "formaction") and re.match(r"\s*(javascript|data|vbscript):", value, re.I) and MARKER_RE.search(value):
                self.found.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value == "x":
                self.found.append("<img src=x> from editor text")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        marker = MARKER_RE.search(data) if self._in_script else None
        if marker:
            self.found.append(f"script running {marker.group(0)}")


def live_markup(html: str) -> list[str]:
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM = "{http://www.w3.org/2005/Atom}"


def html_fragments(path: Path) -> Iterator[str]:
    """Every piece of `path` a browser or a feed reader renders as HTML.

    Feed titles, names and JSON Feed summaries are plain text by their specs (readers do not parse
    them as HTML), so they may hold the editor's "<img …>" as words; the HTML fields may not.
    """
    data = path.read_bytes()
    if path.suffix in (".xml", ".atom") and (b"<rss" in data[:500] or b"<feed" in data[:500]):
        for element in etree.fromstring(data).iter():
            if element.tag in ("description", CONTENT) or (element.tag.startswith(ATOM) and element.get("type") == "html"):
                yield element.text or ""
    elif path.suffix == ".json":
        feed = json.loads(data)
        if isinstance(feed, dict) and str(feed.get("version", "")).startswith("https://jsonfeed.org"):
            for item in feed.get("items", []):
                yield item.get("content_html", "")
    elif path.suffix in (".html", ".js"):
        yield data.decode("utf-8")


def live_vectors(site_dir: Path) -> dict[str, list[str]]:
    """Relative path -> the live vectors found in it, over the whole built site."""
    found: dict[str, list[str]] = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".atom", ".json", ".js"):
            continue
        if "assets" in path.relative_to(site_dir).parts[:1] or path.name.startswith("pagefind-"):
            continue  # the theme's and Pagefind's own code
        hits = [hit for fragment in html_fragments(path) for hit in live_markup(fragment)]
        if hits:
            found[path.relative_to(site_dir).as_posix()] = hits
    return found
