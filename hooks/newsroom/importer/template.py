"""`newsroom import --template FILE.xlsx`: a ready-to-fill sheet with the columns, dropdowns and two examples.

Sheet "Sáng kiến" holds the data (the header row, two example rows to overwrite), "Hướng dẫn" says
what each column takes, and a hidden sheet "Danh mục" lists the provinces, fields and awards the
dropdowns offer. The dropdowns warn rather than refuse, so a legacy province name can still be typed.
"""

from __future__ import annotations

from pathlib import Path

from ..content.taxonomy import Taxonomies
from .columns import COLUMNS, MEMBER_SEPARATORS

DATA_SHEET = "Sáng kiến"
LISTS_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"
ROWS_WITH_DROPDOWNS = 1000

EXAMPLES: tuple[dict[str, str | int], ...] = (
    {
        "title": "Sổ tay đoàn viên số",
        "description": "Ứng dụng giúp chi đoàn quản lý sinh hoạt, đoàn phí và điểm rèn luyện trên điện thoại.",
        "province": "Bắc Ninh",
        "unit": "Tỉnh đoàn Bắc Ninh",
        "field": "Giáo dục",
        "award": "Giải Nhất",
        "date": "10/10/2025",
        "year": 2025,
        "team": "CLB Tin học trẻ",
        "name": "Lê Thị Hoa\nTrần Minh Khang",
        "age": "17\n15",
        "school": "THPT Chuyên Bắc Ninh",
        "role": "Trưởng nhóm\nLập trình",
        "consent": "Có",
        "images": "so-tay-1.jpg; so-tay-2.jpg",
        "alts": "Nhóm tác giả trình bày sản phẩm; Màn hình ứng dụng trên điện thoại",
        "links": "https://example.vn/so-tay",
    },
    {
        "title": "Bản đồ nông sản số",
        "description": "Bản đồ trực tuyến giúp nông dân giới thiệu và bán nông sản của xã.",
        "province": "TP. Hồ Chí Minh",
        "field": "Nông nghiệp",
        "date": "05/10/2025",
        "name": "Nguyễn Văn An",
        "age": 22,
        "school": "Trường Đại học Nông Lâm",
        "role": "Tác giả",
        "images": "ban-do-nong-san.jpg",
        "alts": "Giao diện bản đồ nông sản trên máy tính",
    },
)


def write_template(path: Path, taxonomies: Taxonomies) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="C8102E")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = 28 if column.key in ("description", "body", "alts") else 18
    for row, example in enumerate(EXAMPLES, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            value = example.get(column.key)
            if value is not None:
                cell = sheet.cell(row=row, column=index, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"

    lists = book.create_sheet(LISTS_SHEET)
    provinces = [unit.name for unit in taxonomies.provinces.units.values()]
    columns = {
        "province": provinces,
        "field": [term.name for term in taxonomies.fields],
        "award": [term.name for term in taxonomies.awards],
        "consent": ["Có", "Không"],
    }
    for number, (key, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(number)
        lists.cell(row=1, column=number, value=next(c.header for c in COLUMNS if c.key == key))
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=number, value=value)
        target = get_column_letter(next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key))
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Giá trị ngoài danh sách",
            error="Giá trị không có trong danh sách. Vẫn giữ? (tên tỉnh cũ vẫn được nhận)",
            promptTitle=next(c.header for c in COLUMNS if c.key == key),
            prompt="Chọn trong danh sách",
            showInputMessage=True,
        )
        validation.add(f"{target}2:{target}{ROWS_WITH_DROPDOWNS}")
        sheet.add_data_validation(validation)
    lists.sheet_state = "hidden"

    guide = book.create_sheet(GUIDE_SHEET)
    guide.append(["Cột", "Bắt buộc", "Ghi gì"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append([column.header, "có" if column.required else "", column.help])
    guide.append([])
    guide.append(["Nhiều thành viên", "", f"{MEMBER_SEPARATORS}; Tuổi, Trường, Vai trò ghi theo cùng thứ tự."])
    guide.append(["", "", "Hoặc: mỗi thành viên một dòng ngay bên dưới, để trống Tên sáng kiến (chỉ ghi Thành viên, "
                  "Tuổi, Trường, Vai trò, Ảnh, Mô tả ảnh)."])
    guide.append(["Ảnh", "", "Đặt mọi ảnh vào một thư mục; chạy: newsroom import bang.xlsx --images thu-muc-anh"])
    guide.append(["Riêng tư", "", "Không ghi ngày sinh, điện thoại, e-mail, địa chỉ. Dưới 16 tuổi cần đồng ý của phụ huynh."])
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["C"].width = 110
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
