"""Image errors: what is wrong with an image file, in Vietnamese, for the editor who dropped it in."""

from __future__ import annotations

from typing import Literal

from ..content.errors import ContentError

ImageErrorKind = Literal["missing", "corrupt", "bomb", "unsupported", "failed"]

HINT_CORRUPT = "mở ảnh trên máy tính để kiểm tra, rồi lưu lại hoặc tải lên lại dưới dạng JPEG hoặc PNG"
HINT_BOMB = "thu nhỏ ảnh (ảnh điện thoại 12 megapixel là đủ) rồi lưu lại dưới dạng JPEG"
HINT_UNSUPPORTED = "dùng JPEG, PNG hoặc WebP; với ảnh HEIC của iPhone, chọn 'Xuất' hoặc chụp màn hình để có JPEG"


class ImageError(Exception):
    """One image that cannot be published; `kind` says why, `detail` keeps the decoder's own words.

    The lead turns it into a `ContentError` naming the article file and field (`to_content_error`).
    """

    def __init__(self, message: str, hint: str | None = None, kind: ImageErrorKind = "corrupt", detail: str = "") -> None:
        super().__init__(message, hint, kind, detail)
        self.message = message
        self.hint = hint
        self.kind: ImageErrorKind = kind
        self.detail = detail

    def __str__(self) -> str:
        return self.message

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ImageError) and self.args == other.args

    def __hash__(self) -> int:
        return hash(self.args)

    def to_content_error(self, path: str, field: str | None, image: str, line: int | None = None) -> ContentError:
        """The build error: `path` is the content file (relative to the root), `image` the name it uses."""
        return ContentError(path=path, field=field, line=line, message=f"ảnh '{image}': {self.message}", hint=self.hint)


def missing(detail: str = "") -> ImageError:
    return ImageError(
        "không đọc được tệp ảnh (tệp không tồn tại hoặc không có quyền đọc)", "kiểm tra tên và vị trí tệp ảnh", "missing", detail
    )


def corrupt(detail: str = "") -> ImageError:
    return ImageError("ảnh bị hỏng hoặc tải lên chưa hết", HINT_CORRUPT, "corrupt", detail)


def megapixels(pixels: int) -> str:
    """'51', '8,4', '0,002': a pixel count in megapixels, as precise as a human needs (decimal comma)."""
    value = pixels / 1_000_000
    text = f"{value:.0f}" if value >= 10 else f"{value:.1f}" if value >= 1 else f"{value:.3g}"
    return text.replace(".", ",")


def bomb(pixels: int | None, limit: int) -> ImageError:
    size = f"{megapixels(pixels)} megapixel" if pixels is not None else "quá nhiều điểm ảnh"
    return ImageError(
        f"ảnh quá lớn ({size}, tối đa {megapixels(limit)} megapixel), có thể là ảnh độc hại (decompression bomb)",
        HINT_BOMB,
        "bomb",
        f"{pixels} pixels" if pixels is not None else "",
    )


def unsupported(format_name: str) -> ImageError:
    return ImageError(
        f"định dạng {format_name} không được hỗ trợ; dùng JPEG, PNG hoặc WebP", HINT_UNSUPPORTED, "unsupported", format_name
    )


def failed(detail: str) -> ImageError:
    return ImageError(
        "không xử lý được ảnh (tiến trình xử lý ảnh bị dừng, có thể do thiếu bộ nhớ)",
        "chạy lại lệnh build; nếu lỗi lặp lại, thu nhỏ ảnh này",
        "failed",
        detail,
    )
