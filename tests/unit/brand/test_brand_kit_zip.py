"""The downloadable kit: one reproducible zip holding brand.yml and every file it lists."""

from __future__ import annotations

import importlib.util
import io
import os
import sys
import zipfile
from pathlib import Path

from brand_kits import KIT, PROJECT, copy_kit, fixture_kit
from PIL import Image, ImageChops, ImageStat

from newsroom.brand import build_kit_zip, kit_zip_name, load_brand


def test_brand_zip_holds_every_listed_file() -> None:
    brand = load_brand(KIT)
    data = build_kit_zip(brand, brand.kit_dir)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        folder = kit_zip_name(brand).removesuffix(".zip")
        assert folder == "bo-nhan-dien-chuyen-doi-so"
        assert names == sorted(names)
        listed = [
            "brand.yml",
            brand.typeface.regular.src,
            brand.typeface.bold.src,
            "fonts/OFL.txt",
            brand.logo.svg.src,
            brand.logo.png.src,
            *(banner.file.src for banner in brand.banners),
        ]
        for src in listed:
            assert archive.read(f"{folder}/{src}") == (KIT / src).read_bytes(), src
        assert {name.removeprefix(folder + "/") for name in names} == {f.src for f in brand.files}
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_brand_zip_is_reproducible(tmp_path: Path) -> None:
    brand = load_brand(KIT)
    copy = copy_kit(tmp_path / "kit")
    for path in copy.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))  # other dates on disk change nothing
    assert build_kit_zip(brand, brand.kit_dir) == build_kit_zip(load_brand(copy), copy)


def test_brand_second_kit_zip_holds_its_own_files(tmp_path: Path) -> None:
    green = load_brand(fixture_kit(tmp_path / "xanh-la"))
    with zipfile.ZipFile(io.BytesIO(build_kit_zip(green, green.kit_dir))) as archive:
        names = archive.namelist()
    assert "bo-nhan-dien-so-hoa-xanh/banners/bang-ron.png" in names
    assert not any("icon" in name for name in names)


def test_brand_artwork_matches_its_script() -> None:
    """The committed logo, icon and banners are what scripts/draw_brand_kit.py draws today.

    SVGs byte for byte; PNGs pixel for pixel, within a rounding tolerance (another Pillow or
    FreeType may anti-alias an edge differently).
    """
    spec = importlib.util.spec_from_file_location("draw_brand_kit", PROJECT / "scripts" / "draw_brand_kit.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script  # dataclasses look their module up while the script loads
    try:
        spec.loader.exec_module(script)
    finally:
        del sys.modules[spec.name]
    drawn: dict[str, bytes] = script.draw_kit(KIT)
    assert set(drawn) == {
        "logo/logo.svg",
        "logo/logo.png",
        "logo/icon.svg",
        "logo/icon.png",
        *(b.file.src for b in load_brand(KIT).banners),
    }
    for src, data in drawn.items():
        committed = (KIT / src).read_bytes()
        if src.endswith(".svg"):
            assert data == committed, src
            continue
        with Image.open(io.BytesIO(data)) as new, Image.open(io.BytesIO(committed)) as old:
            assert new.size == old.size and new.mode == old.mode, src
            difference = ImageChops.difference(new.convert("RGBA"), old.convert("RGBA"))
            mean = sum(ImageStat.Stat(difference).mean) / 4
            assert mean < 1.0, f"{src} differs from the script's drawing (mean difference {mean:.2f})"
