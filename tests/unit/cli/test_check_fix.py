"""`newsroom check` notices and `newsroom check --fix [--write]` on tests/fixtures/check_fix/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from content_kit import news_text, write

from newsroom.cli.main import main

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "check_fix"
BRAND_KIT = Path(__file__).resolve().parents[3] / "assets" / "brand-kit"
NEWS = "articles/news/2025/ngay-hoi-so.md"
INITIATIVE = "articles/initiatives/2025/so-tay-so/index.md"


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: both fixture entries are published


@pytest.fixture
def site(tmp_path: Path) -> Path:
    project = tmp_path / "du-an"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(BRAND_KIT, project / "assets" / "brand-kit")  # check validates the kit as the build does
    return project


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def test_check_fix_check_prints_notices_and_passes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(site, "check") == 0

    out = capsys.readouterr().out
    assert f"Đã hiểu: {NEWS}:4 [date]: '3/10/2025 8h30' → 2025-10-03 08:30" in out
    assert f"Đã hiểu: {NEWS}:9 [province]: 'TP. Hà Nội' → ha-noi" in out
    assert f"Đã hiểu: {INITIATIVE}:7 [province]: 'Thừa Thiên Huế' → thua-thien-hue" in out
    assert "newsroom check --fix" in out
    assert "Không có lỗi: 2 tệp" in out


def test_check_fix_dry_run_shows_diff_and_writes_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {rel: (site / rel).read_bytes() for rel in (NEWS, INITIATIVE)}

    assert _run(site, "check", "--fix") == 0

    out = capsys.readouterr().out
    assert f"--- a/{NEWS}" in out and f"+++ b/{NEWS}" in out
    assert "\n-date: 3/10/2025 8h30\n" in out and "\n+date: 2025-10-03 08:30\n" in out
    assert "-category: Hoạt động hưởng ứng\n" in out and "+category: hoat-dong\n" in out
    assert "+tags: [chuyển đổi số, người cao tuổi]\n" in out
    assert "+award: nhi\n" in out
    assert "Chưa ghi gì" in out
    assert {rel: (site / rel).read_bytes() for rel in before} == before


def test_check_fix_write_rewrites_to_canonical_and_second_check_is_clean(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(site, "check", "--fix", "--write") == 0
    assert "Đã ghi lại 10 giá trị trong 2 tệp" in capsys.readouterr().out

    text = (site / NEWS).read_text(encoding="utf-8")
    assert text.splitlines()[:11] == [
        "---",
        'title: "Hà Nội: ngày hội số cho người cao tuổi"',
        "# Ngày đăng, viết như thường viết",
        "date: 2025-10-03 08:30",
        "updated: 2025-10-04 09:15  # sửa lỗi chính tả",
        "authors: [Nguyễn Văn An, Trần Thị Bình]",
        "category: hoat-dong",
        "tags: [chuyển đổi số, người cao tuổi]",
        "province: ha-noi",
        'unit: "Thành Đoàn Hà Nội"',
        'description: "Đoàn viên hướng dẫn người cao tuổi cài VNeID và dùng dịch vụ công trực tuyến."',
    ]

    assert _run(site, "check") == 0
    out = capsys.readouterr().out
    assert "Đã hiểu" not in out and "Không có lỗi: 2 tệp" in out
    assert _run(site, "check", "--fix") == 0
    assert "Không có giá trị nào cần ghi lại" in capsys.readouterr().out


def test_check_fix_rewrites_a_file_that_still_has_errors(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rel = write(site, "articles/news/2025/loi.md", news_text(date='"3/10/2025"', category="Tập huấn", description=None))

    assert _run(site, "check") == 1
    captured = capsys.readouterr()
    assert f"Đã hiểu: {rel}:3 [date]" in captured.out
    assert "description" in captured.err

    assert _run(site, "check", "--fix", "--write") == 0
    text = (site / rel).read_text(encoding="utf-8")
    assert "date: 2025-10-03\n" in text and "category: tap-huan\n" in text


def test_check_fix_keeps_crlf_line_endings(site: Path) -> None:
    path = site / NEWS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    assert _run(site, "check", "--fix", "--write") == 0

    data = path.read_bytes()
    assert b"date: 2025-10-03 08:30\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
