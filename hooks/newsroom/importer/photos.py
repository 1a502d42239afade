"""Finding the photos a sheet names in the photo folder: case-insensitive, with a "did you mean".

A cell names a file ("Anh 1.JPG") or a path inside the folder ("so-tay/anh-1.jpg"); names are
compared in NFC and case-folded (a phone, Windows and macOS disagree on both), and a name without
an extension finds the one image of that name. Only regular files are considered: a symbolic link
or a FIFO in the folder is never followed or opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..content.errors import FieldError
from ..content.safe_files import IMAGE_SUFFIXES, is_regular
from ..content.text import did_you_mean, nfc, slugify

MAX_FILES = 50_000


def _fold(name: str) -> str:
    return nfc(name).casefold()


@dataclass
class PhotoFolder:
    folder: Path
    by_path: dict[str, Path] = field(default_factory=dict)
    by_name: dict[str, list[Path]] = field(default_factory=dict)
    by_stem: dict[str, list[Path]] = field(default_factory=dict)

    @classmethod
    def scan(cls, folder: Path) -> PhotoFolder:
        photos = cls(folder)
        if not folder.is_dir():
            return photos
        count = 0
        for top, dirs, names in os.walk(folder):  # os.walk does not follow links to folders
            here = Path(top)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                path = here / name
                if name.startswith(".") or path.suffix.lower() not in IMAGE_SUFFIXES or not is_regular(path):
                    continue
                count += 1
                if count > MAX_FILES:
                    return photos
                rel = path.relative_to(folder).as_posix()
                photos.by_path[_fold(rel)] = path
                photos.by_name.setdefault(_fold(name), []).append(path)
                photos.by_stem.setdefault(_fold(path.stem), []).append(path)
        return photos

    def find(self, name: str) -> Path:
        """The file `name` designates; FieldError naming the closest file when none (or several) match."""
        wanted = _fold(name.strip().replace("\\", "/").lstrip("./"))
        if not self.folder.is_dir():
            raise FieldError(f"không có thư mục ảnh '{self.folder}'", "ghi thư mục chứa ảnh sau --images")
        path = self.by_path.get(wanted)
        if path is not None:
            return path
        base = wanted.rsplit("/", 1)[-1]
        for table in (self.by_name, self.by_stem):
            found = table.get(base, [])
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = ", ".join(p.relative_to(self.folder).as_posix() for p in found[:3])
                raise FieldError(f"có {len(found)} ảnh tên '{name}' trong thư mục ảnh ({names})", "ghi cả thư mục con, ví dụ: nhom-a/anh-1.jpg")
        choices = {nfc(p.name).casefold(): p.name for paths in self.by_name.values() for p in paths}
        hint = did_you_mean(base, list(choices))
        raise FieldError(
            f"không tìm thấy ảnh '{name}' trong thư mục {self.folder.name}/",
            f"có phải ý bạn là '{choices[hint.split(chr(39))[1]]}'?" if hint else "kiểm tra tên tệp ảnh và thư mục ghi sau --images",
        )


def bundle_name(path: Path, taken: set[str]) -> str:
    """The photo's name inside the bundle: slugged, lower-case suffix, unique in the bundle."""
    stem = slugify(path.stem) or "anh"
    suffix = path.suffix.lower()
    name, number = f"{stem}{suffix}", 2
    while name in taken:
        name, number = f"{stem}-{number}{suffix}", number + 1
    taken.add(name)
    return name


def check_photo(path: Path) -> Path:
    """`path`, once it opens as an image: a broken photo is refused now rather than at the next build."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise FieldError(
            f"ảnh '{path.name}' bị hỏng hoặc không phải ảnh ({exc.__class__.__name__})",
            "mở ảnh trên máy để kiểm tra, chụp hoặc xuất lại thành JPG",
        ) from exc
    return path
