"""Only regular files that really live under articles/ are read or published.

A symbolic link is refused, never followed (even one pointing inside articles/: the editor copies
the file instead), and so is anything that is not a regular file (a FIFO, a device, a socket):
such a file is never opened, so nothing from elsewhere on the build machine can be published and
no read can hang.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import ContentError

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".heic", ".avif"})
"""Files treated as images: published only as processed variants, never as the file itself."""
ATTACHMENT_SUFFIXES = frozenset({".pdf"})
"""The only other files an article folder publishes, unchanged, beside its page."""
PUBLISHED_SUFFIXES = IMAGE_SUFFIXES | ATTACHMENT_SUFFIXES
UNPUBLISHED_HINT = "bài viết chỉ đăng kèm ảnh (JPG, PNG, WebP, GIF...) và tệp PDF; chuyển tệp khác sang PDF hoặc bỏ khỏi thư mục bài"

LINK_HINT = "thay liên kết bằng một bản sao của tệp thật, đặt trong thư mục articles/"
SPECIAL_HINT = "chỉ đặt tệp thông thường (bài viết, ảnh) trong thư mục articles/"


MAX_NAME_BYTES = 150
"""A file or folder name under articles/; published names add a width and a suffix, and 255 is the limit."""
NAME_HINT = "đổi tên thành tên ngắn, không dấu, chỉ gồm chữ, số và '-', ví dụ: anh-bia.jpg"
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def name_problem(name: str) -> str | None:
    """What is wrong with a file name an editor chose, or None."""
    if _CONTROL_RE.search(name):
        return "tên tệp có ký tự điều khiển (xuống dòng, tab...)"
    size = len(name.encode("utf-8", "surrogateescape"))
    if size > MAX_NAME_BYTES:
        return f"tên tệp dài {size} byte, tối đa {MAX_NAME_BYTES}"
    return None


def unsafe_reason(path: Path) -> tuple[str, str] | None:
    """Why `path` must not be read (message, hint), or None for a regular file or a real folder."""
    problem = name_problem(path.name)
    if problem is not None:
        return problem, NAME_HINT
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError) as exc:
        return f"không đọc được tệp ({exc.__class__.__name__})", "kiểm tra tên và quyền đọc của tệp"
    if stat.S_ISLNK(mode):
        return "là liên kết tượng trưng (symlink), không được đăng", LINK_HINT
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "không phải tệp thông thường (FIFO, thiết bị...), không được đọc", SPECIAL_HINT


def unsafe_error(path: Path, root: Path) -> ContentError | None:
    reason = unsafe_reason(path)
    if reason is None:
        return None
    message, hint = reason
    return ContentError(path.relative_to(root).as_posix(), message, hint=hint)


def unpublished_error(path: Path, root: Path) -> ContentError | None:
    """An error for a file an article folder holds but the site never serves (HTML, SVG, JS...)."""
    suffix = path.suffix.lower()
    if suffix == ".md" or suffix in PUBLISHED_SUFFIXES:
        return None
    return ContentError(
        path.relative_to(root).as_posix(),
        f"tệp '{path.name}' không thuộc loại được đăng kèm bài nên sẽ không được đăng",
        hint=UNPUBLISHED_HINT,
    )


def is_regular(path: Path) -> bool:
    """A regular file, not reached through a symbolic link (the path itself is checked)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_regular_dir(path: Path) -> bool:
    """A real folder, not reached through a symbolic link."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def safe_tree(folder: Path, root: Path) -> tuple[list[Path], list[ContentError]]:
    """Every regular file under `folder`, links and special files reported, links never followed."""
    files: list[Path] = []
    errors: list[ContentError] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(dirpath)
        for name in sorted(dirnames):
            error = unsafe_error(base / name, root)
            if error is not None:
                errors.append(error)
                dirnames.remove(name)
        dirnames.sort()
        for name in sorted(filenames):
            path = base / name
            error = unsafe_error(path, root)
            if error is not None:
                errors.append(error)
            else:
                files.append(path)
    return sorted(files), errors
