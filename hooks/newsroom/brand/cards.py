"""Social cards: a 1200×630 JPEG (at most 120 KB) per page, drawn with Pillow from the brand kit,
cached by content hash.

The card: the kit's primary colour as the ground, the icon and short name at the top left, the
kicker (category or province) above the title, the title in the kit's bold face (NFC, wrapped to
three lines at most, cut with "…"), the page's cover cropped into the right side behind a slanted
edge that echoes the "/" of 10/10, and a footer band with an accent rule, the kit's name and tagline.
`layout_card` computes every position; tests read it to check the text stays in the safe area.

The build draws the thumbnail from an already-resized variant of the cover (the smallest JPEG/PNG
that covers `THUMBNAIL_SIZE`, see `images/library.py`), not from the editor's original.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageOps

from ..cache import ContentCache
from ..content.text import nfc
from ..site_constants import CARD_HEIGHT, CARD_WIDTH
from .colors import AA_NORMAL_TEXT, contrast_ratio
from .kit_model import Brand
from .layout import Box, TextBlock, TextLine, ellipsize, has_raqm, layout_text, load_font, shift_block

CARD_VERSION = "card-2"
"""Bump when the drawing below changes: it salts the cache key."""

WIDTH, HEIGHT = CARD_WIDTH, CARD_HEIGHT
MARGIN = 56
FOOTER_TOP = 546
RULE = 8
THUMB_LEFT_TOP, THUMB_LEFT_BOTTOM = 800, 740
"""The thumbnail's slanted left edge: x at the top and at the footer."""
TEXT_GAP = 44
"""Space between the text area and the thumbnail's edge."""
HEADER_TOP, ICON_SIZE = 44, 64
TITLE_SIZES = (64, 58, 52, 46)
TITLE_MAX_LINES = 3
KICKER_SIZE = 26
KICKER_GAP = 18
FOOTER_NAME_SIZE, FOOTER_TAGLINE_SIZE = 26, 22
SUPERSAMPLE = 2
THUMBNAIL_SIZE = (WIDTH - min(THUMB_LEFT_TOP, THUMB_LEFT_BOTTOM), FOOTER_TOP)
"""The box the cover is cropped into (the slanted edge cuts its left part)."""
MAX_BYTES = 120_000
"""A card is at most this big: social sites fetch it for every share."""
JPEG_QUALITIES = (85, 75, 65, 55)
"""Tried in order until the card fits `MAX_BYTES` (85 fits every card of the sample site: 70-90 KB)."""
MIME = "image/jpeg"


class CardError(ValueError):
    """A card that cannot be drawn (the thumbnail is unreadable); the message names the file."""


@dataclass(frozen=True)
class CardLayout:
    """Where everything goes on a card; `safe_area` holds all the kicker and title ink."""

    size: tuple[int, int]
    safe_area: Box
    header: TextBlock
    kicker: TextBlock | None
    title: TextBlock
    thumbnail: tuple[tuple[int, int], ...] | None
    """The thumbnail's polygon (a slanted-left quadrilateral), or None without a thumbnail."""
    footer_name: TextBlock
    footer_tagline: TextBlock | None

    @property
    def blocks(self) -> tuple[TextBlock, ...]:
        found = (self.header, self.kicker, self.title, self.footer_name, self.footer_tagline)
        return tuple(block for block in found if block is not None)


def layout_card(brand: Brand, title: str, kicker: str | None, has_thumbnail: bool) -> CardLayout:
    """Compute the positions of a card's parts (pure: reads only the kit's fonts)."""
    bold, regular = brand.typeface.bold.path, brand.typeface.regular.path
    right = (min(THUMB_LEFT_TOP, THUMB_LEFT_BOTTOM) - TEXT_GAP) if has_thumbnail else WIDTH - MARGIN
    header_left = MARGIN + ICON_SIZE + 18
    header = layout_text(brand.short_name, bold, (30,), (header_left, HEADER_TOP, right, HEADER_TOP + ICON_SIZE), 1)
    header = shift_block(header, (ICON_SIZE - (header.box[3] - header.box[1])) // 2)
    area_top = HEADER_TOP + ICON_SIZE + 28
    area_bottom = FOOTER_TOP - 36
    safe_area = (MARGIN, area_top, right, area_bottom)

    kicker_block = None
    kicker_height = 0
    if kicker and kicker.strip():
        font = load_font(bold, KICKER_SIZE)
        text = ellipsize(nfc(" ".join(kicker.split())).upper(), font, right - MARGIN)
        kicker_block = layout_text(text, bold, (KICKER_SIZE,), (MARGIN, area_top, right, area_bottom), 1)
        kicker_height = kicker_block.box[3] - kicker_block.box[1] + KICKER_GAP
    title_block = layout_text(
        nfc(title), bold, TITLE_SIZES, (MARGIN, area_top + kicker_height, right, area_bottom), TITLE_MAX_LINES
    )
    # centre kicker and title together between the header and the footer
    used = kicker_height + title_block.box[3] - title_block.box[1]
    dy = max(0, (area_bottom - area_top - used) // 2)
    if kicker_block is not None:
        kicker_block = shift_block(kicker_block, dy)
    title_block = shift_block(title_block, dy)

    thumbnail = None
    if has_thumbnail:
        thumbnail = ((THUMB_LEFT_TOP, 0), (WIDTH, 0), (WIDTH, FOOTER_TOP), (THUMB_LEFT_BOTTOM, FOOTER_TOP))
    footer_top = FOOTER_TOP + RULE
    footer_box = (MARGIN, footer_top, WIDTH - MARGIN, HEIGHT)
    name = layout_text(brand.name, bold, (FOOTER_NAME_SIZE,), footer_box, 1)
    name = shift_block(name, (HEIGHT - footer_top - (name.box[3] - name.box[1])) // 2)
    tagline = None
    name_right = name.bbox[2] + 40
    tagline_font = load_font(brand.typeface.regular.path, FOOTER_TAGLINE_SIZE)
    tagline_text = brand.tagline
    if name_right + 160 < WIDTH - MARGIN:
        tagline_text = ellipsize(tagline_text, tagline_font, WIDTH - MARGIN - name_right)
        tagline = layout_text(tagline_text, regular, (FOOTER_TAGLINE_SIZE,), (name_right, footer_top, WIDTH - MARGIN, HEIGHT), 1)
        # right-align, on the name's baseline
        width = tagline.bbox[2] - tagline.box[0]
        tagline = _moved(tagline, WIDTH - MARGIN - width - name_right, name.lines[0].baseline - tagline.lines[0].baseline)
    return CardLayout((WIDTH, HEIGHT), safe_area, header, kicker_block, title_block, thumbnail, name, tagline)


def title_is_cut(brand: Brand, title: str, kicker: str | None, has_thumbnail: bool) -> bool:
    """Whether the card of this page cuts its title (more than `TITLE_MAX_LINES` lines at the
    smallest size): what `newsroom check` warns about, from the same layout the drawing uses."""
    return layout_card(brand, title, kicker, has_thumbnail).title.truncated


def card_title_lines(brand: Brand, title: str, kicker: str | None, has_thumbnail: bool) -> tuple[str, ...]:
    """The title's lines as the card draws them (the last one ends in "…" when cut)."""
    return tuple(line.text for line in layout_card(brand, title, kicker, has_thumbnail).title.lines)


def _moved(block: TextBlock, dx: int, dy: int) -> TextBlock:
    block = shift_block(block, dy)
    lines = tuple(
        TextLine(line.text, line.x + dx, line.baseline, (line.bbox[0] + dx, line.bbox[1], line.bbox[2] + dx, line.bbox[3]))
        for line in block.lines
    )
    left, top, right, bottom = block.box
    return TextBlock(lines, block.font_path, block.font_size, block.truncated, (left + dx, top, right + dx, bottom))


def kicker_colour(brand: Brand) -> str:
    """The kit colour with the best contrast on the primary colour (not its text colour), if it meets AA."""
    c = brand.colors
    candidates = [c.accent, *(value for _, value in c.others)]
    best = max(candidates, key=lambda colour: contrast_ratio(colour, c.primary))
    return best if contrast_ratio(best, c.primary) >= AA_NORMAL_TEXT else c.primary_text


def render_social_card(brand: Brand, title: str, kicker: str | None, thumbnail: Path | None, cache: ContentCache) -> bytes:
    """The 1200×630 JPEG card of a page, from `cache` when the same inputs were drawn before.

    The key covers the title, the kicker, the thumbnail's bytes, every file of the kit
    (`brand.fingerprint`), the drawing code (`CARD_VERSION`) and the renderer (Pillow, Raqm).
    Raises CardError when the thumbnail cannot be read.
    """
    thumb_bytes = _read(thumbnail) if thumbnail is not None else None
    thumb_hash = hashlib.sha256(thumb_bytes).hexdigest() if thumb_bytes is not None else "-"
    key = card_key(brand, title, kicker, thumb_hash, cache)
    cached = cache.get(key)
    if cached is not None:
        return cached
    data = draw_social_card(brand, title, kicker, thumb_bytes, thumbnail)
    cache.put(key, data)
    return data


def card_key(brand: Brand, title: str, kicker: str | None, thumb_hash: str, cache: ContentCache) -> str:
    """The cache key of a card: `thumb_hash` is the SHA-256 (hex) of the thumbnail's bytes, or '-'."""
    return cache.key(CARD_VERSION, _renderer(), brand.fingerprint, nfc(title), nfc(kicker or ""), thumb_hash)


def card_file(brand: Brand, key: str, title: str, kicker: str | None, thumbnail: Path | None, cache: ContentCache) -> bytes | None:
    """Make sure the card of `key` is a file in `cache` (drawn on a miss); None when it is, else its
    bytes (a cache that cannot be written: the build then writes them itself)."""
    if cache.path_of(key).is_file():
        return None
    data = draw_social_card(brand, title, kicker, _read(thumbnail) if thumbnail is not None else None, thumbnail)
    cache.put(key, data)
    return None if cache.path_of(key).is_file() else data


def draw_social_card(
    brand: Brand, title: str, kicker: str | None, thumb_bytes: bytes | None, thumb_name: Path | None = None
) -> bytes:
    """Draw a card without the cache (see `render_social_card`)."""
    c = brand.colors
    layout = layout_card(brand, title, kicker, thumb_bytes is not None)
    card = Image.new("RGB", layout.size, c.primary)
    if thumb_bytes is not None and layout.thumbnail is not None:
        _paste_thumbnail(card, thumb_bytes, layout.thumbnail, str(thumb_name or "ảnh bìa"), kicker_colour(brand))
    draw = ImageDraw.Draw(card)
    if layout.thumbnail is None:
        _draw_pixels(draw, brand)
    # footer band: accent rule, then the background colour
    draw.rectangle((0, FOOTER_TOP, WIDTH, FOOTER_TOP + RULE - 1), fill=c.accent)
    draw.rectangle((0, FOOTER_TOP + RULE, WIDTH, HEIGHT), fill=c.background)
    icon = _icon(brand.logo.favicon_png.path, brand.fingerprint, ICON_SIZE)
    card.paste(icon, (MARGIN, HEADER_TOP), icon)
    _draw_block(draw, layout.header, c.primary_text)
    if layout.kicker is not None:
        _draw_block(draw, layout.kicker, kicker_colour(brand))
    _draw_block(draw, layout.title, c.primary_text)
    _draw_block(draw, layout.footer_name, c.primary if contrast_ratio(c.primary, c.background) >= AA_NORMAL_TEXT else c.text)
    if layout.footer_tagline is not None:
        _draw_block(draw, layout.footer_tagline, c.text)
    return _encode(card)


def _encode(card: Image.Image) -> bytes:
    """The card as a baseline JPEG (4:2:0, optimised Huffman tables) of at most `MAX_BYTES`."""
    for quality in JPEG_QUALITIES:
        out = io.BytesIO()
        card.save(out, format="JPEG", quality=quality, optimize=True)
        if out.tell() <= MAX_BYTES:
            break
    return out.getvalue()


def _draw_pixels(draw: ImageDraw.ImageDraw, brand: Brand) -> None:
    """Two rows of "digital pixels" in the top-right corner, level with the header (cards without a thumbnail)."""
    c = brand.colors
    colours = (kicker_colour(brand), c.primary_text, c.accent)
    step, side = 36, 26
    for row, count in enumerate((7, 4)):
        for column in range(count):
            if (row * 5 + column * 3) % 4 == 3:
                continue  # gaps, so the pixels dissolve rather than tile
            x = WIDTH - MARGIN - (column + 1) * step + (step - side)
            y = HEADER_TOP + 6 + row * step
            draw.rectangle((x, y, x + side - 1, y + side - 1), fill=colours[(row + 2 * column) % 3])


def _draw_block(draw: ImageDraw.ImageDraw, block: TextBlock, fill: str) -> None:
    font = block.font
    for line in block.lines:
        draw.text((line.x, line.baseline), line.text, font=font, fill=fill, anchor="ls")


def _paste_thumbnail(card: Image.Image, data: bytes, polygon: tuple[tuple[int, int], ...], name: str, edge: str) -> None:
    left = min(x for x, _ in polygon)
    width, height = WIDTH - left, max(y for _, y in polygon)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as source:
                source.draft("RGB", (width * 2, height * 2))
                image = ImageOps.exif_transpose(source).convert("RGB")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise CardError(f"không đọc được ảnh bìa {name} để vẽ ảnh chia sẻ ({exc})") from exc
    image = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
    mask, stripe = _thumbnail_masks(polygon)
    card.paste(image, (left, 0), mask)
    card.paste(Image.new("RGB", (width, height), edge), (left, 0), stripe)  # a thin stripe along the slanted edge


@lru_cache(maxsize=4)
def _thumbnail_masks(polygon: tuple[tuple[int, int], ...]) -> tuple[Image.Image, Image.Image]:
    """Anti-aliased masks of the thumbnail's shape and of the stripe along its slanted edge (drawn once)."""
    left = min(x for x, _ in polygon)
    width, height = WIDTH - left, max(y for _, y in polygon)
    s = SUPERSAMPLE
    mask = Image.new("L", (width * s, height * s), 0)
    ImageDraw.Draw(mask).polygon([((x - left) * s, y * s) for x, y in polygon], fill=255)
    stripe = Image.new("L", (width * s, height * s), 0)
    (x0, _), (x3, y3) = polygon[0], polygon[3]
    ImageDraw.Draw(stripe).polygon(
        [((x0 - left) * s, 0), ((x0 - left + 8) * s, 0), ((x3 - left + 8) * s, y3 * s), ((x3 - left) * s, y3 * s)], fill=255
    )
    size = (width, height)
    return mask.resize(size, Image.Resampling.LANCZOS), stripe.resize(size, Image.Resampling.LANCZOS)


@lru_cache(maxsize=8)
def _icon(path: Path, fingerprint: str, size: int) -> Image.Image:
    """The kit's icon at `size` px (keyed by the kit's fingerprint, so a swapped kit is reread)."""
    with Image.open(path) as source:
        image = source.convert("RGBA")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    return image


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CardError(f"không đọc được ảnh bìa {path} để vẽ ảnh chia sẻ ({exc.strerror or exc})") from exc


def _renderer() -> str:
    return f"{WIDTH}x{HEIGHT};jpeg={','.join(map(str, JPEG_QUALITIES))}/{MAX_BYTES};pillow={PIL.__version__};raqm={has_raqm()}"
