"""importer.word.images: the document's pictures as anh-1.jpg, anh-2.png..., converted or skipped with a warning."""

from __future__ import annotations

import io

from PIL import Image

from newsroom.importer.word.images import ImageCollector


def encoded(fmt: str, mode: str = "RGB", color: float | tuple[float, ...] | str = "#1565c0", size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, fmt)
    return out.getvalue()


def test_word_images_jpeg_png_gif_kept_byte_for_byte_and_numbered_in_order() -> None:
    collector = ImageCollector()
    jpeg, png, gif = encoded("JPEG"), encoded("PNG", color="#2e7d32"), encoded("GIF", mode="P", color=3)
    assert collector.add("image/jpeg", jpeg) == "anh-1.jpg"
    assert collector.add("image/png", png) == "anh-2.png"
    assert collector.add("image/gif", gif) == "anh-3.gif"
    assert [(i.name, i.data) for i in collector.images] == [("anh-1.jpg", jpeg), ("anh-2.png", png), ("anh-3.gif", gif)]
    assert collector.warnings == []


def test_word_images_the_same_picture_twice_is_saved_once() -> None:
    collector = ImageCollector()
    png = encoded("PNG")
    assert collector.add("image/png", png) == "anh-1.png"
    assert collector.add("image/png", png) == "anh-1.png"
    assert collector.add("image/jpeg", encoded("JPEG")) == "anh-2.jpg"
    assert len(collector.images) == 2


def test_word_images_tiff_and_bmp_converted_to_jpeg_or_png_with_transparency() -> None:
    collector = ImageCollector()
    assert collector.add("image/tiff", encoded("TIFF")) == "anh-1.jpg"
    assert collector.add("image/bmp", encoded("BMP", color="#c62828")) == "anh-2.jpg"
    assert collector.add("image/tiff", encoded("TIFF", mode="RGBA", color=(0, 0, 0, 0))) == "anh-3.png"
    formats = []
    for saved in collector.images:
        with Image.open(io.BytesIO(saved.data)) as picture:
            formats.append((picture.format, picture.size))
    assert formats == [("JPEG", (64, 48)), ("JPEG", (64, 48)), ("PNG", (64, 48))]


def test_word_images_emf_wmf_skipped_with_a_vietnamese_warning_and_the_numbering_goes_on() -> None:
    collector = ImageCollector()
    assert collector.add("image/x-emf", b"\x01\x00\x00\x00 EMF") is None
    assert collector.add("image/x-wmf", b"\xd7\xcd\xc6\x9a WMF") is None
    assert collector.add("image/png", encoded("PNG")) == "anh-1.png"
    assert len(collector.warnings) == 2
    assert collector.warnings[0].startswith("Ảnh thứ 1 trong tài liệu là hình vẽ EMF")
    assert "Ảnh thứ 2 trong tài liệu là hình vẽ WMF" in collector.warnings[1]
    assert "Lưu thành ảnh" in collector.warnings[0]


def test_word_images_unknown_type_and_broken_picture_skipped() -> None:
    collector = ImageCollector()
    assert collector.add("image/x-pict", b"PICT") is None
    assert collector.add(None, b"") is None
    assert collector.add("image/jpeg", encoded("JPEG")[:40]) is None
    assert collector.add("image/png", b"not a png at all") is None
    assert collector.images == []
    assert "dạng 'image/x-pict'" in collector.warnings[0]
    assert "dạng 'không rõ'" in collector.warnings[1]
    assert collector.warnings[2].startswith("Ảnh thứ 3 trong tài liệu bị hỏng")
    assert collector.warnings[3].startswith("Ảnh thứ 4 trong tài liệu bị hỏng")
