#!/usr/bin/env python3
"""Draw the project's placeholder brand kit: logo and icon (SVG + 1024 px PNG) and two banners.

Everything is drawn by the project from simple shapes and the kit's own font (Be Vietnam Pro,
OFL, in ``assets/brand-kit/fonts/``): no third-party artwork. The logo is a stacked "10/10"
fraction (National Digital Transformation Day, 10 October) with "digital pixels" and the kit's
short name; the icon is the same mark without the name, for favicons.

The SVG and the PNG are made from one list of shapes: rectangles and polygons are written as SVG
elements and drawn by Pillow (supersampled), text is written into the SVG as the font's own
glyph outlines (read with fontTools, so the SVG needs no font) and drawn by Pillow glyph by
glyph at the same advances. Colours and names come from ``brand.yml``. Re-running the script
produces identical bytes.

Usage::

    .venv/bin/python scripts/draw_brand_kit.py            # (re)draw the artwork
    .venv/bin/python scripts/draw_brand_kit.py --check    # exit 1 if any file would change
    .venv/bin/python scripts/draw_brand_kit.py --kit DIR  # draw into another kit folder
"""

from __future__ import annotations

import argparse
import io
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "assets" / "brand-kit"
REGULAR = "fonts/BeVietnamPro-Regular.ttf"
BOLD = "fonts/BeVietnamPro-Bold.ttf"

MASTER_PX = 1024
SUPERSAMPLE = 2
MAX_BYTES = 300 * 1024

RGB = tuple[int, int, int]


# Shapes shared by the SVG writer and the Pillow renderer ------------------------------------


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0


@dataclass(frozen=True)
class Poly:
    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Text:
    """One line of text: `x` is its left edge (or centre with align='middle'), `baseline` its baseline."""

    x: float
    baseline: float
    size: float
    text: str
    fill: str
    bold: bool = True
    align: str = "start"


Shape = Rect | Poly | Text


class Typeface:
    """The kit font, read twice: fontTools for outlines and advances, Pillow for raster glyphs."""

    def __init__(self, kit: Path) -> None:
        self.paths = {True: kit / BOLD, False: kit / REGULAR}
        self.fonts = {bold: TTFont(path) for bold, path in self.paths.items()}

    def glyphs(self, text: str, bold: bool) -> list[tuple[str, str, float]]:
        """(character, glyph name, advance in em) for each character of NFC `text`."""
        font = self.fonts[bold]
        cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        out = []
        for ch in unicodedata.normalize("NFC", text):
            name = cmap.get(ord(ch))
            if name is None:
                raise SystemExit(f"the kit font has no glyph for {ch!r} (U+{ord(ch):04X})")
            out.append((ch, name, hmtx[name][0] / upm))
        return out

    def width(self, text: str, size: float, bold: bool) -> float:
        return sum(advance for _, _, advance in self.glyphs(text, bold)) * size

    def start(self, shape: Text) -> float:
        return shape.x - (self.width(shape.text, shape.size, shape.bold) / 2 if shape.align == "middle" else 0)

    def svg_path(self, shape: Text) -> str:
        font = self.fonts[shape.bold]
        glyph_set, upm = font.getGlyphSet(), font["head"].unitsPerEm
        scale = shape.size / upm
        pen_x = self.start(shape)
        commands = []
        for _, name, advance in self.glyphs(shape.text, shape.bold):
            pen = SVGPathPen(glyph_set, ntos=_number)
            glyph_set[name].draw(TransformPen(pen, (scale, 0, 0, -scale, pen_x, shape.baseline)))
            commands.append(pen.getCommands())
            pen_x += advance * shape.size
        return " ".join(c for c in commands if c)

    @cache  # noqa: B019 - a handful of sizes, one Typeface per run
    def pillow(self, bold: bool, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.paths[bold]), size, layout_engine=ImageFont.Layout.BASIC)

    def draw(self, draw: ImageDraw.ImageDraw, shape: Text, scale: float) -> None:
        font = self.pillow(shape.bold, round(shape.size * scale))
        pen_x = self.start(shape)
        for ch, _, advance in self.glyphs(shape.text, shape.bold):
            draw.text((pen_x * scale, shape.baseline * scale), ch, font=font, fill=shape.fill, anchor="ls")
            pen_x += advance * shape.size


def _number(value: float) -> str:
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


def write_svg(shapes: Iterable[Shape], size: int, label: str, typeface: Typeface) -> bytes:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" aria-label="{_xml(label)}">',
        f"<title>{_xml(label)}</title>",
    ]
    for shape in shapes:
        if isinstance(shape, Rect):
            radius = f' rx="{_number(shape.radius)}"' if shape.radius else ""
            parts.append(
                f'<rect x="{_number(shape.x)}" y="{_number(shape.y)}" width="{_number(shape.w)}" height="{_number(shape.h)}"{radius} fill="{shape.fill}"/>'
            )
        elif isinstance(shape, Poly):
            points = " ".join(f"{_number(x)},{_number(y)}" for x, y in shape.points)
            parts.append(f'<polygon points="{points}" fill="{shape.fill}"/>')
        else:
            parts.append(f'<path fill="{shape.fill}" d="{typeface.svg_path(shape)}"/>')
    parts.append("</svg>")
    return ("\n".join(parts) + "\n").encode("utf-8")


def render_png(shapes: Iterable[Shape], size: int, out_px: int, typeface: Typeface, background: str | None = None) -> Image.Image:
    """The shapes drawn at `out_px` (supersampled, then reduced); transparent unless `background`."""
    scale = out_px * SUPERSAMPLE / size
    canvas = Image.new("RGBA", (out_px * SUPERSAMPLE,) * 2, background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    for shape in shapes:
        if isinstance(shape, Rect):
            box = (shape.x * scale, shape.y * scale, (shape.x + shape.w) * scale - 1, (shape.y + shape.h) * scale - 1)
            draw.rounded_rectangle(box, radius=shape.radius * scale, fill=shape.fill)
        elif isinstance(shape, Poly):
            draw.polygon([(x * scale, y * scale) for x, y in shape.points], fill=shape.fill)
        else:
            typeface.draw(draw, shape, scale)
    return canvas.resize((out_px, out_px), Image.Resampling.LANCZOS)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


# The mark: a stacked "10/10" with digital pixels ----------------------------------------------


@dataclass(frozen=True)
class Palette:
    primary: str
    primary_text: str
    accent: str
    highlight: str
    background: str
    text: str


def mark(palette: Palette, ox: float, oy: float, scale: float) -> list[Shape]:
    """The "10/10" mark in a 1000-unit box placed at (ox, oy), `scale` canvas units per box unit."""

    def at(x: float, y: float) -> tuple[float, float]:
        return ox + x * scale, oy + y * scale

    def square(x: float, y: float, side: float, fill: str) -> Poly:
        return Poly((at(x, y), at(x + side, y), at(x + side, y + side), at(x, y + side)), fill)

    def slash(x0: float, y0: float, x1: float, y1: float, half: float) -> Poly:
        # a parallelogram with horizontal ends: the stroke of a "/" from (x0, y0) up to (x1, y1)
        return Poly((at(x0 - half, y0), at(x0 + half, y0), at(x1 + half, y1), at(x1 - half, y1)), palette.accent)

    digits = 360 * scale
    return [
        Text(*at(92, 400), size=digits, text="10", fill=palette.primary_text),
        Text(*at(500, 880), size=digits, text="10", fill=palette.primary_text),
        slash(262, 950, 738, 50, 36),
        # digital pixels: the stroke dissolving into squares at both ends
        square(820, 60, 56, palette.highlight),
        square(892, 132, 40, palette.highlight),
        square(820, 150, 28, palette.primary_text),
        square(124, 884, 56, palette.highlight),
        square(60, 812, 40, palette.highlight),
        square(152, 812, 28, palette.primary_text),
    ]


def logo_shapes(palette: Palette, short_name: str, typeface: Typeface) -> list[Shape]:
    size = MASTER_PX
    name_size = 104.0
    while typeface.width(short_name, name_size, bold=True) > size - 150:
        name_size -= 2
    return [
        Rect(0, 0, size, size, palette.primary, radius=184),
        *mark(palette, 172, 64, 0.68),
        Rect(312, 800, 400, 10, palette.highlight, radius=5),
        Text(size / 2, 932, name_size, short_name, palette.primary_text, align="middle"),
    ]


def icon_shapes(palette: Palette) -> list[Shape]:
    return [Rect(0, 0, MASTER_PX, MASTER_PX, palette.primary, radius=184), *mark(palette, 72, 72, 0.88)]


# Banners ----------------------------------------------------------------------------------------


def banner(
    palette: Palette,
    typeface: Typeface,
    size: tuple[int, int],
    logo: Image.Image,
    layout: Callable[[ImageDraw.ImageDraw, Callable[[bool, int], ImageFont.FreeTypeFont]], None],
    logo_box: tuple[int, int, int],
) -> Image.Image:
    """A banner on the primary colour with a pixel band, the logo at `logo_box` (x, y, side), and text."""
    width, height = size
    image = Image.new("RGB", size, palette.primary)
    draw = ImageDraw.Draw(image)
    # a band of "digital pixels" along the bottom edge, fading from highlight to accent
    step = 24
    for column in range(0, width // step + 1):
        for row in range(3):
            if (column * 7 + row * 3) % 5 in (0, 2) and row <= (column * 13) % 4:
                colour = palette.highlight if (column + row) % 3 else palette.accent
                x, y = column * step, height - (row + 1) * step
                draw.rectangle((x + 3, y + 3, x + step - 4, y + step - 4), fill=colour)
    draw.rectangle((0, height - 6, width, height), fill=palette.accent)
    x, y, side = logo_box
    image.paste(logo.resize((side, side), Image.Resampling.LANCZOS), (x, y), logo.resize((side, side), Image.Resampling.LANCZOS))

    def font(bold: bool, px: int) -> ImageFont.FreeTypeFont:
        # basic layout: the same pixels with or without Raqm (NFC text uses precomposed glyphs)
        return typeface.pillow(bold, px)

    layout(draw, font)
    return image


def wide_banner(palette: Palette, typeface: Typeface, logo: Image.Image, tagline: str) -> Image.Image:
    def layout(draw: ImageDraw.ImageDraw, font: Callable[[bool, int], ImageFont.FreeTypeFont]) -> None:
        left = 376
        draw.text((left, 112), "Ngày Chuyển đổi số quốc gia", font=font(True, 50), fill=palette.primary_text, anchor="ls")
        draw.text((left - 4, 240), "10/10", font=font(True, 130), fill=palette.highlight, anchor="ls")
        draw.text((left, 302), tagline, font=font(False, 32), fill=palette.primary_text, anchor="ls")

    return banner(palette, typeface, (1200, 400), logo, layout, (48, 44, 280))


def square_banner(palette: Palette, typeface: Typeface, logo: Image.Image, tagline: str) -> Image.Image:
    def layout(draw: ImageDraw.ImageDraw, font: Callable[[bool, int], ImageFont.FreeTypeFont]) -> None:
        centre = 540
        draw.text((centre, 560), "Ngày Chuyển đổi số", font=font(True, 80), fill=palette.primary_text, anchor="ms")
        draw.text((centre, 660), "quốc gia", font=font(True, 80), fill=palette.primary_text, anchor="ms")
        draw.text((centre, 870), "10/10", font=font(True, 200), fill=palette.highlight, anchor="ms")
        draw.text((centre, 975), tagline, font=font(False, 40), fill=palette.primary_text, anchor="ms")

    return banner(palette, typeface, (1080, 1080), logo, layout, (390, 96, 300))


# Files ------------------------------------------------------------------------------------------


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def read_palette(kit: Path) -> tuple[Palette, str, str]:
    raw = yaml.safe_load((kit / "brand.yml").read_text(encoding="utf-8"))
    colors = raw["colors"]
    palette = Palette(
        primary=colors["primary"],
        primary_text=colors["primary_text"],
        accent=colors["accent"],
        highlight=colors.get("highlight", colors["primary_text"]),
        background=colors["background"],
        text=colors["text"],
    )
    return palette, str(raw["short_name"]), str(raw["tagline"])


def draw_kit(kit: Path) -> dict[str, bytes]:
    """Every artwork file of the placeholder kit, by path relative to the kit."""
    palette, short_name, tagline = read_palette(kit)
    typeface = Typeface(kit)
    logo = logo_shapes(palette, short_name, typeface)
    icon = icon_shapes(palette)
    logo_png = render_png(logo, MASTER_PX, MASTER_PX, typeface)
    return {
        "logo/logo.svg": write_svg(logo, MASTER_PX, f"Logo {short_name} 10/10", typeface),
        "logo/logo.png": png_bytes(logo_png),
        "logo/icon.svg": write_svg(icon, MASTER_PX, "Biểu tượng 10/10", typeface),
        "logo/icon.png": png_bytes(render_png(icon, MASTER_PX, MASTER_PX, typeface)),
        "banners/bang-ron-1200x400.png": png_bytes(wide_banner(palette, typeface, logo_png, tagline)),
        "banners/bang-ron-1080x1080.png": png_bytes(square_banner(palette, typeface, logo_png, tagline)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    parser.add_argument("--kit", type=Path, default=KIT, help="the kit folder (default: assets/brand-kit)")
    args = parser.parse_args(argv)
    changed = 0
    for src, data in sorted(draw_kit(args.kit).items()):
        path = args.kit / src
        if len(data) > MAX_BYTES:
            print(f"{src}: {len(data)} bytes, over the {MAX_BYTES} byte budget", file=sys.stderr)
            return 2
        if path.exists() and path.read_bytes() == data:
            continue
        changed += 1
        print(f"{'would change' if args.check else 'wrote'} {src} ({len(data)} bytes)")
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
