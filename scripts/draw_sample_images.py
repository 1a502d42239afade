#!/usr/bin/env python3
"""Draw the sample illustrations referenced by the sample content under ``articles/``.

The script scans the YAML front matter of every Markdown file under ``articles/`` and draws
each image it references that does not come from a camera:

* ``cover:`` of a news article          -> 1200 x 675 JPEG
* ``images: [{src: ...}]`` of an entry  -> 1200 x 900 JPEG

Every picture is an abstract, text-free illustration in the palette of the National Digital
Transformation Day look (deep blue, cyan, red, yellow, white): a gradient sky, hills or rice
terraces, phones, laptops, Wi-Fi arcs, circuits, houses... The choice of motif follows a few
keywords of the image's alt text; everything else is drawn from a random generator seeded by the
image's path relative to the repository, so re-running the script produces identical bytes.

Usage::

    .venv/bin/python scripts/draw_sample_images.py            # draw every referenced image
    .venv/bin/python scripts/draw_sample_images.py --check    # only report what would change

Only relative ``.jpg``/``.jpeg`` paths that stay inside ``articles/`` are drawn.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = "articles"

COVER_SIZE = (1200, 675)
PHOTO_SIZE = (1200, 900)
SCALE = 2  # supersampling factor for smooth edges
QUALITY = 82
MAX_BYTES = 120 * 1024

# Palette
DEEP_BLUE = (11, 61, 145)  # #0b3d91
CYAN = (0, 163, 224)  # #00a3e0
RED = (218, 37, 29)  # #da251d
YELLOW = (255, 205, 0)  # #ffcd00
WHITE = (255, 255, 255)
NIGHT = (6, 28, 74)

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]
"""left, top, right, bottom"""
Painter = Callable[[ImageDraw.ImageDraw], None]
"""Draws on a transparent layer (Canvas.overlay)."""


def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    """Linear blend of two RGB colours (t=0 -> a, t=1 -> b)."""
    r, g, b_ = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return r, g, b_


# Soft "green" for fields and hills, kept inside the palette (cyan + yellow + a touch of blue).
FIELD = mix(mix(CYAN, YELLOW, 0.45), DEEP_BLUE, 0.15)


# --------------------------------------------------------------------------------------------
# Front matter scanning
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    path: Path  # absolute path of the image to draw
    rel: str  # path relative to the repository (posix): the seed
    size: tuple[int, int]
    alt: str
    source: Path  # the Markdown file that references it


def read_front_matter(md: Path) -> dict[str, Any] | None:
    text = md.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:i]))
            except yaml.YAMLError as exc:
                print(f"warning: {md}: front matter is not valid YAML ({exc})", file=sys.stderr)
                return None
            return data if isinstance(data, dict) else None
    return None


def resolve(md: Path, src: object, articles: Path) -> Path | None:
    if not isinstance(src, str) or not src.strip():
        return None
    src = src.strip()
    if "://" in src or src.startswith("/"):
        return None
    if Path(src).suffix.lower() not in (".jpg", ".jpeg"):
        return None
    target = (md.parent / src).resolve()
    try:
        target.relative_to(articles.resolve())
    except ValueError:
        print(f"warning: {md}: image {src!r} leaves {ARTICLES}/, skipped", file=sys.stderr)
        return None
    return target


def collect_jobs(root: Path) -> list[Job]:
    articles = root / ARTICLES
    jobs: dict[Path, Job] = {}
    for md in sorted(articles.rglob("*.md")):
        fm = read_front_matter(md)
        if not fm:
            continue
        found: list[tuple[object, tuple[int, int], object]] = []
        if "cover" in fm:
            found.append((fm.get("cover"), COVER_SIZE, fm.get("cover_alt", "")))
        images = fm.get("images")
        if isinstance(images, list):
            for item in images:
                if isinstance(item, dict):
                    found.append((item.get("src"), PHOTO_SIZE, item.get("alt", "")))
                elif isinstance(item, str):
                    found.append((item, PHOTO_SIZE, ""))
        for src, size, alt in found:
            target = resolve(md, src, articles)
            if target is None or target in jobs:
                continue
            rel = target.relative_to(root.resolve()).as_posix()
            jobs[target] = Job(target, rel, size, str(alt or ""), md)
    return sorted(jobs.values(), key=lambda j: j.rel)


# --------------------------------------------------------------------------------------------
# Drawing primitives (all coordinates in supersampled pixels)
# --------------------------------------------------------------------------------------------


class Canvas:
    def __init__(self, size: tuple[int, int], rng: random.Random):
        self.w, self.h = size[0] * SCALE, size[1] * SCALE
        self.rng = rng
        self.img = Image.new("RGB", (self.w, self.h), DEEP_BLUE)
        self.draw = ImageDraw.Draw(self.img)

    # -- helpers ---------------------------------------------------------------------------
    def s(self, v: float) -> int:
        """Scale a length given in output pixels."""
        return round(v * SCALE)

    def overlay(self, painter: Painter, opacity: float) -> None:
        """Paint on a transparent layer and composite it with the given opacity."""
        layer = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        painter(ImageDraw.Draw(layer))
        if opacity < 1:
            alpha = layer.getchannel("A").point(lambda a: round(a * opacity))
            layer.putalpha(alpha)
        self.img.paste(layer, (0, 0), layer)
        self.draw = ImageDraw.Draw(self.img)

    # -- backgrounds -----------------------------------------------------------------------
    def gradient(self, top: RGB, bottom: RGB) -> None:
        mask = Image.linear_gradient("L").resize((self.w, self.h))
        self.img = Image.composite(Image.new("RGB", (self.w, self.h), bottom), Image.new("RGB", (self.w, self.h), top), mask)
        self.draw = ImageDraw.Draw(self.img)

    def glow(self, cx: float, cy: float, r: float, colour: RGB, rings: int = 5, opacity: float = 0.18) -> None:
        def paint(d: ImageDraw.ImageDraw) -> None:
            for i in range(rings, 0, -1):
                rr = r * (1 + i * 0.35)
                d.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=colour + (round(255 * 0.5 / i),))

        self.overlay(paint, opacity)

    def sun(self, cx: float, cy: float, r: float, colour: RGB = YELLOW) -> None:
        self.glow(cx, cy, r, colour)
        self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)

    def clouds(self, n: int, y_max: float) -> None:
        rng = self.rng

        def paint(d: ImageDraw.ImageDraw) -> None:
            for _ in range(n):
                cx = rng.uniform(0, self.w)
                cy = rng.uniform(self.h * 0.05, self.h * y_max)
                base = rng.uniform(self.s(40), self.s(90))
                for k in range(4):
                    ox = (k - 1.5) * base * 0.8 + rng.uniform(-base * 0.2, base * 0.2)
                    rr = base * rng.uniform(0.55, 0.95)
                    d.ellipse((cx + ox - rr, cy - rr * 0.7, cx + ox + rr, cy + rr * 0.7), fill=WHITE + (255,))

        self.overlay(paint, 0.55)

    def dots(self, n: int, colours: Sequence[RGB], opacity: float = 0.5) -> None:
        rng = self.rng

        def paint(d: ImageDraw.ImageDraw) -> None:
            for _ in range(n):
                x, y = rng.uniform(0, self.w), rng.uniform(0, self.h)
                r = rng.uniform(self.s(3), self.s(12))
                d.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(colours) + (255,))

        self.overlay(paint, opacity)

    # -- landscape -------------------------------------------------------------------------
    def wave_y(self, base: float, amp: float, phase: float, freq: float, x: float) -> float:
        return (
            base
            + amp * math.sin(freq * x / self.w * 2 * math.pi + phase)
            + amp * 0.4 * math.sin(freq * 2.3 * x / self.w * 2 * math.pi + phase * 1.7)
        )

    def hills(self, layers: int, top: float, colours: Sequence[RGB]) -> None:
        rng = self.rng
        for i in range(layers):
            base = self.h * (top + (1 - top) * i / (layers + 0.5))
            amp = self.h * rng.uniform(0.03, 0.08)
            phase, freq = rng.uniform(0, 6.28), rng.uniform(0.6, 1.6)
            pts = [(x, self.wave_y(base, amp, phase, freq, x)) for x in range(0, self.w + 41, 40)]
            pts += [(self.w, self.h), (0, self.h)]
            self.draw.polygon(pts, fill=colours[i % len(colours)])

    def terraces(self, top: float) -> None:
        rng = self.rng
        n = rng.randint(6, 9)
        phase, freq = rng.uniform(0, 6.28), rng.uniform(0.5, 1.2)
        for i in range(n):
            t = i / (n - 1)
            base = self.h * (top + (1 - top) * t * 0.95)
            amp = self.h * 0.05 * (1 - t * 0.5)
            col = mix(mix(FIELD, YELLOW, 0.5 * (1 - t)), DEEP_BLUE, 0.25 * t)
            pts = [(x, self.wave_y(base, amp, phase + i * 0.25, freq, x)) for x in range(0, self.w + 41, 40)]
            self.draw.polygon(pts + [(self.w, self.h), (0, self.h)], fill=col)
            self.draw.line(pts, fill=mix(col, WHITE, 0.35), width=self.s(3))

    def river(self, y: float) -> None:
        rng = self.rng
        phase = rng.uniform(0, 6.28)
        top = [(x, self.wave_y(y, self.h * 0.02, phase, 1.1, x)) for x in range(0, self.w + 41, 40)]
        bottom = [(x, yy + self.h * 0.12) for x, yy in reversed(top)]
        self.draw.polygon(top + bottom, fill=mix(CYAN, WHITE, 0.15))
        for k in range(5):
            yy = y + self.h * (0.025 + 0.02 * k)
            x0 = rng.uniform(0, self.w * 0.7)
            self.draw.line((x0, yy, x0 + rng.uniform(self.s(60), self.s(180)), yy), fill=mix(CYAN, WHITE, 0.6), width=self.s(3))

    def city(self, ground: float) -> None:
        rng = self.rng
        x = -rng.uniform(0, self.s(40))
        while x < self.w:
            bw = rng.uniform(self.s(50), self.s(120))
            bh = rng.uniform(self.h * 0.15, self.h * 0.5)
            col = mix(DEEP_BLUE, NIGHT, rng.uniform(0, 0.5))
            self.draw.rectangle((x, ground - bh, x + bw, ground), fill=col)
            wy = ground - bh + self.s(14)
            while wy < ground - self.s(20):
                wx = x + self.s(10)
                while wx < x + bw - self.s(14):
                    if rng.random() < 0.45:
                        self.draw.rectangle(
                            (wx, wy, wx + self.s(8), wy + self.s(10)), fill=rng.choice([YELLOW, mix(CYAN, WHITE, 0.4), WHITE])
                        )
                    wx += self.s(16)
                wy += self.s(20)
            x += bw + rng.uniform(self.s(4), self.s(18))
        self.draw.rectangle((0, ground, self.w, self.h), fill=NIGHT)

    def house(self, cx: float, ground: float, size: float, wall: RGB = WHITE, roof: RGB = RED) -> None:
        w, h = size, size * 0.7
        self.draw.rectangle((cx - w / 2, ground - h, cx + w / 2, ground), fill=wall)
        self.draw.polygon([(cx - w * 0.62, ground - h), (cx, ground - h - size * 0.5), (cx + w * 0.62, ground - h)], fill=roof)
        self.draw.rectangle((cx - w * 0.1, ground - h * 0.55, cx + w * 0.1, ground), fill=DEEP_BLUE)

    def trees(self, n: int, ground_fn: Callable[[float], float], colour: RGB) -> None:
        rng = self.rng
        for _ in range(n):
            x = rng.uniform(0, self.w)
            g = ground_fn(x)
            r = rng.uniform(self.s(14), self.s(30))
            self.draw.rectangle((x - r * 0.12, g - r * 1.2, x + r * 0.12, g), fill=NIGHT)
            self.draw.ellipse((x - r, g - r * 2.6, x + r, g - r * 0.8), fill=colour)

    # -- devices and symbols ---------------------------------------------------------------
    def wifi(self, cx: float, cy: float, r: float, colour: RGB = WHITE, arcs: int = 3, width: int | None = None) -> None:
        width = width or max(self.s(6), round(r / 7))
        for i in range(1, arcs + 1):
            rr = r * i / arcs
            self.draw.arc((cx - rr, cy - rr, cx + rr, cy + rr), 225, 315, fill=colour, width=width)
        d = width * 0.9
        self.draw.ellipse((cx - d, cy - d, cx + d, cy + d), fill=colour)

    def phone(self, cx: float, cy: float, h: float, screen_top: RGB, screen_bottom: RGB) -> Box:
        w = h * 0.5
        x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
        self.overlay(
            lambda d: d.rounded_rectangle(
                (x0 + self.s(12), y0 + self.s(16), x1 + self.s(12), y1 + self.s(16)), radius=w * 0.16, fill=NIGHT + (255,)
            ),
            0.35,
        )
        self.draw.rounded_rectangle((x0, y0, x1, y1), radius=w * 0.16, fill=NIGHT)
        m = w * 0.07
        sx0, sy0, sx1, sy1 = x0 + m, y0 + m * 1.8, x1 - m, y1 - m * 1.8
        scr = Image.linear_gradient("L").resize((round(sx1 - sx0), round(sy1 - sy0)))
        screen = Image.composite(Image.new("RGB", scr.size, screen_bottom), Image.new("RGB", scr.size, screen_top), scr)
        smask = Image.new("L", scr.size, 0)
        ImageDraw.Draw(smask).rounded_rectangle((0, 0, scr.size[0] - 1, scr.size[1] - 1), radius=w * 0.08, fill=255)
        self.img.paste(screen, (round(sx0), round(sy0)), smask)
        self.draw = ImageDraw.Draw(self.img)
        self.draw.rounded_rectangle(
            (cx - w * 0.12, y0 + m * 0.6, cx + w * 0.12, y0 + m * 1.1), radius=m * 0.3, fill=mix(NIGHT, WHITE, 0.2)
        )
        return sx0, sy0, sx1, sy1

    def screen_content(self, box: Box, kind: str) -> None:
        rng = self.rng
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        if kind == "cards":
            y = y0 + h * 0.08
            while y < y1 - h * 0.14:
                ch = h * rng.uniform(0.08, 0.14)
                self.draw.rounded_rectangle(
                    (x0 + w * 0.08, y, x1 - w * 0.08, y + ch), radius=w * 0.04, fill=mix(WHITE, CYAN, rng.uniform(0, 0.25))
                )
                self.draw.ellipse(
                    (x0 + w * 0.13, y + ch * 0.25, x0 + w * 0.13 + ch * 0.5, y + ch * 0.75),
                    fill=rng.choice([RED, YELLOW, CYAN, DEEP_BLUE]),
                )
                y += ch + h * 0.035
        elif kind == "chat":
            y = y0 + h * 0.08
            left = True
            while y < y1 - h * 0.12:
                bh = h * rng.uniform(0.06, 0.1)
                bw = w * rng.uniform(0.45, 0.7)
                bx = x0 + w * 0.07 if left else x1 - w * 0.07 - bw
                self.draw.rounded_rectangle((bx, y, bx + bw, y + bh), radius=bh * 0.45, fill=WHITE if left else YELLOW)
                y += bh + h * 0.04
                left = not left
        elif kind == "live":
            self.draw.ellipse((x0 + w * 0.2, y0 + h * 0.25, x1 - w * 0.2, y0 + h * 0.25 + w * 0.6), fill=YELLOW)
            self.draw.rounded_rectangle((x0 + w * 0.08, y0 + h * 0.06, x0 + w * 0.38, y0 + h * 0.12), radius=h * 0.02, fill=RED)
            for k in range(3):
                r = w * 0.06
                cx, cy = x1 - w * 0.15, y1 - h * (0.12 + 0.09 * k)
                self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=[RED, WHITE, CYAN][k])
        elif kind == "check":
            cx, cy, r = (x0 + x1) / 2, y0 + h * 0.4, w * 0.28
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)
            self.draw.line(
                [(cx - r * 0.5, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.55, cy - r * 0.4)],
                fill=DEEP_BLUE,
                width=round(r * 0.22),
                joint="curve",
            )
            for k in range(3):
                yy = y0 + h * (0.68 + 0.08 * k)
                self.draw.rounded_rectangle(
                    (x0 + w * 0.12, yy, x1 - w * (0.12 + 0.15 * k), yy + h * 0.035), radius=h * 0.015, fill=mix(WHITE, CYAN, 0.3)
                )
        elif kind == "chart":
            n = 6
            bw = w * 0.8 / n
            for k in range(n):
                bh = h * rng.uniform(0.15, 0.6)
                bx = x0 + w * 0.1 + k * bw
                self.draw.rectangle(
                    (bx + bw * 0.15, y1 - h * 0.1 - bh, bx + bw * 0.85, y1 - h * 0.1), fill=rng.choice([WHITE, YELLOW, CYAN])
                )
            self.draw.line((x0 + w * 0.08, y0 + h * 0.3, x1 - w * 0.08, y0 + h * 0.3), fill=RED, width=self.s(4))
        else:  # grid of app tiles
            cols, rows = 3, 5
            tw = w * 0.8 / cols
            for r_ in range(rows):
                for c_ in range(cols):
                    tx, ty = x0 + w * 0.1 + c_ * tw, y0 + h * 0.08 + r_ * tw * 1.05
                    if ty + tw * 0.8 > y1:
                        continue
                    self.draw.rounded_rectangle(
                        (tx + tw * 0.1, ty, tx + tw * 0.9, ty + tw * 0.8),
                        radius=tw * 0.2,
                        fill=rng.choice([WHITE, YELLOW, CYAN, RED, mix(CYAN, WHITE, 0.5)]),
                    )

    def laptop(self, cx: float, base: float, w: float) -> None:
        h = w * 0.62
        x0, y0, x1, y1 = cx - w / 2, base - h, cx + w / 2, base
        self.draw.rounded_rectangle((x0, y0, x1, y1), radius=w * 0.03, fill=NIGHT)
        m = w * 0.035
        self.draw.rectangle((x0 + m, y0 + m, x1 - m, y1 - m), fill=mix(CYAN, WHITE, 0.15))
        self.screen_content((x0 + m, y0 + m, x1 - m, y1 - m), self.rng.choice(["chart", "cards"]))
        self.draw.polygon(
            [(x0 - w * 0.08, y1), (x1 + w * 0.08, y1), (x1 + w * 0.12, y1 + w * 0.05), (x0 - w * 0.12, y1 + w * 0.05)],
            fill=mix(NIGHT, WHITE, 0.25),
        )

    def circuit(self, colour: RGB, opacity: float = 0.45, n: int = 14) -> None:
        rng = self.rng
        step = self.s(40)

        def paint(d: ImageDraw.ImageDraw) -> None:
            for _ in range(n):
                x = round(rng.uniform(0, self.w) / step) * step
                y = round(rng.uniform(0, self.h) / step) * step
                pts = [(x, y)]
                for _ in range(rng.randint(2, 5)):
                    if rng.random() < 0.5:
                        x += rng.choice([-1, 1]) * step * rng.randint(1, 5)
                    else:
                        y += rng.choice([-1, 1]) * step * rng.randint(1, 4)
                    pts.append((x, y))
                d.line(pts, fill=colour + (255,), width=self.s(4), joint="curve")
                for px, py in (pts[0], pts[-1]):
                    r = self.s(9)
                    d.ellipse((px - r, py - r, px + r, py + r), outline=colour + (255,), width=self.s(4))

        self.overlay(paint, opacity)

    def shield(self, cx: float, cy: float, h: float, fill: RGB = WHITE, inner: RGB = DEEP_BLUE) -> None:
        w = h * 0.8
        pts = [
            (cx, cy - h / 2),
            (cx + w / 2, cy - h * 0.35),
            (cx + w * 0.45, cy + h * 0.05),
            (cx, cy + h / 2),
            (cx - w * 0.45, cy + h * 0.05),
            (cx - w / 2, cy - h * 0.35),
        ]
        self.draw.polygon(pts, fill=fill)
        # padlock
        lw, lh = w * 0.36, h * 0.26
        bx0, by0 = cx - lw / 2, cy - lh * 0.1
        self.draw.arc(
            (cx - lw * 0.32, by0 - lh * 0.75, cx + lw * 0.32, by0 + lh * 0.35), 180, 360, fill=inner, width=round(lw * 0.13)
        )
        self.draw.rounded_rectangle((bx0, by0, bx0 + lw, by0 + lh), radius=lw * 0.12, fill=inner)
        r = lw * 0.1
        self.draw.ellipse((cx - r, by0 + lh * 0.4 - r, cx + r, by0 + lh * 0.4 + r), fill=YELLOW)

    def warning(self, cx: float, cy: float, size: float) -> None:
        h = size * 0.87
        self.draw.polygon([(cx, cy - h / 2), (cx + size / 2, cy + h / 2), (cx - size / 2, cy + h / 2)], fill=YELLOW)
        self.draw.rounded_rectangle(
            (cx - size * 0.05, cy - h * 0.2, cx + size * 0.05, cy + h * 0.2), radius=size * 0.03, fill=RED
        )
        r = size * 0.055
        self.draw.ellipse((cx - r, cy + h * 0.3 - r, cx + r, cy + h * 0.3 + r), fill=RED)

    def qr(self, x0: float, y0: float, size: float) -> None:
        rng = self.rng
        self.draw.rectangle((x0, y0, x0 + size, y0 + size), fill=WHITE)
        n = 9
        c = size * 0.84 / n
        ox, oy = x0 + size * 0.08, y0 + size * 0.08
        for i in range(n):
            for j in range(n):
                corner = (i < 3 and j < 3) or (i < 3 and j >= n - 3) or (i >= n - 3 and j < 3)
                if corner:
                    continue
                if rng.random() < 0.5:
                    self.draw.rectangle((ox + i * c, oy + j * c, ox + (i + 1) * c, oy + (j + 1) * c), fill=NIGHT)
        for ci, cj in ((0, 0), (0, n - 3), (n - 3, 0)):
            a, b = ox + ci * c, oy + cj * c
            self.draw.rectangle((a, b, a + 3 * c, b + 3 * c), fill=NIGHT)
            self.draw.rectangle((a + c * 0.5, b + c * 0.5, a + 2.5 * c, b + 2.5 * c), fill=WHITE)
            self.draw.rectangle((a + c, b + c, a + 2 * c, b + 2 * c), fill=NIGHT)

    def bins(self, cx: float, ground: float, size: float) -> None:
        for k, col in enumerate((CYAN, YELLOW, RED)):
            x = cx + (k - 1) * size * 1.15
            self.draw.rounded_rectangle((x - size / 2, ground - size * 1.3, x + size / 2, ground), radius=size * 0.08, fill=col)
            self.draw.rounded_rectangle(
                (x - size * 0.58, ground - size * 1.45, x + size * 0.58, ground - size * 1.28),
                radius=size * 0.05,
                fill=mix(col, NIGHT, 0.3),
            )
            self.draw.arc(
                (x - size * 0.25, ground - size * 0.95, x + size * 0.25, ground - size * 0.45),
                0,
                300,
                fill=WHITE,
                width=self.s(6),
            )

    def shapes(self, n: int) -> None:
        rng = self.rng

        def paint(d: ImageDraw.ImageDraw) -> None:
            for _ in range(n):
                x, y = rng.uniform(0, self.w), rng.uniform(0, self.h)
                r = rng.uniform(self.s(30), self.s(140))
                col = rng.choice([CYAN, YELLOW, RED, WHITE, DEEP_BLUE]) + (255,)
                kind = rng.random()
                if kind < 0.4:
                    d.ellipse((x - r, y - r, x + r, y + r), fill=col)
                elif kind < 0.7:
                    d.rounded_rectangle((x - r, y - r * 0.6, x + r, y + r * 0.6), radius=r * 0.3, fill=col)
                else:
                    d.polygon([(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)], fill=col)

        self.overlay(paint, 0.35)


# --------------------------------------------------------------------------------------------
# Extra motifs
# --------------------------------------------------------------------------------------------


def badge(c: Canvas, cx: float, cy: float, r: float, colour: RGB = WHITE) -> None:
    c.overlay(
        lambda d: d.ellipse((cx - r + c.s(8), cy - r + c.s(10), cx + r + c.s(8), cy + r + c.s(10)), fill=NIGHT + (255,)), 0.25
    )
    c.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)


def cart(c: Canvas, cx: float, cy: float, size: float, colour: RGB = DEEP_BLUE) -> None:
    badge(c, cx, cy, size * 0.95, YELLOW)
    w = size * 0.9
    top, bottom = cy - size * 0.3, cy + size * 0.2
    c.draw.line([(cx - w * 0.75, top - size * 0.18), (cx - w * 0.55, top)], fill=colour, width=c.s(10))
    c.draw.polygon([(cx - w * 0.55, top), (cx + w * 0.6, top), (cx + w * 0.42, bottom), (cx - w * 0.4, bottom)], fill=colour)
    for k in range(1, 4):
        x = cx - w * 0.55 + k * w * 1.15 / 4
        c.draw.line((x, top + size * 0.06, x - w * 0.04, bottom - size * 0.06), fill=YELLOW, width=c.s(5))
    r = size * 0.11
    for wx in (cx - w * 0.28, cx + w * 0.25):
        c.draw.ellipse((wx - r, bottom + size * 0.12 - r, wx + r, bottom + size * 0.12 + r), fill=colour)


def parcels(c: Canvas, cx: float, ground: float, size: float) -> None:
    rng = c.rng
    card = mix(YELLOW, RED, 0.25)
    boxes = [(-0.55, 0, 1.0), (0.5, 0, 0.9), (-0.05, 1, 0.8)]
    for ox, level, k in boxes:
        bw = size * k
        x0 = cx + ox * size - bw / 2
        y1 = ground - level * size * 0.9
        y0 = y1 - bw * 0.85
        c.draw.rectangle(
            (x0, y0, x0 + bw, y1), fill=mix(card, WHITE, rng.uniform(0, 0.2)), outline=mix(card, NIGHT, 0.3), width=c.s(4)
        )
        c.draw.rectangle((x0 + bw * 0.44, y0, x0 + bw * 0.56, y1), fill=WHITE)


def bicycle(c: Canvas, cx: float, ground: float, size: float, colour: RGB = RED) -> None:
    r = size * 0.32
    lw = c.s(7)
    back, front = (cx - size * 0.45, ground - r), (cx + size * 0.45, ground - r)
    for x, y in (back, front):
        c.draw.ellipse((x - r, y - r, x + r, y + r), outline=NIGHT, width=lw)
    seat = (cx - size * 0.15, ground - r - size * 0.45)
    bar = (cx + size * 0.3, ground - r - size * 0.5)
    pedal = (cx, ground - r)
    c.draw.line([back, pedal, (cx + size * 0.25, ground - r - size * 0.4), back], fill=colour, width=lw, joint="curve")
    c.draw.line([pedal, seat], fill=colour, width=lw)
    c.draw.line([front, bar], fill=colour, width=lw)
    c.draw.line([(seat[0] - size * 0.08, seat[1]), (seat[0] + size * 0.08, seat[1])], fill=NIGHT, width=lw)
    c.draw.line([bar, (bar[0] - size * 0.1, bar[1] - size * 0.04)], fill=NIGHT, width=lw)


def palm(c: Canvas, x: float, ground: float, height: float) -> None:
    rng = c.rng
    lean = rng.uniform(-0.15, 0.15) * height
    top = (x + lean, ground - height)
    c.draw.line(
        [(x, ground), (x + lean * 0.4, ground - height * 0.5), top], fill=mix(NIGHT, RED, 0.25), width=c.s(10), joint="curve"
    )
    leaf = mix(FIELD, DEEP_BLUE, 0.35)
    for k in range(7):
        ang = math.pi * (0.05 + 0.9 * k / 6)
        length = height * rng.uniform(0.35, 0.5)
        ex, ey = top[0] + math.cos(ang) * length, top[1] - math.sin(ang) * length * 0.45 + length * 0.35
        mx, my = (top[0] + ex) / 2, (top[1] + ey) / 2 - length * 0.18
        c.draw.line([top, (mx, my), (ex, ey)], fill=leaf, width=c.s(12), joint="curve")


def pills(c: Canvas, cx: float, cy: float, size: float) -> None:
    w, h = size, size * 0.62
    c.draw.rounded_rectangle(
        (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2),
        radius=size * 0.08,
        fill=mix(WHITE, CYAN, 0.15),
        outline=mix(CYAN, DEEP_BLUE, 0.3),
        width=c.s(4),
    )
    for i in range(4):
        for j in range(2):
            px = cx - w * 0.33 + i * w * 0.22
            py = cy - h * 0.2 + j * h * 0.4
            c.draw.rounded_rectangle(
                (px - w * 0.07, py - h * 0.11, px + w * 0.07, py + h * 0.11), radius=w * 0.06, fill=RED if (i + j) % 2 else YELLOW
            )


def sound_waves(c: Canvas, cx: float, cy: float, r: float, side: int, colour: RGB = YELLOW) -> None:
    start, end = (-40, 40) if side > 0 else (140, 220)
    for i in range(1, 4):
        rr = r * i / 3
        c.draw.arc((cx - rr, cy - rr, cx + rr, cy + rr), start, end, fill=colour, width=c.s(9))


def speaker(c: Canvas, cx: float, cy: float, size: float) -> None:
    badge(c, cx, cy, size, WHITE)
    s = size * 0.5
    c.draw.rectangle((cx - s * 0.9, cy - s * 0.3, cx - s * 0.4, cy + s * 0.3), fill=DEEP_BLUE)
    c.draw.polygon(
        [
            (cx - s * 0.4, cy - s * 0.3),
            (cx + s * 0.1, cy - s * 0.75),
            (cx + s * 0.1, cy + s * 0.75),
            (cx - s * 0.4, cy + s * 0.3),
        ],
        fill=DEEP_BLUE,
    )
    for i in (1, 2):
        rr = s * (0.35 + 0.35 * i)
        c.draw.arc((cx + s * 0.1 - rr, cy - rr, cx + s * 0.1 + rr, cy + rr), -45, 45, fill=RED, width=c.s(8))


def clock(c: Canvas, cx: float, cy: float, r: float) -> None:
    c.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE, outline=DEEP_BLUE, width=c.s(10))
    for k in range(12):
        a = k * math.pi / 6
        c.draw.line(
            (cx + math.cos(a) * r * 0.78, cy + math.sin(a) * r * 0.78, cx + math.cos(a) * r * 0.88, cy + math.sin(a) * r * 0.88),
            fill=DEEP_BLUE,
            width=c.s(4),
        )
    c.draw.line((cx, cy, cx, cy - r * 0.65), fill=DEEP_BLUE, width=c.s(12))
    c.draw.line((cx, cy, cx + r * 0.45, cy + r * 0.2), fill=RED, width=c.s(10))


def office(c: Canvas, cx: float, ground: float, w: float) -> None:
    h = w * 0.42
    x0, x1 = cx - w / 2, cx + w / 2
    c.draw.rectangle((x0 - w * 0.04, ground - w * 0.03, x1 + w * 0.04, ground), fill=mix(WHITE, CYAN, 0.3))
    c.draw.rectangle((x0, ground - h, x1, ground - w * 0.03), fill=WHITE)
    c.draw.polygon([(x0 - w * 0.05, ground - h), (cx, ground - h - w * 0.17), (x1 + w * 0.05, ground - h)], fill=RED)
    c.draw.rectangle((x0 - w * 0.05, ground - h - w * 0.015, x1 + w * 0.05, ground - h + w * 0.015), fill=YELLOW)
    n = 6
    for k in range(n):
        px = x0 + w * (0.08 + 0.84 * k / (n - 1))
        c.draw.rectangle((px - w * 0.025, ground - h + w * 0.04, px + w * 0.025, ground - w * 0.05), fill=mix(CYAN, WHITE, 0.55))
    c.draw.rounded_rectangle(
        (cx - w * 0.06, ground - h * 0.45, cx + w * 0.06, ground - w * 0.03), radius=w * 0.02, fill=DEEP_BLUE
    )


def pin(c: Canvas, x: float, y: float, size: float, colour: RGB = RED) -> None:
    r = size * 0.5
    c.draw.polygon([(x - r * 0.8, y - size * 0.9), (x + r * 0.8, y - size * 0.9), (x, y)], fill=colour)
    c.draw.ellipse((x - r, y - size * 1.5, x + r, y - size * 0.5), fill=colour)
    c.draw.ellipse((x - r * 0.4, y - size * 1.1, x + r * 0.4, y - size * 0.9 + r * 0.0), fill=WHITE)


# --------------------------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------------------------

KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("map", ("bản đồ",)),
    ("office", ("tòa nhà hành chính",)),
    ("road", ("nước dâng", "vạch nước")),
    ("path", ("các bước",)),
    ("shield", ("khiên", "ổ khóa", "kính lúp", "khuôn mặt")),
    ("bins", ("thùng rác", "tái chế")),
    ("terraces", ("ruộng bậc thang", "ruộng", "đồi cây", "vườn", "đồi cà phê", "cà phê")),
    ("steps", ("bậc thang", "hình học")),
    ("city", ("thành phố", "tòa nhà", "thủ đô")),
    ("river", ("sông", "kênh", "bến", "làng biển", "biển")),
    ("village", ("ngôi nhà", "ngôi trường", "nhà văn hóa", "những ngôi nhà", "núi")),
    ("circuit", ("mạch", "bảng mạch")),
    ("devices", ("điện thoại", "máy tính", "laptop", "wi-fi", "mã qr", "lịch", "sách", "kiện hàng", "đồng hồ")),
]
SCENES = ("terraces", "city", "river", "village", "devices", "circuit", "abstract")


def choose_scene(alt: str, rng: random.Random) -> str:
    low = alt.lower()
    for scene, words in KEYWORDS:
        if any(w in low for w in words):
            return scene
    return rng.choice(SCENES)


def sky(c: Canvas, night: bool | None = None) -> None:
    rng = c.rng
    if night is None:
        night = rng.random() < 0.3
    if night:
        c.gradient(NIGHT, mix(DEEP_BLUE, CYAN, rng.uniform(0.2, 0.5)))
        c.dots(rng.randint(25, 45), [WHITE, YELLOW], 0.6)
    else:
        c.gradient(mix(DEEP_BLUE, CYAN, rng.uniform(0.0, 0.35)), mix(CYAN, WHITE, rng.uniform(0.35, 0.7)))
        c.clouds(rng.randint(2, 4), 0.4)


def screen_kind(alt: str, rng: random.Random) -> str:
    low = alt.lower()
    if "trò chuyện" in low or "tin nhắn" in low or "hỏi đáp" in low:
        return "chat"
    if "trực tiếp" in low or "livestream" in low:
        return "live"
    if "tích" in low or "biểu mẫu" in low:
        return "check"
    if "biểu đồ" in low:
        return "chart"
    if "nút" in low:
        return "tiles"
    if "lịch" in low or "nhật ký" in low:
        return "cards"
    return rng.choice(["cards", "chat", "live", "check", "chart", "tiles"])


def add_device(c: Canvas, cx: float, cy: float, h: float, alt: str) -> Box | None:
    low = alt.lower()
    if "máy tính" in low or "laptop" in low:
        c.laptop(cx, cy + h * 0.3, h * 1.2)
        return None
    box = c.phone(cx, cy, h, mix(CYAN, WHITE, 0.1), mix(DEEP_BLUE, CYAN, 0.4))
    c.screen_content(box, screen_kind(alt, c.rng))
    return box


def houses_row(c: Canvas, ground_fn: Callable[[float], float], x_from: float, x_to: float, n: int) -> None:
    rng = c.rng
    for i in range(n):
        cx = x_from + (x_to - x_from) * (i + 0.5) / n + rng.uniform(-c.s(20), c.s(20))
        c.house(cx, ground_fn(cx) + c.s(6), c.s(rng.uniform(80, 120)), roof=rng.choice([RED, mix(RED, YELLOW, 0.3), DEEP_BLUE]))


def draw_scene(c: Canvas, scene: str, alt: str) -> None:
    rng = c.rng
    w, h = c.w, c.h
    low = alt.lower()
    side = rng.choice([-1, 1])  # which side gets the main object
    main_x, other_x = w * (0.5 + side * 0.27), w * (0.5 - side * 0.27)

    if scene == "terraces":
        sky(c, night=False)
        c.sun(w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.3), c.s(rng.uniform(40, 70)))
        c.hills(2, 0.35, [mix(DEEP_BLUE, CYAN, 0.45), mix(DEEP_BLUE, FIELD, 0.4)])
        top = rng.uniform(0.5, 0.6)
        c.terraces(top)
        if "mạch" in low or rng.random() < 0.4:
            c.circuit(YELLOW, 0.55 if "mạch" in low else 0.3, n=10)
        if "ngôi nhà" in low or "những ngôi nhà" in low:
            houses_row(c, lambda x: h * (top + 0.04), other_x - w * 0.2, other_x + w * 0.2, 3 if "những" in low else 1)
        device = any(k in low for k in ("điện thoại", "trực tiếp", "nhật ký"))
        if device:
            add_device(c, main_x, h * 0.55, h * 0.66, alt)
        if "giỏ hàng" in low:
            cart(c, other_x if not device else w * 0.5, h * 0.42, c.s(85))
        if "wi-fi" in low or "sóng" in low or not (device or "giỏ hàng" in low):
            c.wifi(other_x if not device else w * 0.5, h * 0.3, c.s(95), WHITE if "vàng" not in low else YELLOW)

    elif scene == "city":
        sky(c)
        c.sun(w * rng.uniform(0.1, 0.9), h * rng.uniform(0.12, 0.25), c.s(rng.uniform(35, 60)))
        c.circuit(CYAN if "phát sáng" not in low else YELLOW, 0.55, n=12)
        c.city(h * rng.uniform(0.78, 0.88))
        for _ in range(rng.randint(2, 3)):
            c.wifi(rng.uniform(w * 0.12, w * 0.88), h * rng.uniform(0.3, 0.45), c.s(rng.uniform(60, 100)), YELLOW)

    elif scene == "map":
        c.gradient(mix(FIELD, WHITE, 0.55), mix(FIELD, WHITE, 0.3))
        # blocks
        for _ in range(28):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            bw, bh = rng.uniform(c.s(60), c.s(160)), rng.uniform(c.s(40), c.s(110))
            c.draw.rounded_rectangle((x, y, x + bw, y + bh), radius=c.s(10), fill=mix(WHITE, CYAN, rng.uniform(0, 0.2)))
        # roads
        for k in range(4):
            y = h * (0.15 + 0.24 * k) + rng.uniform(-c.s(30), c.s(30))
            c.draw.line(
                [(0, y), (w * 0.4, y + rng.uniform(-c.s(60), c.s(60))), (w, y + rng.uniform(-c.s(40), c.s(40)))],
                fill=WHITE,
                width=c.s(16),
                joint="curve",
            )
        for k in range(3):
            x = w * (0.2 + 0.3 * k) + rng.uniform(-c.s(40), c.s(40))
            c.draw.line([(x, 0), (x + rng.uniform(-c.s(80), c.s(80)), h)], fill=WHITE, width=c.s(14))
        # river
        phase = rng.uniform(0, 6.28)
        pts: list[tuple[float, float]] = [(x, h * 0.55 + h * 0.12 * math.sin(x / w * 5 + phase)) for x in range(0, w + 41, 40)]
        c.draw.line(pts, fill=CYAN, width=c.s(60), joint="curve")
        if "chấm" in low or "ngập" in low:
            for _ in range(14):
                x, y = rng.uniform(w * 0.05, w * 0.95), rng.uniform(h * 0.08, h * 0.92)
                col = rng.choice([CYAN, YELLOW, RED, RED, YELLOW])
                c.glow(x, y, c.s(18), col, rings=3, opacity=0.35)
                c.draw.ellipse((x - c.s(16), y - c.s(16), x + c.s(16), y + c.s(16)), fill=col, outline=WHITE, width=c.s(4))
        else:
            for _ in range(rng.randint(5, 8)):
                pin(
                    c,
                    rng.uniform(w * 0.08, w * 0.92),
                    rng.uniform(h * 0.25, h * 0.92),
                    c.s(46),
                    rng.choice([RED, RED, DEEP_BLUE, YELLOW]),
                )

    elif scene == "office":
        sky(c, night=False)
        c.sun(w * rng.uniform(0.1, 0.9), h * rng.uniform(0.12, 0.22), c.s(rng.uniform(35, 55)))
        ground = h * 0.84
        c.hills(1, 0.62, [mix(FIELD, CYAN, 0.3)])
        c.draw.rectangle((0, ground, w, h), fill=mix(FIELD, DEEP_BLUE, 0.2))
        office(c, other_x, ground, w * 0.42)
        c.trees(4, lambda x: ground, mix(FIELD, DEEP_BLUE, 0.3))
        if "hỏi đáp" in low:
            badge(c, main_x, h * 0.45, c.s(120), WHITE)
            for k, col in enumerate((CYAN, YELLOW)):
                bx, by = main_x - c.s(75) + k * c.s(50), h * 0.45 - c.s(45) + k * c.s(50)
                c.draw.rounded_rectangle((bx, by, bx + c.s(100), by + c.s(55)), radius=c.s(22), fill=col)
        else:
            add_device(c, main_x, h * 0.5, h * 0.7, alt)

    elif scene == "road":
        sky(c, night=False)
        c.city(h * 0.55)
        c.draw.rectangle((0, h * 0.55, w, h), fill=mix(FIELD, DEEP_BLUE, 0.3))
        c.draw.polygon([(w * 0.42, h * 0.55), (w * 0.58, h * 0.55), (w * 0.95, h), (w * 0.05, h)], fill=mix(NIGHT, WHITE, 0.25))
        for k in range(5):
            t0, t1 = k / 5, k / 5 + 0.1
            y0, y1 = h * (0.55 + 0.45 * t0), h * (0.55 + 0.45 * t1)
            c.draw.polygon(
                [
                    (w * 0.5 - c.s(3 + 10 * t0), y0),
                    (w * 0.5 + c.s(3 + 10 * t0), y0),
                    (w * 0.5 + c.s(3 + 10 * t1), y1),
                    (w * 0.5 - c.s(3 + 10 * t1), y1),
                ],
                fill=WHITE,
            )
        water_top = h * 0.78
        phase = rng.uniform(0, 6.28)
        pts = [(x, c.wave_y(water_top, c.s(10), phase, 3, x)) for x in range(0, w + 41, 40)]
        c.overlay(lambda d: d.polygon(pts + [(w, h), (0, h)], fill=CYAN + (255,)), 0.7)
        c.draw.line(pts, fill=WHITE, width=c.s(6))
        px = main_x
        c.draw.rectangle((px - c.s(7), h * 0.45, px + c.s(7), h * 0.9), fill=WHITE)
        c.warning(px, h * 0.4, c.s(170))

    elif scene == "path":
        sky(c, night=False)
        c.shapes(rng.randint(5, 8))
        n = 5
        pts = []
        for i in range(n):
            x = w * (0.12 + 0.76 * i / (n - 1))
            y = h * (0.7 - 0.4 * i / (n - 1)) + (c.s(60) if i % 2 else -c.s(40))
            pts.append((x, y))
        c.draw.line(pts, fill=WHITE, width=c.s(16), joint="curve")
        for i, (x, y) in enumerate(pts):
            r = c.s(62)
            c.draw.ellipse((x - r, y - r, x + r, y + r), fill=CYAN if i < n - 1 else YELLOW, outline=WHITE, width=c.s(8))
            c.draw.line(
                [(x - r * 0.45, y), (x - r * 0.1, y + r * 0.35), (x + r * 0.5, y - r * 0.35)],
                fill=WHITE if i < n - 1 else DEEP_BLUE,
                width=c.s(12),
                joint="curve",
            )

    elif scene == "steps":
        c.gradient(mix(DEEP_BLUE, CYAN, 0.2), mix(CYAN, WHITE, 0.45))
        c.circuit(WHITE, 0.25, n=10)
        if "hình học" in low or "tam giác" in low:
            cx, cy = other_x, h * 0.42
            c.draw.polygon([(cx, cy - c.s(150)), (cx + c.s(150), cy + c.s(110)), (cx - c.s(150), cy + c.s(110))], fill=YELLOW)
            r = c.s(95)
            c.draw.ellipse((cx + c.s(40) - r, cy + c.s(40) - r, cx + c.s(40) + r, cy + c.s(40) + r), outline=WHITE, width=c.s(14))
            c.draw.rectangle((cx - c.s(200), cy + c.s(150), cx - c.s(60), cy + c.s(290)), fill=RED)
        n = 5
        size = c.s(100)
        x0 = main_x - n * size * 0.55
        for i in range(n):
            for j in range(i + 1):
                x = x0 + i * size * 1.08
                y = h * 0.88 - (j + 1) * size * 1.05
                c.draw.rounded_rectangle(
                    (x, y, x + size, y + size),
                    radius=size * 0.22,
                    fill=[CYAN, YELLOW, RED, WHITE, mix(CYAN, WHITE, 0.5)][(i + j) % 5],
                )
        if "hình học" not in low:
            c.sun(other_x, h * 0.3, c.s(55))

    elif scene == "river":
        sky(c, night=False)
        c.sun(
            w * rng.uniform(0.2, 0.8),
            h * rng.uniform(0.15, 0.28),
            c.s(rng.uniform(45, 70)),
            YELLOW if rng.random() < 0.7 else mix(YELLOW, RED, 0.3),
        )
        c.hills(1, 0.5, [mix(FIELD, DEEP_BLUE, 0.25)])
        bank = h * 0.64
        if "dừa" in low:
            for k in range(rng.randint(5, 7)):
                palm(c, w * (0.06 + 0.15 * k) + rng.uniform(-c.s(30), c.s(30)), bank + c.s(8), h * rng.uniform(0.3, 0.42))
        else:
            c.trees(rng.randint(8, 14), lambda x: bank, mix(FIELD, DEEP_BLUE, 0.35))
        if "nhà" in low:
            houses_row(c, lambda x: bank, other_x - w * 0.15, other_x + w * 0.15, 2)
        c.river(h * 0.66)
        c.draw.rectangle((0, h * 0.82, w, h), fill=mix(FIELD, DEEP_BLUE, 0.2))
        if "pin mặt trời" in low:
            px = main_x
            c.draw.polygon(
                [(px - c.s(150), h * 0.92), (px + c.s(150), h * 0.92), (px + c.s(110), h * 0.74), (px - c.s(110), h * 0.74)],
                fill=DEEP_BLUE,
            )
            for k in range(1, 4):
                c.draw.line(
                    (px - c.s(150) + k * c.s(75), h * 0.92, px - c.s(110) + k * c.s(55), h * 0.74), fill=CYAN, width=c.s(3)
                )
            c.draw.line((px - c.s(130), h * 0.83, px + c.s(130), h * 0.83), fill=CYAN, width=c.s(3))
        elif "cảm biến" in low:
            sx = main_x
            c.draw.rectangle((sx - c.s(6), h * 0.55, sx + c.s(6), h * 0.8), fill=WHITE)
            c.draw.rounded_rectangle((sx - c.s(30), h * 0.5, sx + c.s(30), h * 0.57), radius=c.s(8), fill=RED)
            c.wifi(sx, h * 0.47, c.s(60), YELLOW)
        elif "xe đạp" in low:
            c.draw.rectangle((0, h * 0.84, w, h * 0.9), fill=mix(WHITE, YELLOW, 0.3))
            bicycle(c, w * 0.5 + side * w * 0.12, h * 0.87, c.s(200))
        else:
            for _ in range(rng.randint(2, 3)):
                bx, by = rng.uniform(w * 0.1, w * 0.9), h * rng.uniform(0.7, 0.76)
                c.draw.polygon(
                    [(bx - c.s(70), by), (bx + c.s(70), by), (bx + c.s(50), by + c.s(22)), (bx - c.s(50), by + c.s(22))],
                    fill=rng.choice([RED, DEEP_BLUE]),
                )
                c.draw.rectangle((bx - c.s(25), by - c.s(30), bx + c.s(25), by), fill=YELLOW)
        device = "mã qr" in low or "điện thoại" in low
        if device:
            add_device(c, main_x, h * 0.45, h * 0.6, alt)
            if "mã qr" in low:
                c.qr(other_x - c.s(80), h * 0.18, c.s(160))
        if "giỏ hàng" in low:
            cart(c, main_x if not device else other_x, h * 0.35, c.s(80))
        if "wi-fi" in low or not (device or "giỏ hàng" in low or "cảm biến" in low):
            c.wifi(other_x, h * 0.4, c.s(80), YELLOW)

    elif scene == "village":
        sky(c)
        c.sun(w * rng.uniform(0.1, 0.9), h * rng.uniform(0.12, 0.25), c.s(rng.uniform(40, 60)))
        c.hills(3, 0.38, [mix(DEEP_BLUE, CYAN, 0.4), mix(DEEP_BLUE, FIELD, 0.5), mix(FIELD, CYAN, 0.2)])
        ground = h * 0.86
        c.draw.rectangle((0, ground, w, h), fill=mix(FIELD, DEEP_BLUE, 0.25))
        n = 1 if "ngôi trường" in low else rng.randint(2, 4)
        for i in range(n):
            cx = w * 0.5 if n == 1 else w * (0.2 + 0.6 * i / (n - 1)) + rng.uniform(-w * 0.05, w * 0.05)
            c.house(
                cx,
                ground,
                c.s(rng.uniform(90, 150)) * (1.8 if n == 1 else 1),
                roof=rng.choice([RED, mix(RED, YELLOW, 0.3), DEEP_BLUE]),
            )
        c.trees(rng.randint(4, 8), lambda x: ground, mix(FIELD, DEEP_BLUE, 0.3))
        c.wifi(w * 0.5 if n == 1 else w * rng.uniform(0.35, 0.65), h * 0.36, c.s(rng.uniform(100, 130)), YELLOW)
        if "sách" in low:
            for k in range(4):
                bx = w * (0.5 - side * 0.3)
                by = h * 0.8 - k * c.s(28)
                c.draw.rounded_rectangle(
                    (bx - c.s(90) + k * c.s(6), by - c.s(26), bx + c.s(90) - k * c.s(4), by),
                    radius=c.s(4),
                    fill=[RED, CYAN, YELLOW, WHITE][k],
                )

    elif scene == "bins":
        c.gradient(mix(CYAN, WHITE, 0.5), mix(FIELD, WHITE, 0.5))
        c.shapes(rng.randint(8, 14))
        ground = h * 0.85
        c.draw.rectangle((0, ground, w, h), fill=mix(FIELD, DEEP_BLUE, 0.2))
        c.bins(w * 0.5, ground, c.s(110))
        c.wifi(w * 0.5, h * 0.22, c.s(70), DEEP_BLUE)

    elif scene == "circuit":
        c.gradient(NIGHT, DEEP_BLUE)
        c.circuit(CYAN, 0.8, n=22)
        c.circuit(YELLOW, 0.6, n=8)
        if "bảng mạch" in low:
            x0, y0 = w * 0.3, h * 0.3
            c.draw.rounded_rectangle((x0, y0, w * 0.7, h * 0.7), radius=c.s(20), fill=mix(DEEP_BLUE, CYAN, 0.5))
            for k in range(4):
                r = c.s(16)
                cx = x0 + (k + 1) * w * 0.08
                c.draw.ellipse((cx - r, h * 0.62 - r, cx + r, h * 0.62 + r), fill=[RED, YELLOW, WHITE, CYAN][k])
            c.draw.rectangle((w * 0.42, h * 0.38, w * 0.58, h * 0.52), fill=NIGHT)
        else:
            add_device(c, main_x, h * 0.5, h * 0.7, alt)

    elif scene == "shield":
        c.gradient(mix(DEEP_BLUE, NIGHT, 0.3), mix(DEEP_BLUE, CYAN, 0.6))
        c.circuit(CYAN, 0.45, n=16)
        if "khuôn mặt" in low:
            fx = w * (0.5 - side * 0.2)
            for k in range(10):
                yy = h * (0.22 + k * 0.055)
                dx = rng.uniform(-c.s(40), c.s(40))
                ww = c.s(180) * math.sin(math.pi * (k + 0.5) / 10) + c.s(40)
                c.draw.rectangle(
                    (fx - ww + dx, yy, fx + ww + dx, yy + h * 0.045), fill=rng.choice([mix(CYAN, WHITE, 0.5), WHITE, YELLOW, RED])
                )
            c.shield(w * (0.5 + side * 0.25), h * 0.5, h * 0.55)
        elif "kính lúp" in low:
            box = c.phone(w * (0.5 + side * 0.15), h * 0.52, h * 0.72, mix(CYAN, WHITE, 0.1), mix(DEEP_BLUE, CYAN, 0.4))
            c.screen_content(box, "chat")
            c.warning((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, c.s(110))
            mx, my, r = w * (0.5 - side * 0.2), h * 0.42, c.s(95)
            c.draw.ellipse((mx - r, my - r, mx + r, my + r), outline=YELLOW, width=c.s(18))
            c.draw.line((mx - side * r * 0.7, my + r * 0.7, mx - side * r * 1.6, my + r * 1.6), fill=YELLOW, width=c.s(26))
        elif "mũi tên" in low:
            c.shield(w * (0.5 - side * 0.13), h * 0.5, h * 0.6, fill=CYAN, inner=WHITE)
            for _ in range(5):
                y = rng.uniform(h * 0.2, h * 0.8)
                x = w * (0.5 + side * rng.uniform(0.15, 0.42))
                tip = x - side * c.s(180)
                c.draw.line((x, y, tip + side * c.s(30), y), fill=RED, width=c.s(12))
                c.draw.polygon([(tip, y), (tip + side * c.s(40), y - c.s(22)), (tip + side * c.s(40), y + c.s(22))], fill=RED)
        else:
            c.shield(other_x + side * w * 0.07, h * 0.5, h * 0.6)
            if "cảnh báo" in low or "điện thoại" in low:
                box = c.phone(main_x - side * w * 0.05, h * 0.52, h * 0.66, mix(CYAN, WHITE, 0.1), mix(DEEP_BLUE, CYAN, 0.4))
                c.warning((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, c.s(120))
            else:
                c.wifi(main_x - side * w * 0.05, h * 0.62, c.s(150), YELLOW)

    elif scene == "devices":
        sky(c)
        c.shapes(rng.randint(6, 10))
        c.circuit(WHITE, 0.3, n=10)
        screen = add_device(c, main_x, h * 0.52, h * 0.72, alt)  # None for a laptop
        ox = other_x
        if "mã qr" in low and "thùng" in low:
            parcels(c, ox, h * 0.88, c.s(230))
            c.qr(ox - c.s(95) - c.s(60), h * 0.88 - c.s(190), c.s(120))
        elif "mã qr" in low:
            c.qr(ox - c.s(120), h * 0.5 - c.s(120), c.s(240))
        elif "kiện hàng" in low:
            parcels(c, ox, h * 0.85, c.s(220))
        elif "vỉ thuốc" in low:
            clock(c, ox, h * 0.32, c.s(100))
            pills(c, ox, h * 0.7, c.s(230))
        elif "lịch" in low or "đồng hồ" in low:
            clock(c, ox, h * 0.5, c.s(130))
        elif "sách" in low:
            for k in range(4):
                bx, by = ox, h * 0.75 - k * c.s(40)
                c.draw.rounded_rectangle(
                    (bx - c.s(140), by - c.s(36), bx + c.s(140), by), radius=c.s(6), fill=[RED, CYAN, YELLOW, WHITE][k]
                )
        elif "loa" in low:
            speaker(c, ox, h * 0.5, c.s(120))
        else:
            c.wifi(ox, h * 0.58, c.s(rng.uniform(130, 170)), rng.choice([YELLOW, WHITE]))
        if screen and "sóng âm" in low:
            sound_waves(c, screen[2] + c.s(30) if side < 0 else screen[0] - c.s(30), (screen[1] + screen[3]) / 2, c.s(120), -side)

    else:  # abstract
        sky(c)
        c.shapes(rng.randint(14, 22))
        c.circuit(rng.choice([WHITE, YELLOW]), 0.5, n=14)
        c.wifi(w * rng.uniform(0.3, 0.7), h * rng.uniform(0.45, 0.6), c.s(rng.uniform(120, 180)), WHITE)


def render(job: Job) -> bytes:
    seed = int.from_bytes(hashlib.sha256(job.rel.encode("utf-8")).digest()[:8], "big")
    rng = random.Random(seed)
    c = Canvas(job.size, rng)
    scene = choose_scene(job.alt, rng)
    draw_scene(c, scene, job.alt)
    img = c.img.resize(job.size, Image.Resampling.LANCZOS)
    for blur in (0, 0.6, 1.0, 1.6):
        out = img.filter(ImageFilter.GaussianBlur(blur)) if blur else img
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=QUALITY, optimize=True, progressive=False)
        data = buf.getvalue()
        if len(data) <= MAX_BYTES:
            return data
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this script's parent)")
    parser.add_argument("--check", action="store_true", help="report missing or outdated images, write nothing")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    jobs = collect_jobs(root)
    changed = total = 0
    for job in jobs:
        data = render(job)
        total += len(data)
        current = job.path.read_bytes() if job.path.exists() else None
        if current == data:
            continue
        changed += 1
        if args.check:
            print(f"would write {job.rel}")
            continue
        job.path.parent.mkdir(parents=True, exist_ok=True)
        job.path.write_bytes(data)
        print(f"wrote {job.rel} ({len(data) // 1024} KB)")
    print(f"{len(jobs)} images, {changed} {'to write' if args.check else 'written'}, {total} bytes in total")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
