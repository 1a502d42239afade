"""Text and HTML as every feed carries them: XML-legal, NFC, every URL absolute.

Partner sites read the feeds blindly, so every text value passes through `clean_text` and every
body through `absolutize_html` (links and images resolved against the entry page).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urljoin

import lxml.html

from ..content.text import fold_key, nfc

# XML 1.0 allows tab, newline, CR, U+0020-U+D7FF, U+E000-U+FFFD and the astral planes. This is
# `strip_control` (the Cc controls, U+0000-U+001F and U+007F-U+009F, but tab, newline, CR) plus what
# it leaves that XML forbids (surrogates, U+FFFE, U+FFFF), as one regex: a feed cleans every body
# on every render, and a character-by-character loop costs ~1 ms per article.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_URL_ATTRIBUTES = ("href", "src")
_KEPT_SCHEMES_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@lru_cache(maxsize=32768)
def clean_text(text: str) -> str:
    """Text safe for any feed: XML-illegal characters dropped, then NFC.

    Dropped: what `strip_control` drops (U+0000-U+001F except tab, newline and CR; U+007F-U+009F),
    plus lone surrogates, U+FFFE and U+FFFF. Cached: an item's texts are cleaned once, however
    many feeds (column, category, province; three formats each) carry it.
    """
    if _XML_ILLEGAL_RE.search(text):
        text = _XML_ILLEGAL_RE.sub("", text)
    return text if unicodedata.is_normalized("NFC", text) else nfc(text)


def clean_texts(values: Iterable[str]) -> tuple[str, ...]:
    """Cleaned, non-blank values, first spelling of each kept."""
    return unique(clean_text(value).strip() for value in values)


def unique_folded(values: Iterable[str]) -> tuple[str, ...]:
    """First spelling of each value, compared ignoring case and tone marks."""
    seen: dict[str, str] = {}
    for value in values:
        if value and fold_key(value) not in seen:
            seen[fold_key(value)] = value
    return tuple(seen.values())


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """The non-empty values, each once, in their first order."""
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return tuple(seen)


@lru_cache(maxsize=8192)  # a preview rebuild makes the same items again: the same body, the same page
def absolutize_html(html_text: str, page_url: str) -> str:
    """Make every href, src and srcset URL of an HTML fragment absolute against `page_url`.

    Relative (`anh.jpg`, `../x/`), root-relative (`/x`) and scheme-relative (`//host/x`) URLs are
    resolved, bare fragments (`#id`) too, so they point into the article rather than the feed's page;
    URLs with a scheme (`https:`, `mailto:`, `tel:`, `data:`) are kept as written. Heading permalinks
    (`a.headerlink`) are dropped. Characters XML cannot carry are dropped (see `clean_text`); the markup is
    otherwise re-serialised as parsed, by lxml's HTML parser.
    """
    text = _XML_ILLEGAL_RE.sub("", html_text)
    if not text.strip():
        return text
    wrapper = lxml.html.fragment_fromstring(text, create_parent="div")
    for permalink in wrapper.xpath('.//a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'):
        permalink.drop_tree()  # heading permalinks: a stray "¶" in feed readers
    for element in wrapper.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, absolute_url(value, page_url))
        srcset = element.get("srcset")
        if srcset is not None:
            element.set("srcset", _absolutize_srcset(srcset, page_url))
    for source in wrapper.iter("source"):  # lxml's parser nests a picture's <img> inside the void <source>
        for child in reversed(list(source)):
            source.addnext(child)
    serialised = str(lxml.html.tostring(wrapper, encoding="unicode")).replace("</source>", "")
    return serialised.removeprefix("<div>").removesuffix("</div>")


def absolute_url(url: str, base: str) -> str:
    """`url` resolved against `base` (fragments too: `#x` -> `<base>#x`), except URLs with a scheme."""
    stripped = url.strip()
    if not stripped or _KEPT_SCHEMES_RE.match(stripped):
        return stripped
    return urljoin(base, stripped)


def _absolutize_srcset(srcset: str, base: str) -> str:
    """Resolve each candidate URL of a srcset ('a.webp 480w, b.webp 960w'), keeping descriptors."""
    candidates: list[str] = []
    position, size = 0, len(srcset)
    while position < size:
        while position < size and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < size and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            start = position
            while position < size and srcset[position] != ",":
                position += 1
            descriptor = srcset[start:position].strip()
        if url:
            resolved = absolute_url(url, base)
            candidates.append(f"{resolved} {descriptor}" if descriptor else resolved)
    return ", ".join(candidates)
