"""The brand kit as frozen, typed values (built by `schema.load_brand`, read by everything else)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .colors import AA_NORMAL_TEXT, contrast_ratio


@dataclass(frozen=True)
class KitFile:
    """A file of the kit: `src` as written in brand.yml (relative to the kit, `/`-separated), `path` on disk."""

    src: str
    path: Path


@dataclass(frozen=True)
class Colors:
    """The palette. `primary_text` is the text colour on `primary`; `link` defaults to `primary`."""

    primary: str
    accent: str
    text: str
    background: str
    primary_text: str
    link: str
    accent_text: str | None = None
    others: tuple[tuple[str, str], ...] = ()
    """Extra named colours (`highlight: "#ffcd00"`), in file order; exposed as `--brand-<name>`."""

    def named(self) -> tuple[tuple[str, str], ...]:
        """Every colour as (field name, hex), in a stable order (for the brand-kit page)."""
        pairs = [
            ("primary", self.primary),
            ("primary_text", self.primary_text),
            ("accent", self.accent),
            ("text", self.text),
            ("background", self.background),
            ("link", self.link),
        ]
        if self.accent_text is not None:
            pairs.append(("accent_text", self.accent_text))
        return (*pairs, *self.others)

    def get(self, name: str) -> str | None:
        return dict(self.named()).get(name)


@dataclass(frozen=True)
class ContrastCheck:
    """One colour pair used for text, with its WCAG 2.1 contrast ratio."""

    foreground_field: str
    background_field: str
    foreground: str
    background: str
    ratio: float
    minimum: float = AA_NORMAL_TEXT

    @property
    def label(self) -> str:
        return f"colors.{self.foreground_field} trên colors.{self.background_field}"

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum


TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("primary_text", "primary"),
    ("link", "background"),
    ("accent", "background"),  # Material colours links on hover and focus with the accent
    ("accent_text", "accent"),
)
"""Foreground/background pairs that carry text, checked against WCAG 2.1 AA (4.5:1)."""


def contrast_checks(colors: Colors | Mapping[str, str]) -> tuple[ContrastCheck, ...]:
    """The contrast of every text pair the palette defines (a missing colour is skipped)."""
    named = dict(colors.named()) if isinstance(colors, Colors) else colors
    checks = []
    for fg_name, bg_name in TEXT_PAIRS:
        fg, bg = named.get(fg_name), named.get(bg_name)
        if fg is None or bg is None:
            continue
        checks.append(ContrastCheck(fg_name, bg_name, fg, bg, contrast_ratio(fg, bg)))
    return tuple(checks)


@dataclass(frozen=True)
class Typeface:
    family: str
    regular: KitFile
    bold: KitFile
    license: KitFile | None = None


@dataclass(frozen=True)
class Logo:
    """The master logo (SVG and a PNG of at least 512 px), and optional square icon variants for favicons."""

    svg: KitFile
    png: KitFile
    icon_svg: KitFile | None = None
    icon_png: KitFile | None = None

    @property
    def favicon_svg(self) -> KitFile:
        return self.icon_svg or self.svg

    @property
    def favicon_png(self) -> KitFile:
        return self.icon_png or self.png


@dataclass(frozen=True)
class Banner:
    file: KitFile
    alt: str
    width: int | None = None
    height: int | None = None


MonthDay = tuple[int, int]


@dataclass(frozen=True)
class Campaign:
    """The yearly campaign window, as (month, day) triples: e.g. 1 to 10 October, the day on 10 October."""

    start: MonthDay
    end: MonthDay
    day: MonthDay


@dataclass(frozen=True)
class CampaignStatus:
    """Where the build's "now" (Vietnam time) stands against the campaign window of its year."""

    active: bool
    days_left: int
    day: date


@dataclass(frozen=True)
class Brand:
    kit_dir: Path
    source: KitFile
    """brand.yml itself."""
    name: str
    short_name: str
    tagline: str
    colors: Colors
    typeface: Typeface
    logo: Logo
    banners: tuple[Banner, ...]
    campaign: Campaign
    fingerprint: str
    """A hash of brand.yml and every file it lists: changes when anything in the kit changes."""

    @property
    def files(self) -> tuple[KitFile, ...]:
        """brand.yml and every file the kit lists, without duplicates, sorted by `src`."""
        listed = [self.source, self.typeface.regular, self.typeface.bold, self.logo.svg, self.logo.png]
        listed += [f for f in (self.typeface.license, self.logo.icon_svg, self.logo.icon_png) if f is not None]
        listed += [banner.file for banner in self.banners]
        unique = {f.src: f for f in listed}
        return tuple(unique[src] for src in sorted(unique))

    @property
    def contrast(self) -> tuple[ContrastCheck, ...]:
        return contrast_checks(self.colors)
