"""The `<picture>` markup of a processed image: WebP `srcset`, a fallback `<img>`, no layout jump."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from .processing import ProcessedImage, Variant


@dataclass(frozen=True)
class ShownImage:
    """An image as a page shows it, the value views carry: the editor's file (`src`, the key the
    media library knows it by), its name beside the entry page and its alt text. The theme's
    `nr_picture`, `nr_thumb` and `nr_large` turn it into markup and URLs."""

    src: Path
    name: str
    alt: str


FOLDER_SAFE = "/:@!$&'()*+,;=~%?#-._"
"""Kept as they are in `base_url` (already a URL): only spaces and non-ASCII letters are encoded."""
NAME_SAFE = "/-._~"
"""Kept as they are in a file name; everything else is percent-encoded, so a name like
'ảnh bìa, 1.jpg' cannot break a `srcset` list (whose separators are spaces and commas)."""


def render_img(image: ProcessedImage, base_url: str, alt: str, sizes: str, css_class: str = "", eager: bool = False) -> str:
    """`<picture>` with a WebP `<source>` and a JPEG/PNG `<img>` (largest fallback as `src`).

    `base_url` is the URL of the folder the variants are written to ('' for the page's own
    folder, '../anh/', '/bai-viet/slug/'...); `alt` is the editor's text (may be '' for a
    decorative image); `sizes` is the CSS `sizes` list. The image is lazy-loaded unless `eager`
    (for the first image on screen, which then also gets `fetchpriority="high"`). Every attribute
    value is escaped; the placeholder colour shows until the image has loaded.
    """
    folder = base_url if not base_url or base_url.endswith("/") else f"{base_url}/"
    largest = image.largest_fallback
    img_attrs: list[tuple[str, str]] = [
        ("src", _url(folder, image, largest)),
        ("srcset", _srcset(folder, image, image.fallback)),
        ("sizes", sizes),
        ("width", str(largest.width)),
        ("height", str(largest.height)),
        ("alt", alt),
    ]
    if css_class:
        img_attrs.append(("class", css_class))
    img_attrs += [("loading", "eager"), ("fetchpriority", "high")] if eager else [("loading", "lazy")]
    img_attrs.append(("decoding", "async"))
    if image.placeholder:
        img_attrs.append(("style", f"background-color:{image.placeholder}"))
    source_attrs = [("type", "image/webp"), ("srcset", _srcset(folder, image, image.webp)), ("sizes", sizes)]
    return f"<picture><source{_attributes(source_attrs)}><img{_attributes(img_attrs)}></picture>"


def _url(folder: str, image: ProcessedImage, variant: Variant) -> str:
    return quote(folder, safe=FOLDER_SAFE) + quote(image.file_name(variant), safe=NAME_SAFE)


def _srcset(folder: str, image: ProcessedImage, variants: tuple[Variant, ...]) -> str:
    return ", ".join(f"{_url(folder, image, variant)} {variant.width}w" for variant in variants)


def _attributes(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{escape(value, quote=True)}"' for name, value in pairs)
