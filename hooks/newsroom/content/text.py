"""Text helpers: NFC normalisation, Vietnamese-aware slugs, "did you mean" hints."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from slugify import slugify as _slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)  # tags, categories and provinces are slugged thousands of times a build
def slugify(text: str) -> str:
    """Slug for a URL: diacritics removed (stacked ones too), đ -> d, lower case, hyphens.

    Works on NFC and NFD input alike.
    """
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    return str(_slugify(text, lowercase=True))


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading id for Python-Markdown's toc extension: the same slug as URLs (đ -> d)."""
    slug = slugify(value)
    return slug.replace("-", separator) if separator != "-" else slug


def fold_key(text: str) -> str:
    """Comparison key ignoring case and tone marks ("Tập huấn" == "tập huấn" == "tap huan")."""
    return slugify(text)


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.match(text))


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """A Vietnamese hint naming the closest choice, or None."""
    options = list(choices)
    matches = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not matches and value:
        # Editors often type a name ("Bắc Giang") where a key ("bac-giang") is expected.
        matches = difflib.get_close_matches(slugify(value), options, n=1, cutoff=0.75)
    return f"có phải ý bạn là '{matches[0]}'?" if matches else None


CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Unicode category Cc (C0 and C1 controls) but tab, newline and carriage return."""


def strip_control(text: str) -> str:
    """Drop control characters that are illegal in XML and meaningless in text (tab/newline kept)."""
    return CONTROL_RE.sub("", text)
