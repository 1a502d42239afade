"""The import's parts: header matching, names → taxonomy terms, members, photos, reading CSV/XLSX."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from content_kit import make_image
from import_kit import GOOD_ROWS, HEADERS, make_photos, write_csv

from newsroom.content.errors import FieldError
from newsroom.content.names import match_award, match_province, match_term
from newsroom.content.taxonomy import Taxonomies
from newsroom.importer.columns import match_headers
from newsroom.importer.photos import PhotoFolder
from newsroom.importer.rows import Reading, read_rows
from newsroom.importer.sheet import Cell, Row, Sheet, SheetError, read_sheet
from newsroom.importer.values import parse_day

AFTER = date(2025, 10, 10)
BEFORE = date(2024, 10, 10)


# --- headers -------------------------------------------------------------------------------------


def test_import_headers_match_without_case_tone_marks_or_punctuation() -> None:
    cells = ["STT", "TÊN SÁNG KIẾN", "mo ta", "Tỉnh, thành *", "Linh vuc", "Thanh vien", "Ảnh", "Mô tả ảnh", "Năm"]
    headers = match_headers(cells)
    assert headers.problems == ()
    assert headers.positions == {"title": 1, "description": 2, "province": 3, "field": 4, "name": 5, "images": 6,
                                 "alts": 7, "year": 8}


def test_import_headers_missing_required_column_is_named_with_a_hint() -> None:
    headers = match_headers(["Tên sáng kiến", "Mô tả", "Tinh thanh pho x", "Lĩnh vực", "Thành viên", "Ảnh", "Mô tả ảnh", "Ngày"])
    [problem] = headers.problems
    assert problem.column == "Tỉnh/thành" and problem.message == "thiếu cột bắt buộc"
    assert "Tinh thanh pho x" in (problem.hint or "")


def test_import_headers_personal_data_columns_are_left_out_and_said() -> None:
    headers = match_headers([*HEADERS, "Ngày sinh", "Số điện thoại", "Email"])
    assert headers.problems == ()
    assert "Ngày sinh" not in str(headers.positions)
    assert sum("không đăng ngày sinh" in note for note in headers.notes) == 3


def test_import_headers_twice_and_no_date_are_problems() -> None:
    headers = match_headers(["Tên sáng kiến", "Tên sản phẩm", "Mô tả", "Tỉnh", "Lĩnh vực", "Thành viên", "Ảnh", "Mô tả ảnh"])
    messages = [p.message for p in headers.problems]
    assert "cột 'Tên sáng kiến' có hai lần" in messages
    assert "cần cột 'Ngày' hoặc cột 'Năm'" in messages


# --- provinces, fields, awards ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Hà Nội", "ha-noi"),
        ("ha noi", "ha-noi"),
        ("HÀ NỘI", "ha-noi"),
        ("TP. Hồ Chí Minh", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
        ("TP HCM", "ho-chi-minh"),
        ("Tỉnh Bắc Ninh", "bac-ninh"),
        ("Daklak", "dak-lak"),
        ("Đà Nẵng", "da-nang"),
        ("Thành phố Huế", "hue"),
        ("Bà Rịa - Vũng Tàu", "ho-chi-minh"),
    ],
)
def test_import_province_names_with_or_without_tone_marks_and_prefixes(taxonomies: Taxonomies, written: str, key: str) -> None:
    assert match_province(written, taxonomies.provinces, AFTER).key == key


def test_import_legacy_province_resolves_to_todays_unit_after_the_merger(taxonomies: Taxonomies) -> None:
    after = match_province("tỉnh Bắc Giang", taxonomies.provinces, AFTER)
    assert after.key == "bac-ninh" and after.note and "Bắc Ninh" in after.note
    before = match_province("Bac Giang", taxonomies.provinces, BEFORE)  # the name it was honoured under
    assert before.key == "bac-giang" and before.province.unit.key == "bac-ninh"
    assert match_province("Thừa Thiên Huế", taxonomies.provinces, AFTER).key == "hue"


def test_import_unknown_province_suggests_the_closest_name(taxonomies: Taxonomies) -> None:
    with pytest.raises(FieldError) as failure:
        match_province("Ha Noii", taxonomies.provinces, AFTER)
    assert "không phải tên tỉnh, thành" in failure.value.message
    assert failure.value.hint == "có phải ý bạn là 'Hà Nội'?"


def award_key(value: str, taxonomies: Taxonomies) -> str | None:
    award = match_award(value, taxonomies.awards)
    return award.key if award else None


def test_import_fields_and_awards_by_name_or_key(taxonomies: Taxonomies) -> None:
    assert match_term("Văn hóa - Du lịch", taxonomies.fields).key == "van-hoa-du-lich"
    assert match_term("giao duc", taxonomies.fields).key == "giao-duc"
    assert match_term("Khác", taxonomies.fields).key == "khac"
    assert [match_award(v, taxonomies.awards) for v in ("", "Đề cử")] == [None, None]
    assert {award_key(v, taxonomies) for v in ("Giải Nhất", "nhat", "NHẤT")} == {"nhat"}
    assert award_key("Sản phẩm tiêu biểu", taxonomies) == "tieu-bieu"
    with pytest.raises(FieldError) as failure:
        match_award("Giải Nhứt", taxonomies.awards)
    assert failure.value.hint == "có phải ý bạn là 'Giải Nhất'?"


def test_import_dates_are_read_day_first(taxonomies: Taxonomies) -> None:
    assert parse_day("3/10/2025") == datetime(2025, 10, 3)
    assert parse_day("03/10/2025 8h30") == datetime(2025, 10, 3, 8, 30)
    assert parse_day("2025-10-03") == datetime(2025, 10, 3)
    assert parse_day(datetime(2025, 10, 3)) == datetime(2025, 10, 3)
    with pytest.raises(FieldError):
        parse_day("31/02/2025")


# --- members ------------------------------------------------------------------------------------


def _reading(rows: Sequence[Mapping[str, Cell]], taxonomies: Taxonomies, photos: Path) -> Reading:
    sheet = Sheet("Sáng kiến", 1, tuple(HEADERS), tuple(
        Row(number, tuple(row.get(h) for h in HEADERS)) for number, row in enumerate(rows, start=2)))
    return read_rows(sheet, match_headers(HEADERS), taxonomies, PhotoFolder.scan(photos))


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    return make_photos(tmp_path / "anh")


def test_import_members_in_one_cell_and_in_the_rows_below(taxonomies: Taxonomies, photos: Path) -> None:
    reading = _reading(GOOD_ROWS, taxonomies, photos)
    assert reading.errors == []
    first, second = reading.drafts
    assert first.members == [
        {"name": "Lê Thị Hoa", "age": 17, "school": "THPT Chuyên Bắc Giang", "role": "Trưởng nhóm"},
        {"name": "Trần Minh Khang", "age": 15, "school": "THPT Chuyên Bắc Giang", "role": "Lập trình"},  # one school, shared
    ]
    assert first.consent is True and first.award is not None and first.award.key == "nhat"
    assert [m["name"] for m in second.members] == ["Nguyễn Văn An", "Phạm Thu Trang"]  # row 4 continues row 3
    assert (second.row, second.last_row) == (3, 4)


def test_import_members_separated_by_semicolons(taxonomies: Taxonomies, photos: Path) -> None:
    row = {**GOOD_ROWS[0], "Thành viên": "An; Bình ; Chi", "Tuổi": "17;18;19", "Vai trò": ""}
    [draft] = _reading([row], taxonomies, photos).drafts
    assert [(m["name"], m["age"]) for m in draft.members] == [("An", 17), ("Bình", 18), ("Chi", 19)]


def test_import_member_values_must_line_up(taxonomies: Taxonomies, photos: Path) -> None:
    row = {**GOOD_ROWS[0], "Tuổi": "17"}
    [error] = _reading([row], taxonomies, photos).errors
    assert (error.row, error.column) == (2, "Tuổi") and "2 thành viên nhưng 1 giá trị" in error.message


def test_import_birth_dates_are_refused(taxonomies: Taxonomies, photos: Path) -> None:
    row: dict[str, Cell] = {**GOOD_ROWS[1], "Tuổi": datetime(2008, 5, 1)}
    [error] = _reading([row], taxonomies, photos).errors
    assert error.column == "Tuổi" and "không ghi ngày sinh" in (error.hint or "")


def test_import_continuation_row_first_or_with_other_cells_is_an_error(taxonomies: Taxonomies, photos: Path) -> None:
    reading = _reading([GOOD_ROWS[2], GOOD_ROWS[1], {"Thành viên": "Vũ Hà", "Tỉnh/thành": "Hà Nội"}], taxonomies, photos)
    assert [(e.row, e.column) for e in reading.errors] == [(2, "Tên sáng kiến"), (4, "Tên sáng kiến")]
    assert "'Tỉnh/thành'" in reading.errors[1].message


# --- photos ---------------------------------------------------------------------------------------


def test_import_photos_match_without_case_and_suggest_a_name(tmp_path: Path) -> None:
    folder = make_photos(tmp_path / "anh", ["Anh Nhom.JPG", "con/chup-1.png"])
    photos = PhotoFolder.scan(folder)
    assert photos.find("anh nhom.jpg").name == "Anh Nhom.JPG"
    assert photos.find("ANH NHOM").name == "Anh Nhom.JPG"  # no extension: the one image of that name
    assert photos.find("chup-1.PNG") == folder / "con" / "chup-1.png"
    assert photos.find("con/CHUP-1.png") == folder / "con" / "chup-1.png"
    with pytest.raises(FieldError) as failure:
        photos.find("anh nhon.jpg")
    assert failure.value.hint == "có phải ý bạn là 'Anh Nhom.JPG'?"


def test_import_photos_never_follow_links_and_name_ambiguity(tmp_path: Path) -> None:
    folder = make_photos(tmp_path / "anh", ["a/anh.jpg", "b/anh.jpg"])
    outside = make_image(tmp_path / "ngoai.jpg")
    os.symlink(outside, folder / "lien-ket.jpg")
    photos = PhotoFolder.scan(folder)
    with pytest.raises(FieldError):
        photos.find("lien-ket.jpg")
    with pytest.raises(FieldError) as failure:
        photos.find("anh.jpg")
    assert "có 2 ảnh" in failure.value.message


def test_import_broken_photo_is_an_error_of_its_row(taxonomies: Taxonomies, photos: Path) -> None:
    (photos / "ban-do.jpg").write_bytes(b"not a jpeg")
    [error] = _reading([GOOD_ROWS[1]], taxonomies, photos).errors
    assert (error.row, error.column) == (2, "Ảnh") and "bị hỏng" in error.message


# --- reading files --------------------------------------------------------------------------------


def test_import_csv_with_semicolons_and_multiline_cells_keeps_excel_row_numbers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bang.csv", GOOD_ROWS, delimiter=";")
    sheet = read_sheet(path)
    assert sheet.headers[0] == "Tên sáng kiến"
    assert [row.number for row in sheet.rows] == [2, 3, 4]  # row 2's cells span several lines
    assert sheet.rows[0].cells[HEADERS.index("Thành viên")] == "Lê Thị Hoa\nTrần Minh Khang"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cp1258.csv", "Tên,Mô\n".encode("cp1258"), "không phải UTF-8"),
        ("hong.xlsx", b"PK\x03\x04 truncated", "không mở được như tệp Excel"),
        ("rong.csv", b"", "không có dữ liệu"),
        ("bang.xls", b"\xd0\xcf\x11\xe0", "Excel 97"),
        ("bang.txt", b"x", "không phải bảng tính CSV hoặc XLSX"),
    ],
)
def test_import_unreadable_sheets_say_why_in_vietnamese(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SheetError) as failure:
        read_sheet(path)
    assert message in str(failure.value)


def test_import_missing_sheet_is_named(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="không tìm thấy tệp"):
        read_sheet(tmp_path / "khong-co.xlsx")


def test_import_rows_below_may_repeat_the_first_rows_values(taxonomies: Taxonomies, photos: Path) -> None:
    """A sheet that merges only the title cells repeats province, field... on each member row."""
    repeated = {**GOOD_ROWS[2], "Tỉnh/thành": GOOD_ROWS[1]["Tỉnh/thành"], "Lĩnh vực": GOOD_ROWS[1]["Lĩnh vực"]}
    reading = _reading([GOOD_ROWS[1], repeated], taxonomies, photos)
    assert reading.errors == []
    assert len(reading.drafts[0].members) == 2


def test_import_members_may_all_be_in_the_rows_below(taxonomies: Taxonomies, photos: Path) -> None:
    first = {**GOOD_ROWS[1], "Thành viên": "", "Tuổi": "", "Vai trò": ""}
    reading = _reading([first, GOOD_ROWS[2], {"Thành viên": "Vũ Hà"}], taxonomies, photos)
    assert reading.errors == []
    assert [m["name"] for m in reading.drafts[0].members] == ["Phạm Thu Trang", "Vũ Hà"]
    [error] = _reading([first], taxonomies, photos).errors
    assert (error.row, error.column, error.message) == (2, "Thành viên", "chưa ghi tên thành viên")


def test_import_zip_bomb_workbook_is_refused_before_reading(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 201_000_000)
    with pytest.raises(SheetError, match="quá lớn"):
        read_sheet(path)


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8", ","), ("utf-16", "\t"), ("utf-8-sig", "\t")])
def test_import_csv_encodings_excel_writes(tmp_path: Path, encoding: str, delimiter: str) -> None:
    """UTF-8 with or without a BOM, and Excel's "Unicode Text" (UTF-16, tab-separated)."""
    path = tmp_path / "bang.csv"
    text = delimiter.join(HEADERS) + "\r\n" + delimiter.join(str(GOOD_ROWS[1].get(h, "")) for h in HEADERS) + "\r\n"
    path.write_bytes(text.encode(encoding))
    sheet = read_sheet(path)
    assert sheet.headers == tuple(HEADERS)
    assert sheet.rows[0].cells[0] == "Bản đồ nông sản số"
