"""Counting the published catalog: pure, shared by the /thong-ke/ page and `newsroom stats`.

Every table has one row per label and two numbers: all time, and inside the campaign window
(by default 1-10 October of each year). Drafts and scheduled entries are never counted.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from ..content.catalog import Catalog
from ..content.dates import to_vn
from ..content.model import Entry
from ..content.taxonomy import Taxonomies

NO_AWARD = "Đề cử"
HEADERS = ("Tổng", "Trong đợt cao điểm")


@dataclass(frozen=True)
class Window:
    """The campaign window: days `start`..`end` (month, day) of every year, both included."""

    start: tuple[int, int] = (10, 1)
    end: tuple[int, int] = (10, 10)

    def contains(self, day: date) -> bool:
        return self.start <= (day.month, day.day) <= self.end

    def label(self) -> str:
        return f"{self.start[1]}/{self.start[0]}–{self.end[1]}/{self.end[0]}"


@dataclass(frozen=True)
class Row:
    label: str
    total: int
    in_window: int


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    label_header: str
    rows: tuple[Row, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.label_header, *HEADERS)


@dataclass(frozen=True)
class Period:
    """Optional limits on the entries counted (inclusive dates in Vietnam time)."""

    first: date | None = None
    last: date | None = None

    def contains(self, day: date) -> bool:
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)


def sort_key(label: str) -> tuple[str, str]:
    """Alphabetical order a Vietnamese reader expects: letters first, tone marks only to break ties."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", label.replace("đ", "d").replace("Đ", "D")) if not unicodedata.combining(c)
    )
    return bare.casefold(), label


def _table(
    key: str,
    title: str,
    label_header: str,
    entries: Iterable[Entry],
    label_of: Callable[[Entry], str],
    window: Window,
    order: Iterable[str] = (),
) -> Table:
    total: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for entry in entries:
        label = label_of(entry)
        total[label] += 1
        if window.contains(to_vn(entry.date).date()):
            inside[label] += 1
    labels = list(dict.fromkeys([*order, *sorted(total, key=sort_key)]))
    return Table(key, title, label_header, tuple(Row(label, total[label], inside[label]) for label in labels))


def ranked(table: Table) -> Table:
    """The same table, biggest first (ties by label): how the province chart reads."""
    rows = sorted(table.rows, key=lambda r: (-r.total, sort_key(r.label)))
    return Table(table.key, table.title, table.label_header, tuple(rows))


def compute(catalog: Catalog, taxonomies: Taxonomies, window: Window = Window(), period: Period = Period()) -> list[Table]:
    """All report tables, in page order."""
    articles = [a for a in catalog.articles() if period.contains(to_vn(a.date).date())]
    initiatives = [i for i in catalog.initiatives() if period.contains(to_vn(i.date).date())]
    units = [t.name for t in taxonomies.provinces.units.values()]

    def unit(entry: Entry) -> str:
        return entry.province.unit.name if entry.province else "Trung ương"

    years = sorted({to_vn(e.date).year for e in [*articles, *initiatives]})
    return [
        ranked(_table("bai-viet-theo-tinh", "Bài viết theo tỉnh, thành", "Tỉnh, thành", articles, unit, window, units)),
        _table(
            "bai-viet-theo-chuyen-muc",
            "Bài viết theo chuyên mục",
            "Chuyên mục",
            articles,
            lambda e: e.category.name,  # type: ignore[attr-defined]
            window,
            [t.name for t in taxonomies.categories],
        ),
        _table("bai-viet-theo-thang", "Bài viết theo tháng", "Tháng", articles, lambda e: f"{to_vn(e.date):%Y-%m}", window),
        _table("bai-viet-theo-nam", "Bài viết theo năm", "Năm", articles, lambda e: str(e.year), window, map(str, years)),
        ranked(_table("sang-kien-theo-tinh", "Sáng kiến theo tỉnh, thành", "Tỉnh, thành", initiatives, unit, window, units)),
        _table(
            "sang-kien-theo-linh-vuc",
            "Sáng kiến theo lĩnh vực",
            "Lĩnh vực",
            initiatives,
            lambda e: e.field.name,  # type: ignore[attr-defined]
            window,
            [t.name for t in taxonomies.fields],
        ),
        _table(
            "sang-kien-theo-giai",
            "Sáng kiến theo giải thưởng",
            "Giải thưởng",
            initiatives,
            lambda e: e.award.name if e.award else NO_AWARD,  # type: ignore[attr-defined]
            window,
            [*(t.name for t in taxonomies.awards), NO_AWARD],
        ),
        _table(
            "sang-kien-theo-nam",
            "Sáng kiến theo năm",
            "Năm",
            initiatives,
            lambda e: str(e.campaign_year),  # type: ignore[attr-defined]
            window,
            map(str, years),
        ),
    ]
