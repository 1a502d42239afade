"""Turn one image file into upright, stripped, sRGB variants at the configured widths.

`process_image` is pure: the same bytes and settings give byte-identical variants, whichever
process runs it. What it does, in order:

1. Sniff and open the file with Pillow, accepting JPEG, PNG, WebP and GIF only; anything else
   (SVG, HEIC, BMP, TIFF, AVIF...) is refused by name, anything unreadable as corrupt.
2. Refuse decompression bombs: the header's pixel count is checked against `max_pixels` before a
   single pixel is decoded (Pillow's own `DecompressionBombError` is caught too).
3. `verify()` the file, reopen it and `load()` it, so truncated and corrupt files fail here.
   Large JPEGs are decoded at 1/2, 1/4 or 1/8 scale (`draft`) when the largest variant allows.
4. Apply the EXIF orientation (`ImageOps.exif_transpose`), so every variant is upright.
5. Normalise the mode: palette, 1-bit, 16-bit grey (`I;16`, scaled, not clipped), LA, CMYK...
   become RGB, or RGBA when there is transparency; an embedded ICC profile is converted to sRGB
   with LittleCMS (`ImageCms`); an alpha channel that is opaque everywhere is dropped.
6. Resize (Lanczos, never upscaling) and encode each width as WebP plus one fallback: JPEG, or
   PNG when the image has real transparency. No metadata is written: no EXIF (GPS), XMP, ICC
   profile or comment reaches any output.

Animated GIF, WebP and PNG files are "handled" by publishing their first frame as a still image
(a cover or a gallery photo is a still; animations would also multiply the output size). A
multi-picture JPEG (MPO, written by some phones and 3D cameras) publishes its primary picture.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, JpegImagePlugin, UnidentifiedImageError

from . import errors
from .errors import ImageError
from .settings import ImageSettings

CODE_VERSION = "images-1"
"""Salts every cache key: bump it whenever a change here changes the bytes of any output."""

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
"""Suffixes of files the pipeline publishes."""

ORIENTATION_TAG = 0x0112
SWAPS_AXES = frozenset({5, 6, 7, 8})
"""EXIF orientations that turn the stored image a quarter turn: its width is the upright height."""

PLACEHOLDER_SIDE = 32
PLACEHOLDER_COLOURS = 8
RESAMPLE = Image.Resampling.LANCZOS
REDUCING_GAP = 3.0
"""Shrink by an integer box filter first when the ratio allows: much faster, visually identical."""

SNIFFED_FORMATS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (
        re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg\b", re.DOTALL | re.IGNORECASE),
        "SVG",
    ),
    (re.compile(rb"^\x1f\x8b"), "SVGZ/GZIP"),
    (re.compile(rb"^....ftyp(?:heic|heix|hevc|hevx|heim|heis|mif1|msf1)", re.DOTALL), "HEIC"),
    (re.compile(rb"^....ftypavi[fs]", re.DOTALL), "AVIF"),
    (re.compile(rb"^\xff\x0a|^\x00\x00\x00\x0cJXL \x0d\x0a\x87\x0a"), "JPEG XL"),
    (re.compile(rb"^%PDF-"), "PDF"),
)
"""Formats Pillow may not identify at all, named so the editor learns what to export instead."""

PILLOW_BOMB_RE = re.compile(r"\((\d+) pixels\)")


@dataclass(frozen=True)
class Variant:
    """One encoded file: `name_suffix` follows the stem, e.g. '-800.webp'."""

    name_suffix: str
    width: int
    height: int
    mime: str
    data: bytes


@dataclass(frozen=True)
class ProcessedImage:
    """An image ready to publish.

    `width`/`height` are the source's upright (intrinsic) size; `placeholder` is a '#rrggbb'
    dominant colour, or None when disabled or when the image has transparency (a background
    colour would show through it). `variants` are ordered by width, WebP before its fallback.
    """

    stem: str
    width: int
    height: int
    placeholder: str | None
    variants: tuple[Variant, ...]

    def file_name(self, variant: Variant) -> str:
        """The variant's file name: '<stem>-800.webp'."""
        return f"{self.stem}{variant.name_suffix}"

    def with_stem(self, stem: str) -> ProcessedImage:
        return self if stem == self.stem else replace(self, stem=stem)

    @property
    def webp(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.mime == "image/webp")

    @property
    def fallback(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.mime != "image/webp")

    @property
    def largest_fallback(self) -> Variant:
        return self.fallback[-1]


def process_image(src: Path, settings: ImageSettings, stem: str | None = None) -> ProcessedImage:
    """Read `src` and make its variants, named after `stem` (default: the file's stem).

    Accepts JPEG (and MPO), PNG, WebP and GIF; of an animated file only the first frame is kept.
    Raises `ImageError` for a missing, corrupt, oversized or unsupported file.
    """
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise errors.missing(f"{type(exc).__name__}: {exc}") from exc
    return process_bytes(data, src.stem if stem is None else stem, settings)


def process_bytes(data: bytes, stem: str, settings: ImageSettings) -> ProcessedImage:
    """`process_image` on bytes already read."""
    picture, width, height = decode_upright(data, settings)
    targets = target_sizes((width, height), settings.widths)
    icc = picture.info.get("icc_profile")
    picture = normalise_mode(picture)
    if picture.size != targets[-1]:  # colour work on the largest variant, not on 12 megapixels
        picture = picture.resize(targets[-1], RESAMPLE, reducing_gap=REDUCING_GAP)
    picture = to_srgb(picture, icc if isinstance(icc, bytes) else None)
    fallback = "PNG" if picture.mode == "RGBA" else "JPEG"
    variants: list[Variant] = []
    for target in targets:
        resized = picture if picture.size == target else picture.resize(target, RESAMPLE, reducing_gap=REDUCING_GAP)
        resized.info.clear()  # belt and braces: no encoder may find a profile, comment or EXIF to copy
        variants.append(_encode(resized, "WEBP", settings))
        variants.append(_encode(resized, fallback, settings))
    placeholder = dominant_colour(picture) if settings.placeholder and fallback == "JPEG" else None
    return ProcessedImage(stem=stem, width=width, height=height, placeholder=placeholder, variants=tuple(variants))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- decoding -------------------------------------------------------------------------------


def decode_upright(data: bytes, settings: ImageSettings) -> tuple[Image.Image, int, int]:
    """Decode `data` (first frame), upright, at the smallest scale the largest variant allows.

    Returns the image and the source's upright width and height. Raises `ImageError`.
    """
    _refuse_sniffed(data)
    try:
        with _open(data) as probe:
            width, height = probe.size
            if width * height > settings.max_pixels:
                raise errors.bomb(width * height, settings.max_pixels)
            probe.verify()
        picture = _open(data)
        orientation = _orientation(picture)
        if orientation in SWAPS_AXES:
            width, height = height, width
        if isinstance(picture, JpegImagePlugin.JpegImageFile):  # JPEG, and MPO (phones' multi-picture JPEG)
            largest = target_sizes((width, height), settings.widths)[-1]
            picture.draft("RGB", draft_request(picture.size, (width, height), largest))
        picture.load()
        if orientation != 1:
            transposed = ImageOps.exif_transpose(picture)
            picture = transposed if transposed is not None else picture
    except ImageError:
        raise
    except Image.DecompressionBombError as exc:
        match = PILLOW_BOMB_RE.search(str(exc))
        raise errors.bomb(int(match.group(1)) if match else None, settings.max_pixels) from exc
    except Exception as exc:  # a decoder fed hostile bytes may raise anything: it is a bad file, not a bug here
        raise errors.corrupt(f"{type(exc).__name__}: {exc}") from exc
    return picture, width, height


def _refuse_sniffed(data: bytes) -> None:
    head = data[:1024]
    for pattern, name in SNIFFED_FORMATS:
        if pattern.search(head):
            raise errors.unsupported(name)


def _open(data: bytes) -> Image.Image:
    """Open with the accepted decoders only; name the format of a file Pillow knows but we refuse."""
    try:
        return Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except UnidentifiedImageError:
        pass
    try:
        with Image.open(io.BytesIO(data)) as other:  # header only: nothing is decoded
            name = other.format or "không rõ"
    except Image.DecompressionBombError:
        raise
    except Exception as exc:
        raise errors.corrupt(f"{type(exc).__name__}: {exc}") from exc
    raise errors.unsupported(name)


def _orientation(picture: Image.Image) -> int:
    value = picture.getexif().get(ORIENTATION_TAG, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


WEBP_MAX_SIDE = 16383


def target_sizes(size: tuple[int, int], widths: tuple[int, ...]) -> list[tuple[int, int]]:
    """Variant sizes: every configured width not wider than the source, else the source width.

    Heights keep the source's aspect ratio (at least 1 px). Never upscales.
    """
    width, height = size
    # WebP holds at most 16383 px a side: a tall infographic gets narrower variants instead of an error.
    widest = max(1, min(width, WEBP_MAX_SIDE * width // height))
    chosen = [w for w in sorted(widths) if w <= widest] or [widest]
    return [(w, min(WEBP_MAX_SIDE, max(1, round(height * w / width)))) for w in chosen]


def draft_request(stored: tuple[int, int], upright: tuple[int, int], largest: tuple[int, int]) -> tuple[int, int]:
    """The stored-orientation size a JPEG draft must at least deliver to make `largest` upright."""
    scale = largest[0] / upright[0]
    return (max(1, math.ceil(stored[0] * scale)), max(1, math.ceil(stored[1] * scale)))


# --- colour ---------------------------------------------------------------------------------

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
PROFILE_MODES = {"GRAY": ("L",), "RGB": ("RGB", "RGBA"), "CMYK": ("CMYK",)}


def to_srgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB or RGBA in sRGB, with no metadata; RGBA only when some pixel is not fully opaque.

    `picture` comes from `normalise_mode`; `icc` is the profile the file embedded, if any.
    """
    if icc:
        picture = _apply_profile(picture, icc)
    if picture.mode == "LA":
        picture = picture.convert("RGBA")
    elif picture.mode not in ("RGB", "RGBA"):
        picture = picture.convert("RGB")
    if picture.mode == "RGBA":
        low, _ = picture.getchannel("A").getextrema()
        if low == 255:
            picture = picture.convert("RGB")
    picture.info.clear()
    return picture


def normalise_mode(picture: Image.Image) -> Image.Image:
    """8-bit L, LA, RGB, RGBA or CMYK, keeping transparency (tRNS, GIF transparent index)."""
    mode = picture.mode
    transparent = "transparency" in picture.info
    if mode.startswith("I"):  # 16-bit grey: I;16, I;16B... and 32-bit I: scale to 8 bits
        wide = picture.convert("I")
        _, high = wide.getextrema()
        factor = 1 / 256 if isinstance(high, (int, float)) and high > 255 else 1
        return wide.point(lambda v: v * factor).convert("L")
    if mode == "F":
        return picture.convert("L")
    if mode == "1":
        return picture.convert("L")
    if mode in ("P", "PA"):
        return picture.convert("RGBA" if transparent or mode == "PA" else "RGB")
    if mode in ("L", "RGB") and transparent:
        return picture.convert("LA" if mode == "L" else "RGBA")
    if mode == "La":
        return picture.convert("LA")
    if mode in ("RGBa", "RGBX"):
        return picture.convert("RGBA" if mode == "RGBa" else "RGB")
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return picture
    return picture.convert("RGB")


def _apply_profile(picture: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded profile to sRGB; a broken or mismatched profile is ignored."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = source.profile.xcolor_space.strip()
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        return picture
    if picture.mode not in PROFILE_MODES.get(space, ()):
        return picture
    alpha = picture.getchannel("A") if picture.mode == "LA" else None
    base = picture.convert("L") if alpha is not None else picture
    out_mode = "RGBA" if base.mode == "RGBA" else "RGB"
    try:
        transform = ImageCms.buildTransform(source, SRGB, base.mode, out_mode, renderingIntent=ImageCms.Intent.PERCEPTUAL)
        converted = ImageCms.applyTransform(base, transform)
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        return picture
    if converted is None:  # only with inPlace=True
        return picture
    if alpha is not None:
        converted = converted.convert("RGBA")
        converted.putalpha(alpha)
    return converted


def dominant_colour(picture: Image.Image) -> str:
    """The most common of a few median-cut colours of a small copy, as '#rrggbb'."""
    small = picture.convert("RGB")
    small.thumbnail((PLACEHOLDER_SIDE, PLACEHOLDER_SIDE), Image.Resampling.BOX, reducing_gap=None)
    quantized = small.quantize(colors=PLACEHOLDER_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    best_count, index = -1, 0
    for count, colour in quantized.getcolors() or []:
        if isinstance(colour, int) and count > best_count:  # ties: the lowest palette index wins
            best_count, index = count, colour
    palette = quantized.getpalette() or [0, 0, 0]
    red, green, blue = palette[3 * index : 3 * index + 3]
    return f"#{red:02x}{green:02x}{blue:02x}"


# --- encoding -------------------------------------------------------------------------------

MIME = {"WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
SUFFIX = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}


def _encode(picture: Image.Image, format_name: str, settings: ImageSettings) -> Variant:
    """Encode with explicit options only: nothing from `picture.info` is passed on."""
    out = io.BytesIO()
    if format_name == "WEBP":
        picture.save(out, "WEBP", quality=settings.webp_quality, method=4)
    elif format_name == "JPEG":
        picture.save(out, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
    else:
        picture.save(out, "PNG", compress_level=9)
    width, height = picture.size
    return Variant(f"-{width}.{SUFFIX[format_name]}", width, height, MIME[format_name], out.getvalue())
