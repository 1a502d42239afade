"""Builders for the import tests: sheets made with openpyxl or the csv module, photos drawn by Pillow."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from content_kit import make_image
from openpyxl import load_workbook

from newsroom.importer.columns import COLUMNS

HEADERS = [column.header for column in COLUMNS]

GOOD_ROWS: list[dict[str, str | int]] = [
    {
        "Tên sáng kiến": "Ứng dụng Sổ tay đoàn viên",
        "Mô tả": "Ứng dụng giúp chi đoàn quản lý sinh hoạt và đoàn phí.",
        "Tỉnh/thành": "tinh Bac Giang",
        "Lĩnh vực": "Giáo dục",
        "Giải thưởng": "Giải Nhất",
        "Ngày": "10/10/2025",
        "Nhóm": "CLB Tin học trẻ",
        "Thành viên": "Lê Thị Hoa\nTrần Minh Khang",
        "Tuổi": "17\n15",
        "Trường": "THPT Chuyên Bắc Giang",
        "Vai trò": "Trưởng nhóm\nLập trình",
        "Đồng ý của phụ huynh": "Có",
        "Ảnh": "So-Tay-1.JPG; so-tay-2.jpg",
        "Mô tả ảnh": "Nhóm tác giả trình bày sản phẩm; Màn hình ứng dụng",
    },
    {
        "Tên sáng kiến": "Bản đồ nông sản số",
        "Mô tả": "Bản đồ trực tuyến giúp nông dân bán nông sản của xã.",
        "Tỉnh/thành": "TP. Hồ Chí Minh",
        "Lĩnh vực": "nong nghiep",
        "Ngày": "05/10/2025",
        "Thành viên": "Nguyễn Văn An",
        "Tuổi": 22,
        "Vai trò": "Tác giả",
        "Ảnh": "ban-do.jpg",
        "Mô tả ảnh": "Giao diện bản đồ nông sản",
    },
    {"Thành viên": "Phạm Thu Trang", "Tuổi": 21, "Vai trò": "Thiết kế"},
]
PHOTOS = ("So-Tay-1.JPG", "so-tay-2.jpg", "ban-do.jpg")


def make_photos(folder: Path, names: Sequence[str] = PHOTOS) -> Path:
    for name in names:
        make_image(folder / name)
    return folder


def fill_template(template: Path, dest: Path, rows: Sequence[dict[str, str | int]]) -> Path:
    """The template with its two example rows replaced by `rows` (keyed by header), as an editor fills it."""
    book = load_workbook(template)
    sheet = book["Sáng kiến"]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=number, column=headers.index(header) + 1, value=value)
    book.save(dest)
    return dest


def write_csv(dest: Path, rows: Sequence[dict[str, str | int]], headers: Sequence[str] = HEADERS, delimiter: str = ",") -> Path:
    """A CSV as Excel's "CSV UTF-8" writes it: BOM, CRLF, cells with newlines quoted."""
    with open(dest, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(h, "") for h in headers])
    return dest
