"""The report's figures from a small hand-built catalog, and the files that carry them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from content_kit import NOW
from lxml import etree
from openpyxl import load_workbook

from newsroom.content.catalog import Catalog, load_catalog
from newsroom.content.taxonomy import Taxonomies
from newsroom.report.charts import bar_chart
from newsroom.report.figures import Period, Table, Window, compute
from newsroom.report.table_files import table_csv, workbook_xlsx

Maker = Callable[..., str]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def catalog(root: Path, taxonomies: Taxonomies, news: Maker, initiative: Maker) -> Catalog:
    """Five published articles, a draft, a scheduled one; two published initiatives, a draft and a scheduled one.

    Hand count (NOW is 10/10/2024 noon): Hà Nội 3 articles (2 in the 1-10 October window),
    Bắc Ninh 2 (one written as the legacy Bắc Giang, in the window; one in September).
    """
    news("a.md", title='"Bài A"', date="2024-10-05 08:00", province="ha-noi")
    news("b.md", title='"Bài B"', date="2024-10-02 08:00", province="bac-giang", category="tap-huan")
    news("c.md", title='"Bài C"', date="2024-09-15 08:00", province="bac-ninh", category="tap-huan")
    news("d.md", title='"Bài D"', date="2023-10-10 23:30", province="ha-noi")
    news("e.md", title='"Bài E"', date="2023-10-11 00:10", province="ha-noi")
    news("nhap.md", title='"Bài nháp"', date="2024-10-03 08:00", province="da-nang", extra=["draft: true"])
    news("hen.md", title='"Bài hẹn giờ"', date="2024-10-20 08:00", province="da-nang")
    initiative("mot", title='"Sáng kiến một"')
    initiative("hai", title='"Sáng kiến hai"', province="ha-noi", date="2024-09-01", extra=["award: nhat"])
    initiative("ba", title='"Sáng kiến nháp"', province="da-nang", extra=["draft: true"])
    initiative("bon", title='"Sáng kiến hẹn giờ"', province="da-nang", date="2024-10-20")
    return load_catalog(root, taxonomies, NOW)


def _rows(table: Table) -> dict[str, tuple[int, int]]:
    return {r.label: (r.total, r.in_window) for r in table.rows}


def _by_key(tables: list[Table]) -> dict[str, Table]:
    return {t.key: t for t in tables}


def test_report_counts_equal_hand_count(catalog: Catalog, taxonomies: Taxonomies) -> None:
    tables = _by_key(compute(catalog, taxonomies))
    provinces = tables["bai-viet-theo-tinh"]
    assert len(provinces.rows) == 34  # every unit of today, zeros included
    assert [r.label for r in provinces.rows[:2]] == ["Hà Nội", "Bắc Ninh"]  # ranked
    rows = _rows(provinces)
    assert rows["Hà Nội"] == (3, 2)
    assert rows["Bắc Ninh"] == (2, 1)
    assert rows["Đà Nẵng"] == (0, 0)  # a draft and a scheduled article only
    assert "Bắc Giang" not in rows
    assert sum(t for t, _ in rows.values()) == 5
    assert _rows(tables["bai-viet-theo-chuyen-muc"])["Tập huấn"] == (2, 1)
    assert _rows(tables["bai-viet-theo-chuyen-muc"])["Hoạt động hưởng ứng"] == (3, 2)
    assert _rows(tables["bai-viet-theo-thang"]) == {"2023-10": (2, 1), "2024-09": (1, 0), "2024-10": (2, 2)}
    assert _rows(tables["bai-viet-theo-nam"]) == {"2023": (2, 1), "2024": (3, 2)}
    initiatives = _rows(tables["sang-kien-theo-tinh"])
    assert len(initiatives) == 34
    assert initiatives["Bắc Ninh"] == (1, 1) and initiatives["Hà Nội"] == (1, 0) and initiatives["Đà Nẵng"] == (0, 0)
    awards = _rows(tables["sang-kien-theo-giai"])
    assert awards["Giải Nhất"] == (1, 0) and awards["Đề cử"] == (1, 1) and awards["Giải Nhì"] == (0, 0)
    assert _rows(tables["sang-kien-theo-linh-vuc"])["Giáo dục"] == (2, 1)
    assert _rows(tables["sang-kien-theo-nam"]) == {"2023": (0, 0), "2024": (2, 1)}


def test_report_window_and_period_are_honoured(catalog: Catalog, taxonomies: Taxonomies) -> None:
    september = _by_key(compute(catalog, taxonomies, Window((9, 1), (9, 30))))
    assert _rows(september["bai-viet-theo-tinh"])["Bắc Ninh"] == (2, 1)
    assert _rows(september["bai-viet-theo-tinh"])["Hà Nội"] == (3, 0)
    from datetime import date

    only_2024 = _by_key(compute(catalog, taxonomies, period=Period(date(2024, 1, 1), date(2024, 12, 31))))
    assert _rows(only_2024["bai-viet-theo-tinh"])["Hà Nội"] == (1, 1)
    assert _rows(only_2024["bai-viet-theo-nam"]) == {"2024": (3, 2)}


def test_report_csv_reads_back_with_bom_headers_and_numbers(catalog: Catalog, taxonomies: Taxonomies) -> None:
    table = _by_key(compute(catalog, taxonomies))["bai-viet-theo-tinh"]
    data = table_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Tỉnh, thành", "Tổng", "Trong đợt cao điểm"]
    assert rows[1] == ["Hà Nội", "3", "2"]
    assert len(rows) == 35


def test_report_workbook_has_one_sheet_per_table(catalog: Catalog, taxonomies: Taxonomies) -> None:
    tables = compute(catalog, taxonomies)
    book = load_workbook(io.BytesIO(workbook_xlsx(tables)))
    assert book.sheetnames == [t.title for t in tables]
    sheet = book["Bài viết theo tỉnh, thành"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Tỉnh, thành", "Tổng", "Trong đợt cao điểm")
    assert values[1] == ("Hà Nội", 3, 2)
    assert ("Bắc Ninh", 2, 1) in values


def test_report_charts_parse_and_are_labelled(catalog: Catalog, taxonomies: Taxonomies) -> None:
    for table in compute(catalog, taxonomies):
        svg = etree.fromstring(bar_chart(table, "1/10–10/10").encode("utf-8"))
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        desc = svg.find(f"{SVG}desc")
        assert title is not None and title.text == table.title
        assert desc is not None and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        bars = svg.findall(f".//{SVG}rect")
        assert len(bars) == 2 + 2 * len(table.rows)  # the legend's two swatches, then two bars per row
    provinces = _by_key(compute(catalog, taxonomies))["bai-viet-theo-tinh"]
    svg = etree.fromstring(bar_chart(provinces, "1/10–10/10").encode("utf-8"))
    widths = [float(r.get("width", "0")) for r in svg.findall(f".//{SVG}rect")[2::2]]
    assert widths[0] > widths[1] > 0 and widths[-1] == 0  # Hà Nội longest, zeros drawn empty
    assert "Hà Nội: 3" in (svg.find(f"{SVG}desc").text or "")
