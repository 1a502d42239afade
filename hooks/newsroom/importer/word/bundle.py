"""The imported article as a bundle: front matter, Markdown body and pictures, checked by the schema.

The front matter holds what the document and the command line tell: the title (the document's
first heading, else its File → Info title, else --title), now in Vietnam time as the date, the
province and category of `newsroom new` (its defaults, or --province/--category), the unit the way
`newsroom new` names it, --author and --description when given, the slug, and `draft: true`.
A required field nobody gave stays a commented line with its example, so `newsroom check` asks for
it by name and the editor sees where to write it. Before anything is written the bundle is laid out
in a temporary project and read back with the project's reader and schema; what they still report
is what `check` will ask.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ...content.errors import ContentError, SourceError
from ...content.reader import Source, parse_source
from ...content.schema import EntryErrors, parse_entry
from ...content.taxonomy import Taxonomies
from .images import SavedImage


@dataclass(frozen=True)
class Fields:
    """What the command line adds to the document."""

    category: str
    province: str
    unit: str
    authors: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Bundle:
    rel: str
    """articles/news/<year>/<slug>/index.md, relative to the project root."""
    text: str
    images: tuple[SavedImage, ...]


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def front_matter(title: str, date: datetime, slug: str, fields: Fields, taxonomies: Taxonomies, source_name: str,
                 first_image: str = "anh-1.jpg") -> str:
    authors = f"authors: [{', '.join(_quoted(a) for a in fields.authors)}]" if fields.authors else (
        "# Tác giả (bắt buộc): bỏ dấu # và ghi tên, ví dụ\n# authors: [Nguyễn Văn A]")
    description = f"description: {_quoted(fields.description)}" if fields.description else (
        "# Tóm tắt (bắt buộc, tối đa 300 ký tự): bỏ dấu # và viết một, hai câu\n"
        '# description: "Một, hai câu tóm tắt bài viết"')
    return "\n".join([
        "---",
        f"# Nhập từ tệp Word {_quoted(source_name)}: đọc lại bài, điền các dòng còn thiếu rồi chạy 'newsroom check'",
        f"title: {_quoted(title)}",
        f"date: {date:%Y-%m-%d %H:%M}",
        authors,
        f"# Chuyên mục, một trong: {', '.join(taxonomies.categories.terms)}",
        f"category: {fields.category}",
        "tags: []",
        "# Mã tỉnh, thành (xem hooks/newsroom/content/data/provinces.yml), ví dụ: ha-noi, bac-ninh",
        f"province: {fields.province}",
        f"unit: {_quoted(fields.unit)}",
        description,
        "# Ảnh bìa: chọn một ảnh trong thư mục này rồi bỏ dấu # ở hai dòng dưới",
        f"# cover: {first_image}",
        '# cover_alt: "Mô tả nội dung ảnh bìa"',
        f"slug: {slug}",
        "# Xoá dòng draft khi bài đã sẵn sàng đăng",
        "draft: true",
        "---",
        "",
    ])


def remaining_problems(bundle: Bundle, taxonomies: Taxonomies) -> list[ContentError]:
    """What `newsroom check` will report on the bundle, found by laying it out in a temporary project."""
    with tempfile.TemporaryDirectory(prefix="newsroom-word-") as temp:
        stage = Path(temp)
        index = stage / bundle.rel
        index.parent.mkdir(parents=True)
        for image in bundle.images:
            (index.parent / image.name).write_bytes(image.data)
        index.write_text(bundle.text, encoding="utf-8")
        source = Source("news", index, bundle.rel, bundle=index.parent)
        try:
            parse_entry(parse_source(source), stage, taxonomies)
        except SourceError as failure:
            return [failure.error]
        except EntryErrors as problems:
            return list(problems.errors)
    return []


def write_bundle(bundle: Bundle, root: Path) -> Path:
    """Write the bundle's folder (which must not exist yet); on failure nothing is left behind."""
    index = root / bundle.rel
    folder = index.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir()
    try:
        for image in bundle.images:
            (folder / image.name).write_bytes(image.data)
        index.write_text(bundle.text, encoding="utf-8")
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return index
