"""Builders of the image-pipeline tests: every test picture is drawn here with Pillow."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

from newsroom.images.processing import ProcessedImage, Variant

RED, GREEN, BLUE, WHITE = (220, 20, 30), (20, 200, 40), (30, 40, 220), (255, 255, 255)
QUADRANTS = {"top_left": RED, "top_right": GREEN, "bottom_left": BLUE, "bottom_right": WHITE}
"""The upright marker image: a different colour in each quarter, so any turn or mirror shows."""

GPS_IFD = 0x8825
ORIENTATION = 0x0112
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Camera"/></rdf:RDF></x:xmpmeta>'
)
METADATA_MARKERS = (b"Exif", b"http://ns.adobe.com/xap", b"GPS", b"ICC_PROFILE", b"iCCP", b"ICCP", b"XMP ", b"eXIf")
"""Bytes that betray metadata: EXIF (JPEG/WebP/PNG), XMP, GPS, ICC (JPEG APP2, PNG iCCP, WebP ICCP)."""


def quadrants(size: tuple[int, int] = (120, 80)) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 2 - 1, height // 2 - 1), fill=RED)
    draw.rectangle((width // 2, 0, width - 1, height // 2 - 1), fill=GREEN)
    draw.rectangle((0, height // 2, width // 2 - 1, height - 1), fill=BLUE)
    return image


# How the camera stored the pixels of an upright picture for each EXIF orientation (EXIF 2.32,
# tag 0x0112), written out by hand rather than taken from Pillow's own table.
STORED_AS = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,  # mirrored
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,  # row 0 = left side, column 0 = top
    6: Image.Transpose.ROTATE_90,  # row 0 = right side: stored a quarter turn anticlockwise
    7: Image.Transpose.TRANSVERSE,  # row 0 = right side, column 0 = bottom
    8: Image.Transpose.ROTATE_270,  # row 0 = left side, column 0 = bottom
}


def stored_for(upright: Image.Image, orientation: int) -> Image.Image:
    method = STORED_AS[orientation]
    return upright.copy() if method is None else upright.transpose(method)


def camera_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: orientation, make and model, and GPS coordinates (Hà Nội)."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif[0x0131] = "Camera 1.0"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (21.0, 1.0, 42.0)
    gps[3] = "E"
    gps[4] = (105.0, 51.0, 12.0)
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def wide_gamut_icc() -> bytes:
    """A minimal ICC v2 RGB matrix/TRC profile with Adobe RGB (1998) primaries, gamma 2.2."""

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536)) for v in (x, y, z))

    curve = b"curv\0\0\0\0" + struct.pack(">I", 1) + struct.pack(">H", 563) + b"\0\0"  # gamma 2.2 (u8.8)
    description = b"desc\0\0\0\0" + struct.pack(">I", 10) + b"Wide test\0" + b"\0" * 8 + b"\0" * 3 + b"\0" * 67
    tags = [
        (b"desc", description),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
        (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0Public domain test profile\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        padded = data + b"\0" * (-len(data) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += padded
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"none"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)  # rendering intent
        + b"".join(struct.pack(">i", round(v * 65536)) for v in (0.9642, 1.0, 0.8249))
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


def save(image: Image.Image, path: Path, format_name: str | None = None, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format_name, **options)
    return path


def jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, **options)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb's calling card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def decode(variant: Variant) -> Image.Image:
    image = Image.open(io.BytesIO(variant.data))
    image.load()
    return image


def colour_at(image: Image.Image, fx: float, fy: float) -> tuple[int, int, int]:
    """The RGB colour at a fraction of the width and height."""
    rgb = image.convert("RGB")
    x = min(rgb.width - 1, int(rgb.width * fx))
    y = min(rgb.height - 1, int(rgb.height * fy))
    pixel = rgb.getpixel((x, y))
    assert isinstance(pixel, tuple)
    return (int(pixel[0]), int(pixel[1]), int(pixel[2]))


def alpha_at(image: Image.Image, xy: tuple[int, int]) -> int:
    """The alpha (0 = transparent) of the pixel at `xy`."""
    pixel = image.convert("RGBA").getpixel(xy)
    assert isinstance(pixel, tuple)
    return int(pixel[3])


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def metadata_left(variant: Variant) -> list[str]:
    """Every trace of metadata in a variant: Pillow's view and a search of the raw bytes."""
    found = [f"bytes {marker!r}" for marker in METADATA_MARKERS if marker in variant.data]
    image = decode(variant)
    found += [f"info[{key!r}]" for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment") if image.info.get(key)]
    if len(image.getexif()):
        found.append(f"getexif() = {dict(image.getexif())}")
    return found


def all_variants(image: ProcessedImage) -> list[Variant]:
    return list(image.variants)
