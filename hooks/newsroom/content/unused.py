"""Files in an article folder that no entry uses: reported, never published.

An entry publishes only the files it uses (its cover or photos, the images and files its body
links to). A photo dropped into the folder and never inserted is not silently served at a URL
nobody links to, and a broken one is not blamed on the body ("[ảnh trong bài]") when no body
shows it: each is an error naming the file and how to use it or remove it.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ContentError
from .model import Entry
from .reader import Source
from .safe_files import IMAGE_SUFFIXES, PUBLISHED_SUFFIXES

MESSAGE = "tệp nằm trong thư mục bài viết nhưng không bài nào dùng nên sẽ không được đăng"


def find_unused_files(root: Path, sources: list[Source], entries: list[Entry]) -> list[ContentError]:
    """An error for each publishable file of a bundle that no entry uses.

    A bundle whose own entry has errors is skipped: what it uses is not known until it parses
    (its errors stop the build anyway, and the next run reports the unused files).
    """
    # As strings: thousands of bundle files, and pathlib's joins cost more than the rest of the check.
    used = {str(asset.src) for entry in entries for asset in entry.assets}
    parsed = {entry.source for entry in entries}
    errors = []
    for source in sources:
        if source.bundle is None or source.rel not in parsed:
            continue
        listed = str(source.bundle) + os.sep
        folder = str(source.bundle.resolve()) + os.sep  # once per bundle: no link below articles/ is followed
        for path in source.files:
            if path == source.path or path.name.startswith(".") or path.suffix.lower() not in PUBLISHED_SUFFIXES:
                continue  # the content file itself; other files are reported as never published
            relative = str(path)[len(listed) :]
            if folder + relative not in used:
                name = Path(relative).as_posix()
                errors.append(ContentError(path.relative_to(root).as_posix(), MESSAGE, hint=unused_hint(source, name)))
    return errors


def unused_hint(source: Source, name: str) -> str:
    """How to use the file `name` (relative to the bundle) in the entry of `source`, or remove it."""
    quoted = f"<{name}>" if " " in name else name
    if Path(name).suffix.lower() not in IMAGE_SUFFIXES:
        how = f"[Tải tài liệu]({quoted})"
    elif source.kind == "news":
        how = f"cover: {name}, hoặc ![Mô tả ảnh]({quoted}) trong bài"
    else:
        how = f'images: [{{src: {name}, alt: "Mô tả ảnh"}}], hoặc ![Mô tả ảnh]({quoted}) trong bài'
    return f"dùng nó trong bài (cover:, images: hoặc ![..](..)), ví dụ {how}; hoặc xoá tệp"
