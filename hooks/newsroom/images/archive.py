"""One cache blob per processed image: a magic line, a JSON manifest, then the variants' bytes.

    MAGIC | manifest length (4 bytes, big-endian) | manifest JSON (UTF-8) | variant bytes...

The manifest gives each variant's suffix, size, MIME type, length and SHA-256, so a truncated or
altered blob is detected on reading (`ValueError`) and the pipeline treats it as a miss. The stem
is not stored: identical bytes under two file names share one entry.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .processing import ProcessedImage, Variant

MAGIC = b"newsroom-image/1\n"
LENGTH_BYTES = 4
MIMES = frozenset({"image/webp", "image/jpeg", "image/png"})


def image_record(image: ProcessedImage, lengths: dict[str, int]) -> dict[str, Any]:
    """An image's metadata as JSON values: its size, placeholder and each variant (by name suffix) with its length."""
    return {
        "width": image.width,
        "height": image.height,
        "placeholder": image.placeholder,
        "variants": [
            {"suffix": v.name_suffix, "width": v.width, "height": v.height, "mime": v.mime, "length": lengths[v.name_suffix]}
            for v in image.variants
        ],
    }


def pack_image(image: ProcessedImage) -> bytes:
    manifest = image_record(image, {v.name_suffix: len(v.data) for v in image.variants})
    for record, variant in zip(manifest["variants"], image.variants, strict=True):
        record["sha256"] = hashlib.sha256(variant.data).hexdigest()
    head = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return b"".join([MAGIC, len(head).to_bytes(LENGTH_BYTES, "big"), head, *(v.data for v in image.variants)])


def unpack_image(blob: bytes, stem: str) -> ProcessedImage:
    """The image packed in `blob`, named `stem`; `ValueError` when the blob is not a whole, intact entry."""
    if not blob.startswith(MAGIC):
        raise ValueError("not an image cache entry")
    start = len(MAGIC) + LENGTH_BYTES
    length = int.from_bytes(blob[len(MAGIC) : start], "big")
    try:
        manifest = json.loads(blob[start : start + length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable manifest: {exc}") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("variants"), list) or not manifest["variants"]:
        raise ValueError("manifest is not a mapping with variants")
    offset = start + length
    variants = []
    for entry in manifest["variants"]:
        variant, offset = _variant(entry, blob, offset)
        variants.append(variant)
    if offset != len(blob):
        raise ValueError("trailing bytes after the last variant")
    placeholder = manifest.get("placeholder")
    if placeholder is not None and not isinstance(placeholder, str):
        raise ValueError("placeholder is not text")
    return ProcessedImage(
        stem=stem,
        width=_positive(manifest.get("width")),
        height=_positive(manifest.get("height")),
        placeholder=placeholder,
        variants=tuple(variants),
    )


def _variant(entry: Any, blob: bytes, offset: int) -> tuple[Variant, int]:
    if not isinstance(entry, dict):
        raise ValueError("variant entry is not a mapping")
    suffix, mime, length, digest = entry.get("suffix"), entry.get("mime"), entry.get("length"), entry.get("sha256")
    if not isinstance(suffix, str) or mime not in MIMES or not isinstance(length, int) or not isinstance(digest, str):
        raise ValueError(f"bad variant entry {entry!r}")
    data = blob[offset : offset + length]
    if len(data) != length or hashlib.sha256(data).hexdigest() != digest:
        raise ValueError(f"variant {suffix} is truncated or altered")
    variant = Variant(suffix, _positive(entry.get("width")), _positive(entry.get("height")), str(mime), data)
    return variant, offset + length


def _positive(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"expected a positive integer, got {value!r}")
    return value
