"""Manifests: what a warm build knows of an image without its bytes; a damaged record is a miss, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.cache import ContentCache
from newsroom.images.processing import ProcessedImage, Variant
from newsroom.images.published import Manifest, Manifests

IMAGE = ProcessedImage(
    "anh-1",
    1600,
    1200,
    "#c8102e",
    (Variant("-800.webp", 800, 600, "image/webp", b"w" * 10), Variant("-800.jpg", 800, 600, "image/jpeg", b"j" * 20)),
)


@pytest.fixture
def manifests(tmp_path: Path) -> Manifests:
    return Manifests(ContentCache(tmp_path, "anh-ban-ghi", "1"))


def test_manifest_round_trip_keeps_metadata_and_drops_bytes(manifests: Manifests) -> None:
    manifests.put("k1", Manifest(IMAGE, "abc123", {"-800.webp": 10, "-800.jpg": 20}))
    found = manifests.get("k1", "anh-1")
    assert found is not None
    assert (found.digest, found.sizes) == ("abc123", {"-800.webp": 10, "-800.jpg": 20})
    assert (found.image.stem, found.image.width, found.image.height, found.image.placeholder) == ("anh-1", 1600, 1200, "#c8102e")
    assert [(v.name_suffix, v.width, v.height, v.mime, v.data) for v in found.image.variants] == [
        ("-800.webp", 800, 600, "image/webp", b""),
        ("-800.jpg", 800, 600, "image/jpeg", b""),
    ]


def test_manifest_takes_the_stem_of_the_asking_entry(manifests: Manifests) -> None:
    """Two files with the same bytes share a record; each keeps its own name."""
    manifests.put("k1", Manifest(IMAGE, "abc123", {"-800.webp": 10, "-800.jpg": 20}))
    found = manifests.get("k1", "anh-khac")
    assert found is not None and found.image.stem == "anh-khac"


@pytest.mark.parametrize("blob", [b"not json", b"{}", b'{"digest": "x", "width": 1}', b'{"digest": "x", "width": "a", "height": 1, "placeholder": null, "variants": []}'])
def test_manifest_damaged_record_is_a_miss(manifests: Manifests, blob: bytes) -> None:
    manifests.cache.put("k1", blob)
    assert manifests.get("k1", "anh-1") is None


def test_manifest_unknown_key_is_a_miss(manifests: Manifests) -> None:
    assert manifests.get("khong-co", "anh-1") is None
