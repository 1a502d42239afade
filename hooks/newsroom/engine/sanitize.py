"""Sanitising editor bodies (editor text never runs): no script, no handlers, no javascript: URLs.

Two layers. `SafeAttributes`, a Python-Markdown treeprocessor, runs after attr_list and md_in_html
have set an editor's attributes and before the toc extension reads heading ids: it keeps only the
attributes a body may carry and turns any id that is not a plain slug into one, so the table of
contents (printed raw by the theme) never sees editor markup. `sanitize_html` then cleans the
rendered HTML with nh3, raw HTML blocks included, and checks every URL of `src` and `srcset`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import nh3
from markdown import Extension, Markdown
from markdown.extensions.toc import run_postprocessors, strip_tags
from markdown.treeprocessors import Treeprocessor

from ..content.text import toc_slugify

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "media"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "details": {"open"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MARKDOWN_ONLY = frozenset({"data-toc-label"})
"""Read by an extension (toc) and removed by it before the HTML is written."""

SAFE_ID_RE = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]{0,99}")
"""An id printed raw by the theme (the TOC's href="#id") may hold nothing that leaves the attribute.
Colons and dots stay: the footnotes extension writes ids such as fn:1 and fnref:1."""


def safe_id(value: str) -> str | None:
    """`value` if it is a plain id, else its slug (None when nothing is left)."""
    if SAFE_ID_RE.fullmatch(value):
        return value
    slug = toc_slugify(value)[:100].strip("-")
    if not slug:
        return None
    return slug if slug[0].isalpha() else f"muc-{slug}"[:100]


def is_local_image_url(url: str) -> bool:
    """An image URL that stays on this site: relative, or a path from its root; never a scheme or host."""
    url = url.strip()
    if not url or url.startswith("//") or "\\" in url:
        return False
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset ("a.webp 480w, b.webp 960w")."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


class _SafeAttributes(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(str(element.tag), set()) | MARKDOWN_ONLY
            for name in list(element.attrib):
                if name not in allowed:
                    del element.attrib[name]
            if "id" in element.attrib:
                # attr_list leaves raw HTML in a value as a stash placeholder: slug its text, not the marker.
                value = safe_id(strip_tags(run_postprocessors(element.attrib["id"], self.md)))
                if value is None:
                    del element.attrib["id"]
                else:
                    element.attrib["id"] = value


class SafeAttributes(Extension):  # type: ignore[misc]
    """Editor attributes cut to the allowlist and ids made slugs, before the toc extension runs."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # attr_list runs at 8, toc at 5: in between, every attribute an editor could set is set.
        md.treeprocessors.register(_SafeAttributes(md), "newsroom_safe_attributes", 6)


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return safe_id(value)
    if tag in ("img", "source") and name == "src":
        return value if is_local_image_url(value) else None
    if name == "srcset":
        urls = srcset_urls(value)
        return value if urls and all(is_local_image_url(url) for url in urls) else None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
