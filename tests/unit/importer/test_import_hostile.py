"""Hostile and random sheets: `newsroom import` answers with row errors or writes what check accepts, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_kit import GOOD_ROWS, HEADERS, make_photos, write_csv

from newsroom.cli.main import main
from xss_vectors import VECTORS

KIT = Path(__file__).resolve().parents[3] / "assets" / "brand-kit"
TEXT_COLUMNS = ("Tên sáng kiến", "Mô tả", "Nội dung", "Nhóm", "Thành viên", "Trường", "Vai trò", "Mô tả ảnh", "Đơn vị")


def _project(base: Path) -> Path:
    """A project as `newsroom check` validates it: the brand kit included, as the build reads it."""
    root = base / "du-an"
    shutil.copytree(KIT, root / "assets" / "brand-kit")
    (root / "articles" / "news").mkdir(parents=True)
    (root / "articles" / "initiatives").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def test_import_xss_vectors_in_every_text_column_are_written_as_text_or_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    photos = make_photos(tmp_path / "anh")
    rows = []
    for number, vector in enumerate(VECTORS):
        column = TEXT_COLUMNS[number % len(TEXT_COLUMNS)]
        title = f"Sáng kiến {number} {vector}" if column == "Tên sáng kiến" else f"Sáng kiến {number}"
        rows.append({**GOOD_ROWS[1], column: vector, "Tên sáng kiến": title, "Đường dẫn": f"sang-kien-{number}"})
    sheet = write_csv(tmp_path / "bang.csv", rows, headers=[*HEADERS])
    code = main(["--root", str(root), "import", str(sheet), "--images", str(photos), "--write", "--skip-bad"])
    assert code in (0, 1)
    err = capsys.readouterr().err
    assert all(", cột '" in line for line in err.splitlines() if line.startswith("  - Dòng")), err  # each names its column
    assert main(["--root", str(root), "check"]) == 0  # whatever was written is valid content
    assert len(list((root / "articles" / "initiatives").rglob("index.md"))) > len(VECTORS) // 2


cell = st.one_of(st.text(max_size=40), st.sampled_from(["", "Hà Nội", "13", "Có", "10/10/2025", "ban-do.jpg", ";", "\n"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=4))
def test_import_random_sheets_never_raise(rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        root = _project(base)
        photos = make_photos(base / "anh")
        sheet = write_csv(base / "bang.csv", [dict(zip(HEADERS, row, strict=True)) for row in rows])
        assert main(["--root", str(root), "import", str(sheet), "--images", str(photos), "--write", "--skip-bad"]) in (0, 1)
        assert main(["--root", str(root), "check"]) == 0
