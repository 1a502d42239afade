"""The favicon set from the kit's logo master: ICO, PNGs, the SVG and a web app manifest."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from PIL import Image

from .colors import rgb
from .kit_model import Brand

PNG_SIZES: dict[str, int] = {
    "favicon-16x16.png": 16,
    "favicon-32x32.png": 32,
    "apple-touch-icon.png": 180,
    "icon-192.png": 192,
    "icon-512.png": 512,
}
ICO_SIZES = (16, 32, 48)
MANIFEST = "site.webmanifest"


@dataclass(frozen=True)
class FaviconLink:
    """One `<link>` of the page head: `<link rel=... href=base+name sizes=... type=...>`."""

    rel: str
    name: str
    type: str
    sizes: str | None = None


FAVICON_LINKS: tuple[FaviconLink, ...] = (
    FaviconLink("icon", "favicon.ico", "image/x-icon", "48x48"),
    FaviconLink("icon", "favicon.svg", "image/svg+xml", "any"),
    FaviconLink("icon", "favicon-32x32.png", "image/png", "32x32"),
    FaviconLink("icon", "favicon-16x16.png", "image/png", "16x16"),
    FaviconLink("apple-touch-icon", "apple-touch-icon.png", "image/png", "180x180"),
    FaviconLink("manifest", MANIFEST, "application/manifest+json"),
)
"""What the page head links to, in order; the files are those of `render_favicons`, served together."""


def render_favicons(brand: Brand) -> dict[str, bytes]:
    """Every favicon file by name (favicon.ico, PNGs, favicon.svg, site.webmanifest), to serve in one folder.

    Drawn from the kit's icon (`logo.icon_png`/`icon_svg`) or, without one, from the logo master.
    The bytes depend only on the kit: the same kit gives the same files.
    """
    master = _square(brand)
    files: dict[str, bytes] = {}
    for name, size in PNG_SIZES.items():
        icon = _resize(master, size)
        if name == "apple-touch-icon.png":
            icon = _opaque(icon, _fill_colour(master, brand))  # iOS paints transparency black
        files[name] = _png(icon)
    ico = io.BytesIO()
    largest = _resize(master, max(ICO_SIZES))
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=[_resize(master, s) for s in ICO_SIZES[:-1]])
    files["favicon.ico"] = ico.getvalue()
    files["favicon.svg"] = brand.logo.favicon_svg.path.read_bytes()
    files[MANIFEST] = render_manifest(brand)
    return dict(sorted(files.items()))


def render_manifest(brand: Brand, icons_url: str = "") -> bytes:
    """The web app manifest, in Vietnamese; icon URLs are `icons_url` + name (relative to the manifest)."""
    manifest = {
        "name": brand.name,
        "short_name": brand.short_name,
        "description": brand.tagline,
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": brand.colors.primary,
        "background_color": brand.colors.background,
        "icons": [
            {"src": f"{icons_url}icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": f"{icons_url}icon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": f"{icons_url}favicon.svg", "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _square(brand: Brand) -> Image.Image:
    """The icon master as RGBA, centred on a transparent square if it is not square."""
    with Image.open(brand.logo.favicon_png.path) as source:
        image = source.convert("RGBA")
    side = max(image.size)
    if image.width == image.height:
        return image
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
    return square


def _resize(image: Image.Image, size: int) -> Image.Image:
    return image.resize((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _fill_colour(master: Image.Image, brand: Brand) -> tuple[int, int, int]:
    """What fills transparency: the icon's own edge colour when it is a tile (rounded corners), else the background."""
    r, g, b, a = master.getpixel((master.width // 2, 1))  # type: ignore[misc]
    return (r, g, b) if a == 255 else rgb(brand.colors.background)


def _opaque(image: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    base = Image.new("RGBA", image.size, (*colour, 255))
    base.alpha_composite(image)
    return base.convert("RGB")


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
