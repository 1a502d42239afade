"""Body images the editor sizes and captions: the documented way (README, quick guide).

    ![Mô tả ảnh](anh.jpg "Chú thích dưới ảnh"){ .anh-nho }

An image alone in its paragraph with a title (the quoted text) or a size class becomes

    <figure class="nr-hinh anh-nho"><img class="anh-nho" ...><figcaption>Chú thích dưới ảnh</figcaption></figure>

`anh-nho` shows it at most 360 px wide (half the column on a wide screen), `anh-vua` at 70 % of
the column; without a class it keeps the full width (the theme CSS, `newsroom.css`). The `<img>`
keeps its class, so `images/library.py` gives the `<picture>` it becomes the right `sizes`. The
figure is made in the Markdown tree (after `attr_list` set the class, before `engine/sanitize.py`
cuts attributes to its allowlist, which keeps `figure`, `figcaption` and `class`); the caption is
text, escaped like any other.

`body_images` reads the same syntax from the Markdown source, for the checks that warn about a
tall photo shown at full width (`checks/quality.py`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..content.body_checks import FENCE_RE

SIZE_CLASSES = ("anh-nho", "anh-vua")
"""The classes an editor may give a body image: small (at most 360 px) and medium (70 %)."""
FIGURE_CLASS = "nr-hinh"
SMALL_MAX_PX = 360
MEDIUM_SHARE = 0.7
SIZES = {
    "anh-nho": f"(max-width: {SMALL_MAX_PX}px) 100vw, {SMALL_MAX_PX}px",
    "anh-vua": "(min-width: 76.25em) 660px, 70vw",
}
"""The `sizes` list of a sized body image's `<picture>` (the full-width one is `library.BODY_SIZES`)."""
HOW_TO = '![Mô tả ảnh]({name} "Chú thích dưới ảnh"){{ .anh-nho }}'
"""The documented syntax, shown in hints with the editor's own file name."""


@dataclass(frozen=True)
class BodyImage:
    """An image of a Markdown body as the editor wrote it."""

    target: str
    """The path as written (percent-escapes and <angle brackets> removed by the caller's resolver)."""
    offset: int
    """Where it starts in the body (for the line number)."""
    size: str | None
    """`anh-nho`, `anh-vua` or None (full width)."""
    markup: str
    """The image's markup as written (its first line finds it in the file)."""


_MD_IMAGE_RE = re.compile(
    r"!\[(?:[^\]\\\n]|\\.)*\]\(\s*(?P<target><[^>\n]*>|[^\s)]+)(?:\s+(?P<q>[\"'])(?:(?!(?P=q)).)*(?P=q))?\s*\)"
    r"(?P<attrs>\{[^}\n]*\})?"
)
_HTML_IMAGE_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def body_images(body: str) -> Iterator[BodyImage]:
    """The images of a body (Markdown `![..](..)` with its `{ .class }`, and HTML `<img>`), outside code."""
    scan = FENCE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    for match in _MD_IMAGE_RE.finditer(scan):
        target = match["target"].strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        classes = re.findall(r"\.([A-Za-z0-9_-]+)", match["attrs"] or "")
        yield BodyImage(target, match.start(), _size_of(classes), body[match.start() : match.end()])
    for match in _HTML_IMAGE_RE.finditer(scan):
        attrs = {name.lower(): unescape(double or single) for name, double, single in _ATTR_RE.findall(match.group(0))}
        if "src" in attrs:
            yield BodyImage(attrs["src"], match.start(), _size_of(attrs.get("class", "").split()), body[match.start() : match.end()])


def _size_of(classes: list[str]) -> str | None:
    return next((c for c in classes if c in SIZE_CLASSES), None)


class _Figures(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        found = []
        for parent in root.iter():
            for index, child in enumerate(parent):
                if _is_figure(child):
                    found.append((parent, index, child))
        for parent, index, paragraph in reversed(found):  # from the end: the indexes stay right
            parent[index] = _figure(paragraph)


def _is_figure(element: etree.Element) -> bool:
    """A paragraph holding one image and nothing else, with a caption or a size class."""
    if element.tag != "p" or len(element) != 1 or (element.text or "").strip():
        return False
    image = element[0]
    if image.tag != "img" or (image.tail or "").strip():
        return False
    return bool((image.get("title") or "").strip()) or _size_of((image.get("class") or "").split()) is not None


def _figure(paragraph: etree.Element) -> etree.Element:
    image = paragraph[0]
    size = _size_of((image.get("class") or "").split())
    figure = etree.Element("figure", {"class": " ".join([FIGURE_CLASS, *([size] if size else [])])})
    figure.tail = paragraph.tail
    caption = " ".join((image.attrib.pop("title", None) or "").split())
    image.tail = None
    figure.append(image)
    if caption:
        etree.SubElement(figure, "figcaption").text = caption
    return figure


class Figures(Extension):  # type: ignore[misc]
    """A captioned or sized image alone in its paragraph becomes a `<figure>` (see the module)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After attr_list (8) set the class, before the sanitiser's attribute pass (6).
        md.treeprocessors.register(_Figures(md), "newsroom_figures", 7)
