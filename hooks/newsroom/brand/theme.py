"""The theme from the kit: Material's CSS custom properties and the kit font as a self-hosted web font.

Serve the CSS with the kit's font files in a `fonts/` folder beside it (or pass `fonts_url`), list it
in `extra_css`, and set Material's palette to `primary: custom`, `accent: custom`; `font: false`
keeps Material from loading fonts from Google.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .colors import AA_NORMAL_TEXT, contrast_ratio, mix, rgba_css
from .kit_model import Brand, KitFile

FONT_FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}
FALLBACK_FONTS = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def font_dest_name(file: KitFile) -> str:
    """The name of a font file in the site's `fonts/` folder: its file name in the kit."""
    return PurePosixPath(file.src).name


def web_font_files(brand: Brand) -> dict[str, Path]:
    """The font files to serve in the `fonts/` folder the CSS points at: {file name: path in the kit}."""
    return {font_dest_name(file): file.path for file in (brand.typeface.regular, brand.typeface.bold)}


def secondary_text(text: str, background: str) -> str:
    """A lighter text colour for metadata (Material's `--light`) that still meets AA on `background`."""
    for amount in (0.3, 0.2, 0.1):
        candidate = mix(text, background, amount)
        if contrast_ratio(candidate, background) >= AA_NORMAL_TEXT:
            return candidate
    return text


def render_palette_css(brand: Brand, fonts_url: str = "fonts/") -> str:
    """CSS for Material from brand.yml: palette custom properties, `@font-face` rules, `--md-text-font`.

    `fonts_url` is where the kit's font files are served, relative to the CSS file (or absolute).
    """
    c = brand.colors
    family = brand.typeface.family.replace('"', "")
    lines = [
        f"/* {brand.name.replace('*/', '')}: generated from brand.yml by the build; edit brand.yml, not this file. */",
        "",
    ]
    for weight, file in ((400, brand.typeface.regular), (700, brand.typeface.bold)):
        suffix = PurePosixPath(file.src).suffix.lower()
        lines += [
            "@font-face {",
            f'  font-family: "{family}";',
            "  font-style: normal;",
            f"  font-weight: {weight};",
            "  font-display: optional;",
            f'  src: url("{fonts_url}{font_dest_name(file)}") format("{FONT_FORMATS.get(suffix, "truetype")}");',
            "}",
            "",
        ]
    brand_vars = [f"  --brand-{name.replace('_', '-')}: {value};" for name, value in c.named()]
    lines += [
        ":root,",
        "[data-md-color-primary],",
        "[data-md-color-accent] {",
        f"  --md-primary-fg-color: {c.primary};",
        f"  --md-primary-fg-color--light: {mix(c.primary, '#ffffff', 0.15)};",
        f"  --md-primary-fg-color--dark: {mix(c.primary, '#000000', 0.2)};",
        f"  --md-primary-bg-color: {c.primary_text};",
        f"  --md-primary-bg-color--light: {rgba_css(c.primary_text, 0.7)};",
        f"  --md-accent-fg-color: {c.accent};",
        f"  --md-accent-fg-color--transparent: {rgba_css(c.accent, 0.1)};",
        f"  --md-accent-bg-color: {c.accent_text or c.background};",
        f"  --md-accent-bg-color--light: {rgba_css(c.accent_text or c.background, 0.7)};",
        f'  --md-text-font: "{family}";',
        f'  --md-text-font-family: "{family}", {FALLBACK_FONTS};',
        *brand_vars,
        "}",
        "",
        ":root,",
        '[data-md-color-scheme="default"] {',
        f"  --md-default-fg-color: {c.text};",
        f"  --md-default-fg-color--light: {secondary_text(c.text, c.background)};",
        f"  --md-default-fg-color--lighter: {rgba_css(c.text, 0.32)};",
        f"  --md-default-fg-color--lightest: {rgba_css(c.text, 0.07)};",
        f"  --md-default-bg-color: {c.background};",
        f"  --md-typeset-color: {c.text};",
        f"  --md-typeset-a-color: {c.link};",
        "}",
        "",
    ]
    return "\n".join(lines)
