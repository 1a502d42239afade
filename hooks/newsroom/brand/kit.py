"""The downloadable kit: one reproducible zip of brand.yml and every file it lists."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..content.text import slugify
from .kit_model import Brand

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip can hold: fixed, so the same kit gives the same bytes."""


def kit_zip_name(brand: Brand) -> str:
    """'bo-nhan-dien-chuyen-doi-so.zip'."""
    return f"bo-nhan-dien-{slugify(brand.short_name)}.zip"


def build_kit_zip(brand: Brand, kit_dir: Path | None = None) -> bytes:
    """A zip of brand.yml and the logos, banners, fonts and licence it lists, inside one folder.

    Entries are sorted, dated 1980-01-01 and marked rw-r--r--: the bytes depend only on the files.
    `kit_dir` defaults to the folder the brand was loaded from.
    """
    root = (kit_dir or brand.kit_dir).resolve()
    folder = kit_zip_name(brand).removesuffix(".zip")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for file in brand.files:
            info = zipfile.ZipInfo(f"{folder}/{file.src}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the build machine is
            info.external_attr = 0o100644 << 16
            archive.writestr(info, (root / file.src).read_bytes(), compresslevel=9)
    return out.getvalue()
