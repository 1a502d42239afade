"""Every bad image kind raises ImageError with a clear Vietnamese message, and never crashes the build."""

from __future__ import annotations

import io
import pickle
import random
from pathlib import Path

import pytest
from image_kit import jpeg_bytes, png_claiming, quadrants, save

from newsroom.images import ImageError, ImageSettings, process_image
from newsroom.images.processing import process_bytes

SMALL = ImageSettings(widths=(40, 80))


def refused(path: Path, settings: ImageSettings = SMALL) -> ImageError:
    with pytest.raises(ImageError) as caught:
        process_image(path, settings)
    return caught.value


def test_images_truncated_jpeg_is_corrupt(tmp_path: Path) -> None:
    whole = jpeg_bytes(quadrants((400, 300)).effect_spread(3))
    src = tmp_path / "tai-len-do-dang.jpg"
    src.write_bytes(whole[: len(whole) // 2])

    error = refused(src)

    assert error.kind == "corrupt"
    assert error.message == "ảnh bị hỏng hoặc tải lên chưa hết"
    assert error.hint and "JPEG" in error.hint
    assert "truncated" in error.detail


def test_images_truncated_png_is_corrupt(tmp_path: Path) -> None:
    out = io.BytesIO()
    quadrants((400, 300)).effect_spread(3).save(out, "PNG")
    src = tmp_path / "cat-ngang.png"
    src.write_bytes(out.getvalue()[: len(out.getvalue()) * 2 // 3])

    assert refused(src).kind == "corrupt"


@pytest.mark.parametrize("name", ["ngau-nhien.jpg", "ngau-nhien.png", "ngau-nhien.webp"])
def test_images_random_bytes_are_corrupt(tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    src.write_bytes(random.Random(4).randbytes(5000))

    error = refused(src)

    assert error.kind == "corrupt" and "hỏng" in error.message


def test_images_empty_file_is_corrupt(tmp_path: Path) -> None:
    src = tmp_path / "rong.jpg"
    src.write_bytes(b"")

    assert refused(src).kind == "corrupt"


def test_images_jpeg_header_followed_by_garbage_is_corrupt(tmp_path: Path) -> None:
    whole = jpeg_bytes(quadrants((200, 100)))
    src = tmp_path / "rac.jpg"
    src.write_bytes(whole[:400] + random.Random(1).randbytes(3000))

    assert refused(src).kind == "corrupt"


def test_images_png_header_claiming_ten_billion_pixels_is_a_bomb(tmp_path: Path) -> None:
    src = tmp_path / "bom.png"
    src.write_bytes(png_claiming(100_000, 100_000))

    error = refused(src, ImageSettings())

    assert error.kind == "bomb"
    assert error.message == ("ảnh quá lớn (10000 megapixel, tối đa 50 megapixel), có thể là ảnh độc hại (decompression bomb)")


def test_images_header_just_over_max_pixels_is_refused_before_decoding(tmp_path: Path) -> None:
    src = tmp_path / "vua-qua.png"
    src.write_bytes(png_claiming(8000, 7000))  # 56 megapixels: under Pillow's limit, over ours

    error = refused(src, ImageSettings())

    assert error.kind == "bomb"
    assert "56 megapixel" in error.message


def test_images_large_solid_image_over_a_low_max_pixels_is_a_bomb(tmp_path: Path) -> None:
    src = save(quadrants((1000, 800)), tmp_path / "to.png")

    error = refused(src, ImageSettings(widths=(40,), max_pixels=500_000))

    assert error.kind == "bomb"
    assert "(0,8 megapixel, tối đa 0,5 megapixel)" in error.message
    assert process_image(src, ImageSettings(widths=(40,), max_pixels=800_000)).width == 1000  # at the limit: fine


@pytest.mark.parametrize(
    ("name", "format_name", "expected"),
    [("anh.bmp", "BMP", "BMP"), ("anh.tiff", "TIFF", "TIFF"), ("anh.ico", "ICO", "ICO"), ("anh.pcx", "PCX", "PCX")],
)
def test_images_formats_pillow_reads_but_we_refuse(tmp_path: Path, name: str, format_name: str, expected: str) -> None:
    src = save(quadrants((64, 48)), tmp_path / name, format_name)

    error = refused(src)

    assert error.kind == "unsupported"
    assert error.message == f"định dạng {expected} không được hỗ trợ; dùng JPEG, PNG hoặc WebP"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("logo.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
        ("logo.jpg", b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", "SVG"),
        ("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200, "HEIC"),
        ("anh.avif", b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1" + b"\x00" * 200, "AVIF"),
        ("tai-lieu.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 200, "PDF"),
    ],
)
def test_images_formats_named_by_sniffing(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    src = tmp_path / name
    src.write_bytes(content)

    error = refused(src)

    assert error.kind == "unsupported"
    assert error.message.startswith(f"định dạng {expected} không được hỗ trợ")


def test_images_missing_file_is_an_error(tmp_path: Path) -> None:
    error = refused(tmp_path / "khong-co.jpg")

    assert error.kind == "missing"
    assert "không đọc được tệp ảnh" in error.message


def test_images_error_survives_pickling_and_names_the_article_in_a_content_error() -> None:
    error = process_error(b"not an image")
    copy = pickle.loads(pickle.dumps(error))

    assert copy == error and copy.kind == error.kind and copy.hint == error.hint and str(copy) == error.message
    content_error = error.to_content_error("articles/news/2024/bai.md", "cover", "anh-bia.jpg")
    assert content_error.format().startswith("articles/news/2024/bai.md [cover]: ảnh 'anh-bia.jpg': ảnh bị hỏng")
    assert "Gợi ý:" in content_error.format()


def process_error(data: bytes) -> ImageError:
    with pytest.raises(ImageError) as caught:
        process_bytes(data, "x", SMALL)
    return caught.value


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("tien-trien.jpg", {"format": "JPEG", "progressive": True, "quality": 90}),
        ("cat.webp", {"format": "WEBP", "quality": 90}),
        ("cat.gif", {"format": "GIF"}),
    ],
)
def test_images_truncated_files_of_every_accepted_format_are_corrupt(
    tmp_path: Path, name: str, options: dict[str, str | bool | int]
) -> None:
    out = io.BytesIO()
    noisy = quadrants((400, 300)).effect_spread(5)
    fmt, params = str(options["format"]), {k: v for k, v in options.items() if k != "format"}
    (noisy.quantize(64) if fmt == "GIF" else noisy).save(out, format=fmt, **params)
    src = tmp_path / name
    src.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])

    assert refused(src).kind == "corrupt"
