"""`newsroom import`: template → filled sheet → dry run / --write → `newsroom check`; bad rows, --skip-bad, --force."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from content_kit import make_image
from import_kit import GOOD_ROWS, fill_template, make_photos, write_csv
from openpyxl import load_workbook

from newsroom.cli.main import main
from newsroom.content.catalog import load_catalog
from newsroom.content.dates import build_now
from newsroom.content.model import Initiative
from newsroom.content.taxonomy import load_taxonomies

Maker = Callable[..., str]
INITIATIVES = "articles/initiatives"


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the 2025 rows are published


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "import", *args])


def _written(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / INITIATIVES).rglob("*") if p.is_file())


@pytest.fixture
def sheet(root: Path, tmp_path: Path) -> Path:
    """The template written by the command, filled by "the editor" with openpyxl; the photos beside it."""
    template = tmp_path / "nop" / "mau.xlsx"
    assert _run(root, "--template", str(template)) == 0
    make_photos(tmp_path / "nop" / "anh")
    return fill_template(template, tmp_path / "nop" / "bac-giang.xlsx", GOOD_ROWS)


def test_cli_import_template_has_columns_dropdowns_and_two_examples(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    assert _run(root, "--template", str(path)) == 0
    book = load_workbook(path)
    sheet = book["Sáng kiến"]
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["Tên sáng kiến", "Mô tả", "Nội dung", "Tỉnh/thành"]
    assert {"Thành viên", "Tuổi", "Trường", "Vai trò", "Đồng ý của phụ huynh", "Ảnh", "Mô tả ảnh"} <= set(headers)
    assert [sheet.cell(row=r, column=1).value for r in (2, 3, 4)] == ["Sổ tay đoàn viên số", "Bản đồ nông sản số", None]
    lists = book["Danh mục"]
    assert lists.sheet_state == "hidden"
    provinces = [c.value for c in next(lists.iter_cols(min_col=1, max_col=1, min_row=2)) if c.value]
    assert len(provinces) == 34 and "Hà Nội" in provinces
    validations = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    letter = {h: chr(ord("A") + i) for i, h in enumerate(headers)}
    assert validations[f"{letter['Tỉnh/thành']}2"] == "'Danh mục'!$A$2:$A$35"
    assert f"{letter['Lĩnh vực']}2" in validations and f"{letter['Giải thưởng']}2" in validations
    assert "Hướng dẫn" in book.sheetnames


def test_cli_import_template_examples_import_once_their_photos_exist(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    assert _run(root, "--template", str(path)) == 0
    make_photos(tmp_path / "anh", ["so-tay-1.jpg", "so-tay-2.jpg", "ban-do-nong-san.jpg"])
    assert _run(root, str(path), "--images", str(tmp_path / "anh")) == 0


def test_cli_import_dry_run_writes_nothing(root: Path, sheet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, str(sheet), "--images", str(sheet.parent / "anh")) == 0
    out = capsys.readouterr().out
    assert "Dòng 2: 'Ứng dụng Sổ tay đoàn viên' → ghi articles/initiatives/2025/ung-dung-so-tay-doan-vien/index.md" in out
    assert "Bắc Giang (tỉnh cũ) nay thuộc Bắc Ninh" in out
    assert "Chạy thử: chưa ghi gì. Thêm --write để ghi 2 sáng kiến." in out
    assert _written(root) == []


def test_cli_import_write_makes_bundles_that_check_accepts(root: Path, sheet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, str(sheet), "--images", str(sheet.parent / "anh"), "--write") == 0
    assert _written(root) == [
        f"{INITIATIVES}/2025/ban-do-nong-san-so/ban-do.jpg",
        f"{INITIATIVES}/2025/ban-do-nong-san-so/index.md",
        f"{INITIATIVES}/2025/ung-dung-so-tay-doan-vien/index.md",
        f"{INITIATIVES}/2025/ung-dung-so-tay-doan-vien/so-tay-1.jpg",
        f"{INITIATIVES}/2025/ung-dung-so-tay-doan-vien/so-tay-2.jpg",
    ]
    text = (root / INITIATIVES / "2025/ung-dung-so-tay-doan-vien/index.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["province"] == "bac-ninh" and meta["field"] == "giao-duc" and meta["award"] == "nhat"
    assert meta["consent"] is True and set(meta["members"][0]) == {"name", "age", "school", "role"}
    assert main(["--root", str(root), "check"]) == 0
    assert "Không có lỗi: 2 tệp nội dung (2 đã đăng" in capsys.readouterr().out
    entries = {e.slug: e for e in load_catalog(root, load_taxonomies(), build_now()).entries}
    farm = entries["ban-do-nong-san-so"]
    assert isinstance(farm, Initiative)
    assert [m.name for m in farm.members] == ["Nguyễn Văn An", "Phạm Thu Trang"]
    assert farm.province is not None and farm.province.key == "ho-chi-minh" and farm.award is None


def test_cli_import_csv_variant_writes_the_same(root: Path, tmp_path: Path) -> None:
    photos = make_photos(tmp_path / "anh")
    path = write_csv(tmp_path / "bac-giang.csv", GOOD_ROWS)
    assert _run(root, str(path), "--images", str(photos), "--write") == 0
    assert len([p for p in _written(root) if p.endswith("index.md")]) == 2
    assert main(["--root", str(root), "check"]) == 0


def test_cli_import_images_default_to_the_sheets_folder(root: Path, tmp_path: Path) -> None:
    make_photos(tmp_path / "nop")
    path = write_csv(tmp_path / "nop" / "bang.csv", GOOD_ROWS[1:])
    assert _run(root, str(path), "--write") == 0


BAD_ROWS: list[tuple[dict[str, str | int], str, str]] = [
    ({"Tỉnh/thành": "Hà Nọi Mới"}, "Tỉnh/thành", "không phải tên tỉnh, thành"),
    ({"Thành viên": "", "Tuổi": "", "Vai trò": ""}, "Thành viên", "chưa ghi tên thành viên"),
    ({"Tuổi": 13, "Đồng ý của phụ huynh": ""}, "Đồng ý của phụ huynh", "dưới 16 tuổi (Nguyễn Văn An)"),
    ({"Ảnh": "khong-co.jpg"}, "Ảnh", "không tìm thấy ảnh 'khong-co.jpg'"),
]


def test_cli_import_bad_rows_are_named_by_row_and_column_and_nothing_is_written(
    root: Path, tmp_path: Path, initiative: Maker, capsys: pytest.CaptureFixture[str]
) -> None:
    initiative("so-tay-doan-vien", title='"Sổ tay đoàn viên số"', province="bac-ninh")  # already in the column
    before = _written(root)
    rows = [GOOD_ROWS[0]]
    for index, (change, _column, _message) in enumerate(BAD_ROWS):
        rows.append({**GOOD_ROWS[1], "Tên sáng kiến": f"Sáng kiến lỗi {index}", **change})
    rows.append({**GOOD_ROWS[1], "Tên sáng kiến": "Sổ tay đoàn viên số", "Tỉnh/thành": "Bắc Ninh"})  # a duplicate
    make_photos(tmp_path / "anh")
    path = write_csv(tmp_path / "bang.csv", rows)

    assert _run(root, str(path), "--images", str(tmp_path / "anh"), "--write") == 1

    err = capsys.readouterr().err
    for number, (_change, column, message) in enumerate(BAD_ROWS, start=3):
        assert any(line.startswith(f"  - Dòng {number}, cột '{column}': ") and message in line for line in err.splitlines()), err
    assert "  - Dòng 7, cột 'Tên sáng kiến': đã có sáng kiến này: articles/initiatives/2024/so-tay-doan-vien/index.md" in err
    assert "thêm --force" in err
    assert "có phải ý bạn là" in err  # the missing photo and the unknown province each suggest a name
    assert "Không ghi gì." in err
    assert _written(root) == before


def test_cli_import_skip_bad_writes_the_good_rows(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [GOOD_ROWS[0], {**GOOD_ROWS[1], "Tuổi": 13}, GOOD_ROWS[2]]  # row 3 (and its row 4) in error
    make_photos(tmp_path / "anh")
    path = write_csv(tmp_path / "bang.csv", rows)
    assert _run(root, str(path), "--images", str(tmp_path / "anh"), "--write", "--skip-bad") == 1
    captured = capsys.readouterr()
    assert "Dòng 3, cột 'Đồng ý của phụ huynh'" in captured.err
    assert "Đã ghi 1 sáng kiến" in captured.out and "bỏ qua 1 dòng lỗi" in captured.out
    assert [p for p in _written(root) if p.endswith("index.md")] == [f"{INITIATIVES}/2025/ung-dung-so-tay-doan-vien/index.md"]
    assert main(["--root", str(root), "check"]) == 0


def test_cli_import_force_replaces_the_existing_entry_in_place(root: Path, tmp_path: Path, initiative: Maker) -> None:
    initiative("so-tay", title='"Ứng dụng Sổ tay đoàn viên"', province="bac-giang")  # same title, same unit today
    make_photos(tmp_path / "anh")
    path = write_csv(tmp_path / "bang.csv", GOOD_ROWS[:1])
    assert _run(root, str(path), "--images", str(tmp_path / "anh"), "--write") == 1
    assert _run(root, str(path), "--images", str(tmp_path / "anh"), "--write", "--force") == 0
    assert _written(root) == [f"{INITIATIVES}/2024/so-tay/index.md", f"{INITIATIVES}/2024/so-tay/so-tay-1.jpg",
                              f"{INITIATIVES}/2024/so-tay/so-tay-2.jpg"]  # the old anh-1.jpg went with the old entry
    text = (root / INITIATIVES / "2024/so-tay/index.md").read_text(encoding="utf-8")
    assert "Lê Thị Hoa" in text and "Trần Minh Khang" in text
    assert main(["--root", str(root), "check"]) == 0


def test_cli_import_duplicate_rows_in_one_sheet(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_photos(tmp_path / "anh")
    path = write_csv(tmp_path / "bang.csv", [GOOD_ROWS[1], GOOD_ROWS[1]])
    assert _run(root, str(path), "--images", str(tmp_path / "anh")) == 1
    assert "Dòng 3, cột 'Tên sáng kiến': trùng với sáng kiến ở dòng 2" in capsys.readouterr().err


def test_cli_import_draft_flag_writes_drafts(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_photos(tmp_path / "anh")
    path = write_csv(tmp_path / "bang.csv", GOOD_ROWS[1:])
    assert _run(root, str(path), "--images", str(tmp_path / "anh"), "--write", "--draft") == 0
    assert main(["--root", str(root), "check"]) == 0
    assert "1 bản nháp" in capsys.readouterr().out


def test_cli_import_missing_header_stops_before_any_row(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "bang.csv", GOOD_ROWS, headers=["Tên sáng kiến", "Mô tả", "Tinh", "Thành viên", "Ngày"])
    assert _run(root, str(path), "--images", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "Dòng 1 (dòng tiêu đề), cột 'Lĩnh vực': thiếu cột bắt buộc" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["hong.xlsx", "khong-co.csv", "sai-ma.csv"])
def test_cli_import_unreadable_files_are_a_message(root: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    if name == "hong.xlsx":
        (tmp_path / name).write_bytes(b"PK\x03\x04 not a workbook")
    if name == "sai-ma.csv":
        (tmp_path / name).write_bytes("Tên,Mô\n".encode("cp1258"))
    assert _run(root, str(tmp_path / name)) == 1
    assert capsys.readouterr().err.startswith("Không đọc được bảng tính: ")


def test_cli_import_shows_progress_for_long_sheets(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_image(tmp_path / "anh" / "ban-do.jpg")
    rows = [{**GOOD_ROWS[1], "Tên sáng kiến": f"Sáng kiến số {n}"} for n in range(120)]
    path = write_csv(tmp_path / "bang.csv", rows)
    assert _run(root, str(path), "--images", str(tmp_path / "anh")) == 0
    err = capsys.readouterr().err
    assert "Đọc các dòng: 120/120" in err and "Kiểm tra: 120/120" in err


def test_cli_import_merged_title_cells_read_as_member_rows(root: Path, tmp_path: Path) -> None:
    """Excel users merge the title cell over the member rows: openpyxl reads the merged cells below as empty."""
    path = tmp_path / "mau.xlsx"
    assert _run(root, "--template", str(path)) == 0
    filled = fill_template(path, tmp_path / "gop-o.xlsx", [GOOD_ROWS[1], {"Thành viên": "Vũ Thị Hằng", "Tuổi": 20}])
    book = load_workbook(filled)
    book["Sáng kiến"].merge_cells("A2:A3")
    book["Sáng kiến"].merge_cells("B2:B3")
    book.save(filled)
    make_photos(tmp_path / "anh")
    assert _run(root, str(filled), "--images", str(tmp_path / "anh"), "--write") == 0
    text = (root / INITIATIVES / "2025/ban-do-nong-san-so/index.md").read_text(encoding="utf-8")
    assert "Vũ Thị Hằng" in text


def test_cli_import_sheet_with_headers_only_says_so(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "bang.csv", [])
    assert _run(root, str(path), "--images", str(tmp_path)) == 1
    assert "chưa có sáng kiến nào" in capsys.readouterr().err
