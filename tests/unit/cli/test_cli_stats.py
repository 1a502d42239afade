"""`newsroom stats`: the report's figures in the terminal and as files, from one source."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newsroom.cli.main import main

Maker = Callable[..., str]


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1728536400")  # 2024-10-10 12:00 in Vietnam


@pytest.fixture
def site(root: Path, news: Maker) -> Path:
    news("a.md", title='"Bài A"', date="2024-10-05 08:00", province="ha-noi")
    news("b.md", title='"Bài B"', date="2023-10-02 08:00", province="bac-giang")
    news("c.md", title='"Bài nháp"', date="2024-10-02 08:00", province="bac-giang", extra=["draft: true"])
    return root


def _line(out: str, label: str) -> list[str]:
    """The first line of the first table starting with `label`, split into cells."""
    return next(line for line in out.splitlines() if line.startswith(label + " ")).split("  ")


def test_cli_stats_prints_aligned_tables_with_vietnamese_headers(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(site), "stats"]) == 0
    out = capsys.readouterr().out
    assert "BÀI VIẾT THEO TỈNH, THÀNH" in out and "Tỉnh, thành" in out and "Trong đợt cao điểm" in out
    assert [c.strip() for c in _line(out, "Bắc Ninh") if c.strip()] == ["Bắc Ninh", "1", "1"]
    header = next(line for line in out.splitlines() if line.startswith("Tỉnh, thành"))
    row = next(line for line in out.splitlines() if line.startswith("Hà Nội "))
    assert len(header) == len(row)  # columns aligned


def test_cli_stats_year_limits_and_files_carry_the_same_numbers(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir, book = tmp_path / "csv", tmp_path / "bao-cao" / "thong-ke.xlsx"
    assert main(["--root", str(site), "stats", "--year", "2023", "--csv", str(out_dir), "--xlsx", str(book)]) == 0
    assert [c.strip() for c in _line(capsys.readouterr().out, "Hà Nội") if c.strip()] == ["Hà Nội", "0", "0"]
    with open(out_dir / "bai-viet-theo-tinh.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Tỉnh, thành", "Tổng", "Trong đợt cao điểm"] and rows[1] == ["Bắc Ninh", "1", "1"]
    sheet = load_workbook(book)["Bài viết theo năm"]
    assert list(sheet.iter_rows(values_only=True)) == [("Năm", "Tổng", "Trong đợt cao điểm"), ("2023", 1, 1)]


def test_cli_stats_bad_dates_are_explained(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--root", str(site), "stats", "--from", "31/02/2024"])
    assert "không đúng dạng" in capsys.readouterr().err
    assert main(["--root", str(site), "stats", "--from", "2024-10-05", "--to", "2024-10-01"]) == 2
    assert "phải trước" in capsys.readouterr().err
