"""Builders for the content-model unit tests (imported by conftest.py and the test modules).

Every test builds its own small project in `tmp_path`: a root folder holding
`articles/news/...` and `articles/initiatives/...`, with images drawn by Pillow.
Nothing here reads the real project's content or depends on the current directory.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image as PILImage

from newsroom.content.errors import ContentError, SourceError
from newsroom.content.model import Article, Entry, Initiative
from newsroom.content.reader import Source, find_sources, parse_source
from newsroom.content.schema import EntryErrors, parse_entry
from newsroom.content.taxonomy import Taxonomies, load_taxonomies

VN = timezone(timedelta(hours=7))
NOW = datetime(2024, 10, 10, 12, 0, tzinfo=VN)
"""The pinned "now" of catalog tests: 10 October 2024, noon in Vietnam."""

# Raw YAML values, in the order they are written. None in an override drops the key.
NEWS_FIELDS: dict[str, str] = {
    "title": '"Thanh niên Hà Nội hưởng ứng Ngày Chuyển đổi số quốc gia"',
    "date": "2024-10-05 08:30",
    "authors": "[Nguyễn Văn An]",
    "category": "hoat-dong",
    "description": '"Hơn 500 đoàn viên ra quân hướng dẫn người dân dùng dịch vụ công trực tuyến."',
}
NEWS_BODY = "\nĐoàn viên hướng dẫn người dân cài ứng dụng VNeID.\n"

INITIATIVE_FIELDS: dict[str, str] = {
    "title": '"Sổ tay đoàn viên số"',
    "date": "2024-10-10",
    "description": '"Ứng dụng giúp chi đoàn quản lý sinh hoạt và đoàn phí."',
    "members": '[{name: "Lê Thị Hoa", age: 17, school: "THPT Chu Văn An", role: "Trưởng nhóm"}]',
    "province": "bac-giang",
    "field": "giao-duc",
    "images": '[{src: anh-1.jpg, alt: "Nhóm tác giả trình bày sản phẩm"}]',
}
INITIATIVE_BODY = "\nSản phẩm giúp chi đoàn số hoá sổ sách.\n"


def front_matter(fields: dict[str, str | None], body: str = NEWS_BODY, extra: Iterable[str] = ()) -> str:
    """A content file: `---`, one `key: value` line per field (None = left out), extra raw lines, `---`, body."""
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    lines += list(extra)
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def news_text(body: str = NEWS_BODY, extra: Iterable[str] = (), **overrides: str | None) -> str:
    return front_matter({**NEWS_FIELDS, **overrides}, body, extra)


def initiative_text(body: str = INITIATIVE_BODY, extra: Iterable[str] = (), **overrides: str | None) -> str:
    return front_matter({**INITIATIVE_FIELDS, **overrides}, body, extra)


def line_of(text: str, start: str) -> int:
    """1-based number of the first line of `text` that starts with `start`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(start):
            return number
    raise AssertionError(f"no line starts with {start!r}")


def make_image(path: Path, size: tuple[int, int] = (12, 8), color: str = "#c8102e") -> Path:
    """A small real JPEG/PNG (by suffix) drawn with Pillow."""
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, color).save(path)
    return path


def write(root: Path, rel: str, text: str) -> str:
    """Write a content file under `root` (UTF-8) and return its posix path relative to the root."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel


def source_of(root: Path, rel: str) -> Source:
    sources, _errors = find_sources(root)
    for source in sources:
        if source.rel == rel:
            return source
    raise AssertionError(f"find_sources did not find {rel}; found {[s.rel for s in sources]}")


def parse(root: Path, rel: str, taxonomies: Taxonomies | None = None) -> Entry:
    """Run the real pipeline on one file: find_sources, parse_source, parse_entry."""
    return parse_entry(parse_source(source_of(root, rel)), root, taxonomies or load_taxonomies())


def errors_of(root: Path, rel: str) -> list[ContentError]:
    """The errors the real pipeline reports for one file (it must report some)."""
    try:
        entry = parse(root, rel)
    except SourceError as failure:
        return [failure.error]
    except EntryErrors as problems:
        assert problems.errors, "EntryErrors raised without errors"
        return problems.errors
    raise AssertionError(f"{rel} was accepted: {entry!r}")


def only(errors: list[ContentError], field: str | None) -> ContentError:
    """The single error about `field` (None: errors not tied to a field)."""
    found = [e for e in errors if e.field == field]
    assert len(found) == 1, f"expected one error on {field!r}, got: {[e.format() for e in errors]}"
    return found[0]


def error_on(root: Path, rel: str, field: str | None) -> ContentError:
    """The single error the pipeline reports about `field` of `rel`, checked to name the file and,
    when the key is written at the top level of the file, the key's line."""
    error = only(errors_of(root, rel), field)
    assert error.path == rel
    if field is not None:
        text = (root / rel).read_text(encoding="utf-8")
        if any(line.startswith(f"{field}:") for line in text.split("\n")):
            assert error.line == line_of(text, f"{field}:"), error.format()
    return error


def parse_article(root: Path, rel: str) -> Article:
    entry = parse(root, rel)
    assert isinstance(entry, Article), entry
    return entry


def parse_initiative(root: Path, rel: str) -> Initiative:
    entry = parse(root, rel)
    assert isinstance(entry, Initiative), entry
    return entry
