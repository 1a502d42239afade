"""mammoth's HTML → the article's Markdown (title apart), with markdownify.

Before markdownify runs, the HTML is cleaned the way the column needs it:

- invisible characters Word and web pages leave in the text (zero-width spaces and joiners, word
  joiners, byte-order marks, soft hyphens, direction marks) are removed, and the text is NFC;
- the first heading is the title (the front matter's, so the page does not show it twice), and the
  other headings are moved so the highest is `##` (the page's h1 is the title);
- Word's internal links (table of contents, bookmarks, footnote arrows) lose their link and keep
  their text; links are kept only to web pages, e-mail and telephone numbers;
- paragraphs typed with a bullet ("• ", "- ", "+ "...) instead of Word's list button become a real
  list, since the intent is unambiguous;
- a picture the image step skipped leaves nothing behind;
- Word's footnotes and endnotes (mammoth: a `<sup>` link per reference, an `<ol>` of notes at the end
  with "↑" links back) become Markdown footnotes (`[^1]` and `[^1]: ...`, the column's `footnotes`
  extension), numbered in reading order as Word shows them.

markdownify then writes ATX headings, `-` lists (nested content indented by four spaces, as
Python-Markdown reads it), pipe tables (the first row as header), links, images, bold and italic.
Text is escaped for Python-Markdown: `<` and `&` as entities (a Word text that says "<script>" stays
words), and the characters Markdown would read as syntax with a backslash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ...content.text import nfc

INVISIBLE_RE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
"""Soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, direction marks and
embeddings, word joiner and invisible operators, byte-order mark / zero-width no-break space."""
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TYPED_BULLET_RE = re.compile(r"^\s*[•·●▪◦■□\-–+*\uf0b7\uf0a7\uf076\uf0d8]\s+")
"""A paragraph typed as a list item: "• ", "- ", "– ", "+ " and the Symbol/Wingdings bullets Word
pastes from other documents (U+F0B7...)."""
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
NOTE_HREF_RE = re.compile(r"^#((?:footnote|endnote)-[^\s]+)$")
NOTE_BACK_RE = re.compile(r"^#(?:footnote|endnote)-ref-")
NOTE_TOKEN = "NRWORDNOTE{}X"
"""Stands for a note reference while markdownify runs (letters and digits: nothing to escape)."""
NOTE_TOKEN_RE = re.compile(r"NRWORDNOTE(\d+)X")
SYNTAX_RE = re.compile(r"([\\`*_\[\]{}|])")
LINE_START_RES = (
    re.compile(r"^(\s*)(-+(?:\s|$))", re.MULTILINE),  # a list item or a rule
    re.compile(r"^(\s*)(\++(?:\s|$))", re.MULTILINE),  # a list item
    re.compile(r"^(\s*)(#{1,6}(?:\s|$))", re.MULTILINE),  # a heading
    re.compile(r"^(\s*)(>)", re.MULTILINE),  # a quote
    re.compile(r"^(\s*[0-9]{1,9})([.)](?:\s|$))", re.MULTILINE),  # a numbered list item
)
"""Only where a line starts (at the start of a paragraph, list item or cell, after a line break, or
after a newline inside the text): anywhere else these characters are plain text to Markdown."""


@dataclass(frozen=True)
class Article:
    title: str
    """The text of the document's first heading ('' when it has none)."""
    body: str
    """Markdown, ending with one newline ('' when the document has no text beside the title)."""
    invisible: int
    """How many invisible characters were removed."""
    typed_bullets: int
    """How many typed-bullet paragraphs became list items."""


def to_article(html: str) -> Article:
    from markdownify import MarkdownConverter

    invisible = len(INVISIBLE_RE.findall(html))
    html = nfc(INVISIBLE_RE.sub("", html))
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    title = _take_title(root)
    _shift_headings(root)
    notes = _take_notes(root)
    _clean_links(root)
    for image in root.iter("img"):
        if not image.get("src"):
            _drop(image)
        else:
            image.set("alt", " ".join(re.sub(r"[\[\]]", "", image.get("alt", "")).split()))
    bullets = _typed_lists(root)
    _drop_empty_paragraphs(root)

    class Converter(MarkdownConverter):
        def escape(self, text: str, parent_tags: Any) -> str:
            return escape_markdown(text)

        def convert_li(self, el: Any, text: str, parent_tags: Any) -> str:
            return list_item(el, text)

    converter = Converter(heading_style="ATX", bullets="-", strong_em_symbol="*", table_infer_header=True,
                          autolinks=False, wrap=False)

    def markdown_of(element: HtmlElement) -> str:
        # XML serialisation: lxml's HTML one percent-encodes non-ASCII letters in href ("Đông" → "%C4%90%C3%B4ng").
        return _tidy(str(converter.convert(lxml.etree.tostring(element, encoding="unicode", method="xml"))))

    body = markdown_of(root)
    definitions: dict[int, str] = {}
    for number, note in notes:
        _clean_links(note)
        text = markdown_of(note).strip("\n")
        if text:  # a note with no text is dropped with its reference
            first, *rest = text.split("\n")
            definitions[number] = "\n".join([f"[^{number}]: {first}", *(("    " + line) if line else "" for line in rest)])
    if definitions:
        body = body.rstrip("\n") + "\n\n" + "\n\n".join(definitions.values()) + "\n"
    body = NOTE_TOKEN_RE.sub(lambda m: f"[^{m.group(1)}]" if int(m.group(1)) in definitions else "", body)
    return Article(title=title, body=body, invisible=invisible, typed_bullets=bullets)


def escape_markdown(text: str) -> str:
    """Plain text as Python-Markdown shows it literally."""
    if not text:
        return ""
    text = SYNTAX_RE.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    for pattern in LINE_START_RES:
        text = pattern.sub(r"\1\\\2", text)
    return text


def list_item(el: Any, text: str) -> str:
    """One `- item` or `1. item`; its other lines (a nested list, a second paragraph) indented by four."""
    text = (text or "").strip()
    if not text:
        return "\n"
    parent = el.parent
    if parent is not None and parent.name == "ol":
        start = str(parent.get("start") or "1")
        bullet = f"{(int(start) if start.isdigit() else 1) + len(el.find_previous_siblings('li'))}. "
    else:
        bullet = "- "
    first, *rest = text.split("\n")
    lines = [bullet + first, *(("    " + line) if line.strip() else "" for line in rest)]
    return "\n".join(lines) + "\n"


def _take_title(root: HtmlElement) -> str:
    for element in root.iter(*HEADINGS):
        text = " ".join(element.text_content().split())
        if text:
            _drop(element)
            return text
        _drop(element)
    return ""


def _shift_headings(root: HtmlElement) -> None:
    headings = list(root.iter(*HEADINGS))
    if not headings:
        return
    top = min(int(h.tag[1]) for h in headings)
    for heading in headings:
        heading.tag = f"h{min(6, int(heading.tag[1]) - top + 2)}"


def _take_notes(root: HtmlElement) -> list[tuple[int, HtmlElement]]:
    """Footnote and endnote references → tokens; the notes themselves, taken out, in reference order."""
    numbers: dict[str, int] = {}
    for link in list(root.iter("a")):
        href = link.get("href") or ""
        found = NOTE_HREF_RE.match(href)
        if not found or NOTE_BACK_RE.match(href):
            continue
        target = found.group(1)
        number = numbers.setdefault(target, len(numbers) + 1)
        holder = link.getparent()
        marker = holder if holder is not None and holder.tag == "sup" and len(holder) == 1 and not (holder.text or "").strip() else link
        token = lxml.html.Element("span")
        token.text = NOTE_TOKEN.format(number)
        token.tail = marker.tail
        marker.getparent().replace(marker, token)
        token.drop_tag()
    notes: list[tuple[int, HtmlElement]] = []
    for item in list(root.iter("li")):
        note_number = numbers.get(item.get("id") or "")
        if note_number is None:
            continue
        for back in list(item.iter("a")):
            if NOTE_BACK_RE.match(back.get("href") or ""):
                _drop(back)
        _drop_empty_paragraphs(item)
        listing = item.getparent()
        listing.remove(item)
        if not len(listing) and not (listing.text or "").strip():
            _drop(listing)
        item.tag = "div"
        item.attrib.clear()
        notes.append((note_number, item))
    return sorted(notes, key=lambda pair: pair[0])


def _clean_links(root: HtmlElement) -> None:
    for link in list(root.iter("a")):
        href = (link.get("href") or "").strip()
        scheme = urlsplit(href).scheme.lower() if href else ""
        if scheme not in LINK_SCHEMES:
            _unwrap(link)  # a bookmark (<a id="_Toc...">), an internal link (#...), file:, javascript:...
            continue
        # Markdown's (url) ends at a space or an unbalanced parenthesis: percent-encode those.
        link.attrib.clear()
        link.set("href", href.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))


def _typed_lists(root: HtmlElement) -> int:
    """Runs of paragraphs starting with a typed bullet → one <ul> each."""
    count = 0
    for paragraph in list(root.iter("p")):
        if paragraph.getparent() is None or paragraph.getparent().tag not in ("div", "li", "td", "th"):
            continue
        if not TYPED_BULLET_RE.match(paragraph.text_content()):
            continue
        _strip_bullet(paragraph)
        previous = paragraph.getprevious()
        if previous is not None and previous.tag == "ul" and previous.get("data-typed") == "1" and not (previous.tail or "").strip():
            target = previous
        else:
            target = lxml.html.Element("ul")
            target.set("data-typed", "1")
            paragraph.addprevious(target)
        item = lxml.html.Element("li")
        item.text = paragraph.text
        for child in list(paragraph):
            item.append(child)
        _drop(paragraph)
        target.append(item)
        count += 1
    for typed in root.iter("ul"):
        typed.attrib.pop("data-typed", None)
    return count


def _strip_bullet(paragraph: HtmlElement) -> None:
    """Remove the typed bullet, which may sit in the paragraph's text or in its first inline child."""
    if paragraph.text and paragraph.text.strip():
        paragraph.text = TYPED_BULLET_RE.sub("", paragraph.text, count=1)
        return
    for child in paragraph.iter():
        if child is paragraph:
            continue
        if child.text and child.text.strip():
            child.text = TYPED_BULLET_RE.sub("", child.text, count=1)
            return


def _drop_empty_paragraphs(root: HtmlElement) -> None:
    for paragraph in list(root.iter("p")):
        if not paragraph.text_content().strip() and not len(paragraph.xpath(".//img")):
            _drop(paragraph)


def _drop(element: HtmlElement) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _unwrap(element: HtmlElement) -> None:
    element.drop_tag()


def _tidy(markdown: str) -> str:
    lines = [line if line.strip() else "" for line in markdown.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""
