"""Sheet rows → initiatives: one row per initiative, members in one cell or in the rows below it.

Every problem is a `RowError` naming the sheet row and column and saying what is expected; a row's
problems stay with its initiative, so `--skip-bad` can leave out exactly the initiatives in error.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from ..content.errors import FieldError
from ..content.names import Match, match_award, match_province, match_term
from ..content.schema import CONSENT_AGE, DESCRIPTION_MAX, TITLE_MAX
from ..content.taxonomy import Taxonomies, Term
from ..content.text import is_slug, slugify
from .columns import BY_KEY, CONTINUATION_KEYS, Headers
from .photos import PhotoFolder, check_photo
from .sheet import Cell, Row, Sheet, text_of
from .values import parse_age, parse_consent, parse_day, parse_links, parse_year, split_values

MEMBER_HINT = "ghi họ tên thành viên; nhiều người: một người một dòng trong ô, hoặc cách nhau bằng dấu ;"


@dataclass(frozen=True)
class RowError:
    row: int
    column: str | None
    message: str
    hint: str | None = None

    def format(self) -> str:
        where = f"Dòng {self.row}" + (f", cột '{self.column}'" if self.column else "")
        return f"{where}: {self.message}" + (f"\n    Gợi ý: {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class Photo:
    src: Path
    alt: str


@dataclass
class Draft:
    """One initiative read from the sheet, in the terms of the content schema."""

    row: int
    title: str = ""
    description: str = ""
    body: str = ""
    province: Match | None = None
    unit: str | None = None
    field: Term | None = None
    award: Term | None = None
    day: datetime | None = None
    year: int | None = None
    team: str | None = None
    members: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    consent: bool = False
    photos: list[Photo] = dataclasses.field(default_factory=list)
    links: list[str] = dataclasses.field(default_factory=list)
    slug: str = ""
    unpublished: bool = False
    """Written with `draft: true` (newsroom import --draft)."""
    last_row: int = 0
    named: bool = False
    """Some row of the initiative names a member (its members may still be in error)."""
    first_cells: dict[str, str] = dataclasses.field(default_factory=dict)
    """The initiative's own cells as its first row writes them; a row below may repeat them."""
    notes: list[str] = dataclasses.field(default_factory=list)
    errors: list[RowError] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Reading:
    drafts: list[Draft]
    stray: list[RowError]
    """Errors not tied to an initiative (a continuation row with nothing above it)."""

    @property
    def errors(self) -> list[RowError]:
        return sorted([*self.stray, *(e for d in self.drafts for e in d.errors)], key=lambda e: e.row)


class _Cells:
    """One row's cells by column key, and the column's name as this sheet writes it."""

    def __init__(self, row: Row, headers: Headers, sheet: Sheet) -> None:
        self.row = row
        self.headers = headers
        self.sheet = sheet

    def raw(self, key: str) -> Cell:
        index = self.headers.positions.get(key)
        return self.row.cells[index] if index is not None and index < len(self.row.cells) else None

    def text(self, key: str) -> str:
        return text_of(self.raw(key))

    def line(self, key: str) -> str:
        return " ".join(self.text(key).split())

    def label(self, key: str) -> str:
        index = self.headers.positions.get(key)
        if index is not None and index < len(self.sheet.headers) and self.sheet.headers[index]:
            return " ".join(self.sheet.headers[index].split())
        return BY_KEY[key].header


def _short(text: str, most: int, what: str) -> str:
    if len(text) > most:
        raise FieldError(f"{what} dài {len(text)} ký tự, tối đa {most}", "rút gọn lại")
    return text


def read_rows(sheet: Sheet, headers: Headers, taxonomies: Taxonomies, photos: PhotoFolder,
              progress: Callable[[int], None] = lambda done: None) -> Reading:
    drafts: list[Draft] = []
    stray: list[RowError] = []
    for done, row in enumerate(sheet.rows, start=1):
        progress(done)
        if row.is_empty():
            continue
        cells = _Cells(row, headers, sheet)
        if cells.line("title"):
            drafts.append(_start(cells, taxonomies))
        elif not drafts:
            stray.append(RowError(row.number, cells.label("title"), "chưa ghi tên sáng kiến",
                                  "mỗi sáng kiến bắt đầu bằng một dòng có Tên sáng kiến; dòng để trống tên chỉ ghi thêm "
                                  "thành viên, ảnh của sáng kiến ở dòng trên"))
            continue
        else:
            _continue(cells, drafts[-1])
        draft = drafts[-1]
        draft.last_row = row.number
        _add_members(cells, draft)
        _add_photos(cells, draft, photos)
    for draft in drafts:
        _finish(draft, headers, sheet)
    return Reading(drafts, stray)


def _guard(draft: Draft, cells: _Cells, key: str, parse: Callable[[], Any]) -> Any:
    """Run one cell's parser; its FieldError becomes the row's error on that column."""
    try:
        return parse()
    except FieldError as exc:
        draft.errors.append(RowError(cells.row.number, cells.label(key), exc.message, exc.hint))
        return None


def _required(cells: _Cells, key: str, what: str, example: str) -> str:
    text = cells.line(key)
    if not text:
        raise FieldError(f"chưa ghi {what}", example)
    return text


def _start(cells: _Cells, taxonomies: Taxonomies) -> Draft:
    draft = Draft(row=cells.row.number, first_cells={key: cells.line(key) for key in cells.headers.positions})

    def g(key: str, parse: Callable[[], Any]) -> Any:
        return _guard(draft, cells, key, parse)

    draft.title = g("title", lambda: _short(cells.line("title"), TITLE_MAX, "tên sáng kiến")) or ""
    draft.description = g("description", lambda: _short(
        _required(cells, "description", "mô tả", "một, hai câu giới thiệu sáng kiến"), DESCRIPTION_MAX, "mô tả")) or ""
    draft.body = cells.text("body")
    if cells.text("date"):
        draft.day = g("date", lambda: parse_day(cells.raw("date")))
    if cells.text("year"):
        draft.year = g("year", lambda: parse_year(cells.raw("year")))
    if draft.day is None and draft.year is not None:
        draft.day = datetime(draft.year, 10, 10)  # National Digital Transformation Day of that year
        draft.notes.append(f"không có ngày: lấy 10/10/{draft.year}")
    if draft.day is None and not cells.text("date") and not cells.text("year"):
        draft.errors.append(RowError(cells.row.number, cells.label("date") if "date" in cells.headers.positions else "Ngày",
                                     "chưa ghi ngày hoặc năm", "ghi Ngày (10/10/2025) hoặc Năm (2025)"))
    on = (draft.day or datetime(2100, 1, 1)).date()
    draft.province = g("province", lambda: match_province(cells.line("province"), taxonomies.provinces, on))
    if draft.province is not None and draft.province.note:
        draft.notes.append(draft.province.note)
    draft.field = g("field", lambda: match_term(_required(cells, "field", "lĩnh vực", "ví dụ: Giáo dục"), taxonomies.fields))
    draft.award = g("award", lambda: match_award(cells.line("award"), taxonomies.awards))
    draft.unit = g("unit", lambda: _short(cells.line("unit"), 200, "tên đơn vị")) or None
    draft.team = g("team", lambda: _short(cells.line("team"), 200, "tên nhóm")) or None
    draft.consent = bool(g("consent", lambda: parse_consent(cells.line("consent"))))
    draft.links = g("links", lambda: parse_links(cells.text("links"))) or []
    slug = cells.line("slug")
    if slug and not is_slug(slug):
        draft.errors.append(RowError(cells.row.number, cells.label("slug"), f"'{slug}' không phải đường dẫn hợp lệ",
                                     f"chỉ dùng chữ thường không dấu, số và '-', ví dụ '{slugify(slug)}'"))
    draft.slug = slug if slug and is_slug(slug) else slugify(draft.title)
    if draft.title and not draft.slug:
        draft.errors.append(RowError(cells.row.number, cells.label("title"), "tên sáng kiến không tạo được đường dẫn",
                                     "tên cần có chữ hoặc số; hoặc ghi cột Đường dẫn"))
    return draft


def _continue(cells: _Cells, draft: Draft) -> None:
    extra = [
        key
        for key in cells.headers.positions
        if key not in CONTINUATION_KEYS and cells.line(key) and cells.line(key) != draft.first_cells.get(key)
    ]  # a value repeated from the first row (a sheet that merges only the title cells) is no conflict
    if extra:
        draft.errors.append(RowError(
            cells.row.number, cells.label("title"), "chưa ghi tên sáng kiến nhưng dòng có "
            + ", ".join(f"'{cells.label(k)}'" for k in extra),
            f"dòng để trống tên chỉ ghi thêm thành viên, ảnh cho sáng kiến ở dòng {draft.row}; "
            "nếu đây là sáng kiến mới, ghi Tên sáng kiến"))


def _add_members(cells: _Cells, draft: Draft) -> None:
    names = split_values(cells.text("name"))
    number = cells.row.number
    columns = {key: split_values(cells.text(key)) for key in ("age", "school", "role")}
    if not names:
        if any(columns.values()):
            draft.errors.append(RowError(number, cells.label("name"), "có tuổi, trường hoặc vai trò nhưng chưa ghi tên thành viên",
                                         MEMBER_HINT))
        return  # the members may all be in the rows below; `_finish` checks there is one
    draft.named = True
    if isinstance(cells.raw("age"), (datetime, date)):
        _guard(draft, cells, "age", lambda: parse_age(cells.raw("age")))
        return
    for key, values in columns.items():
        shared = key == "school" and len(values) == 1
        if values and len(values) != len(names) and not shared:
            draft.errors.append(RowError(
                number, cells.label(key), f"có {len(names)} thành viên nhưng {len(values)} giá trị",
                "ghi theo đúng thứ tự thành viên, mỗi người một giá trị (một dòng hoặc cách nhau bằng dấu ;), hoặc để trống"))
            return
    for index, written in enumerate(names):
        name = " ".join(written.split())
        member: dict[str, Any] = {"name": name}
        if len(name) > 100:
            draft.errors.append(RowError(number, cells.label("name"), f"tên '{name[:40]}…' dài quá 100 ký tự", "chỉ ghi họ tên"))
        if columns["age"]:
            age = _guard(draft, cells, "age", partial(parse_age, columns["age"][index]))
            if age is not None:
                member["age"] = age
        for key, most in (("school", 200), ("role", 100)):
            if columns[key]:
                value = " ".join(columns[key][index if len(columns[key]) > 1 else 0].split())
                if len(value) > most:
                    draft.errors.append(RowError(number, cells.label(key), f"'{value[:40]}…' dài quá {most} ký tự", "rút gọn lại"))
                member[key] = value
        draft.members.append(member)


def _add_photos(cells: _Cells, draft: Draft, photos: PhotoFolder) -> None:
    names = split_values(cells.text("images"))
    alts = [" ".join(a.split()) for a in split_values(cells.text("alts"))]
    number = cells.row.number
    if not names:
        if alts:
            draft.errors.append(RowError(number, cells.label("images"), "có mô tả ảnh nhưng chưa ghi tên tệp ảnh",
                                         "ghi tên tệp ảnh trong thư mục ảnh, ví dụ anh-1.jpg"))
        return
    if not alts:
        draft.errors.append(RowError(number, cells.label("alts"), "chưa có mô tả ảnh",
                                     "mô tả nội dung ảnh cho người khiếm thị, ví dụ: Nhóm tác giả trình bày sản phẩm"))
        return
    if len(alts) not in (1, len(names)):
        draft.errors.append(RowError(number, cells.label("alts"), f"có {len(names)} ảnh nhưng {len(alts)} mô tả",
                                     "mỗi ảnh một mô tả theo thứ tự (cách nhau bằng dấu ; hoặc xuống dòng), hoặc một mô tả chung"))
        return
    for index, name in enumerate(names):
        found = _guard(draft, cells, "images", partial(photos.find, name))
        path = found and _guard(draft, cells, "images", partial(check_photo, found))
        if path is None:
            continue
        alt = alts[index if len(alts) > 1 else 0]
        if len(alt) > 300:
            draft.errors.append(RowError(number, cells.label("alts"), "mô tả ảnh dài quá 300 ký tự", "rút gọn lại"))
            continue
        if not any(p.src == path for p in draft.photos):
            draft.photos.append(Photo(path, alt))


def _finish(draft: Draft, headers: Headers, sheet: Sheet) -> None:
    """Rules over the whole initiative (all its rows read): photos present, consent for children."""
    def label(key: str) -> str:
        index = headers.positions.get(key)
        return " ".join(sheet.headers[index].split()) if index is not None and sheet.headers[index] else BY_KEY[key].header

    if not draft.photos and not any(e.column in (label("images"), label("alts")) for e in draft.errors):
        draft.errors.append(RowError(draft.row, label("images"), "chưa có ảnh nào",
                                     "ghi tên ít nhất một tệp ảnh có trong thư mục ảnh, ví dụ anh-1.jpg"))
    if not draft.named:
        draft.errors.append(RowError(draft.row, label("name"), "chưa ghi tên thành viên", MEMBER_HINT))
    minors = [m["name"] for m in draft.members if isinstance(m.get("age"), int) and m["age"] < CONSENT_AGE]
    if minors and not draft.consent:
        draft.errors.append(RowError(
            draft.row, label("consent"),
            f"có thành viên dưới {CONSENT_AGE} tuổi ({', '.join(minors)}) nhưng chưa có đồng ý của phụ huynh",
            "khi đã có văn bản đồng ý của cha mẹ hoặc người giám hộ, ghi Có; chưa có thì chưa đăng sáng kiến này"))
