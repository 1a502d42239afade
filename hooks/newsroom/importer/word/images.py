"""The pictures of a Word document, saved as the bundle's files anh-1.jpg, anh-2.png...

Word embeds what the editor pasted: JPEG and PNG mostly, sometimes GIF, TIFF or BMP, and for
drawings and charts EMF/WMF vector files, which no browser shows and Pillow cannot draw on Linux.
JPEG, PNG, GIF and WebP are kept byte for byte (the site's image pipeline makes the variants);
TIFF and BMP are converted with Pillow (JPEG, or PNG when the picture has transparency); anything
else, and a picture Pillow cannot open, is skipped with a Vietnamese warning saying how to fix it.
The same picture used twice is saved once.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from PIL import Image, UnidentifiedImageError

KEPT = {"image/jpeg": ".jpg", "image/pjpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}
"""Formats the site's image pipeline takes as they are."""
CONVERTED = {"image/tiff", "image/bmp", "image/x-ms-bmp", "image/x-bmp"}
"""Formats Pillow reads that are better published as JPEG or PNG."""
VECTOR_LABELS = {
    "image/x-emf": "EMF", "image/emf": "EMF", "image/x-wmf": "WMF", "image/wmf": "WMF",
    "image/svg+xml": "SVG",
}
SAVE_AS_HINT = ("trong Word, bấm chuột phải vào ảnh → 'Lưu thành ảnh' (Save as Picture) dạng PNG hoặc JPG, "
                "đặt tệp vào thư mục bài rồi thêm dòng ![mô tả ảnh](ten-anh.png) vào đúng chỗ trong index.md")


@dataclass(frozen=True)
class SavedImage:
    name: str
    """The file name in the bundle: anh-1.jpg..."""
    data: bytes


@dataclass
class ImageCollector:
    """Receives the document's pictures in reading order; `images` and `warnings` hold the result."""

    images: list[SavedImage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seen: int = 0
    by_digest: dict[str, str] = field(default_factory=dict)

    def add(self, content_type: str | None, data: bytes) -> str | None:
        """The bundle file name for one picture of the document, or None when it is skipped."""
        self.seen += 1
        number = self.seen
        kind = (content_type or "").lower()
        if kind in VECTOR_LABELS:
            self.warnings.append(
                f"Ảnh thứ {number} trong tài liệu là hình vẽ {VECTOR_LABELS[kind]} (biểu đồ, hình vẽ của Word), "
                f"trình duyệt không hiển thị được: đã bỏ qua.\n    Gợi ý: {SAVE_AS_HINT}.")
            return None
        if kind not in KEPT and kind not in CONVERTED:
            self.warnings.append(
                f"Ảnh thứ {number} trong tài liệu có dạng '{content_type or 'không rõ'}', trang không đăng được: đã bỏ qua.\n"
                f"    Gợi ý: {SAVE_AS_HINT}.")
            return None
        try:
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()
            with Image.open(io.BytesIO(data)) as picture:
                picture.load()
                extension, payload = (KEPT[kind], data) if kind in KEPT else _converted(picture)
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            self.warnings.append(
                f"Ảnh thứ {number} trong tài liệu bị hỏng (không mở được): đã bỏ qua.\n"
                f"    Gợi ý: chèn lại ảnh trong Word rồi nhập lại, hoặc {SAVE_AS_HINT}.")
            return None
        digest = hashlib.sha256(payload).hexdigest()
        if digest in self.by_digest:
            return self.by_digest[digest]
        name = f"anh-{len(self.images) + 1}{extension}"
        self.images.append(SavedImage(name, payload))
        self.by_digest[digest] = name
        return name


    def linked(self) -> None:
        """A picture that is only a link to a file elsewhere on the editor's computer ("Link to File")."""
        self.seen += 1
        self.warnings.append(
            f"Ảnh thứ {self.seen} trong tài liệu chỉ là liên kết tới một tệp ngoài tài liệu (chèn kiểu 'Liên kết tới tệp'), "
            "không nằm trong tệp .docx: đã bỏ qua.\n"
            "    Gợi ý: chèn lại ảnh bằng Chèn → Ảnh (Insert → Pictures) rồi nhập lại, hoặc đặt ảnh vào thư mục bài "
            "và thêm dòng ![mô tả ảnh](ten-anh.jpg) vào đúng chỗ trong index.md.")


def _converted(picture: Image.Image) -> tuple[str, bytes]:
    """A TIFF or BMP as PNG when it has transparency, else as JPEG."""
    out = io.BytesIO()
    if picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info):
        picture.convert("RGBA").save(out, "PNG", optimize=True)
        return ".png", out.getvalue()
    picture.convert("RGB").save(out, "JPEG", quality=92, optimize=True)
    return ".jpg", out.getvalue()
