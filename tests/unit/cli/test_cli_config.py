"""`newsroom config` writes editor.yml; `newsroom new` takes its defaults from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.cli.main import main


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1728536400")  # 2024-10-10 12:00 in Vietnam


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def _front(root: Path, slug: str) -> str:
    return (root / "articles/news/2024" / slug / "index.md").read_text(encoding="utf-8")


def test_cli_config_writes_editor_file(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "config", "--province", "hanoi", "--authors", "Nguyễn Văn An, Trần Thị Bình") == 0

    text = (root / "editor.yml").read_text(encoding="utf-8")
    assert "province: ha-noi\n" in text
    assert "unit: Thành Đoàn Hà Nội\n" in text
    assert "authors: [Nguyễn Văn An, Trần Thị Bình]\n" in text
    assert "Đã lưu editor.yml" in capsys.readouterr().out


def test_cli_config_is_gitignored() -> None:
    gitignore = Path(__file__).resolve().parents[3] / ".gitignore"
    assert "/editor.yml" in gitignore.read_text(encoding="utf-8").splitlines()


def test_cli_new_uses_editor_defaults_and_passes_check(root: Path) -> None:
    assert _run(root, "config", "--province", "TP. Hồ Chí Minh", "--authors", "Lê Văn Cường") == 0
    assert _run(root, "new", "article", "Ngày hội số") == 0

    text = _front(root, "ngay-hoi-so")
    assert "authors: [Lê Văn Cường]\n" in text
    assert "province: ho-chi-minh\n" in text
    assert "unit: Thành Đoàn Thành phố Hồ Chí Minh\n" in text
    assert _run(root, "check") == 0


def test_cli_new_province_option_wins_over_editor_file(root: Path) -> None:
    assert _run(root, "config", "--province", "ha-noi", "--unit", "Đoàn phường Ba Đình") == 0
    assert _run(root, "new", "article", "Tập huấn", "--province", "Bắc Ninh") == 0

    text = _front(root, "tap-huan")
    assert "province: bac-ninh\n" in text
    assert "unit: Tỉnh đoàn Bắc Ninh\n" in text  # the editor's own unit is for their own province


def test_cli_new_own_unit_kept_for_own_province(root: Path) -> None:
    assert _run(root, "config", "--province", "ha-noi", "--unit", "Đoàn phường Ba Đình") == 0
    assert _run(root, "new", "article", "Tin phường") == 0

    assert "unit: Đoàn phường Ba Đình\n" in _front(root, "tin-phuong")


@pytest.mark.parametrize(
    ("province", "unit"),
    [
        ("ha-noi", "Thành Đoàn Hà Nội"),
        ("da-nang", "Thành Đoàn Đà Nẵng"),
        ("hue", "Thành Đoàn Huế"),
        ("lao-cai", "Tỉnh đoàn Lào Cai"),
        ("bac-giang", "Tỉnh đoàn Bắc Ninh"),
    ],
)
def test_cli_new_unit_name_for_cities_and_provinces(root: Path, province: str, unit: str) -> None:
    assert _run(root, "new", "article", "Bài mới", "--province", province) == 0

    text = _front(root, "bai-moi")
    assert f"province: {province}\n" in text and f"unit: {unit}\n" in text
    assert _run(root, "check") == 0


def test_cli_new_without_editor_file_defaults(root: Path) -> None:
    assert _run(root, "new", "article", "Bài mới") == 0

    text = _front(root, "bai-moi")
    assert "province: ha-noi\n" in text and "unit: Thành Đoàn Hà Nội\n" in text
    assert "authors: [Tên tác giả]\n" in text


def test_cli_config_unknown_province_exits_2(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "config", "--province", "Hà Nộii") == 2

    assert "có phải ý bạn là 'ha-noi'?" in capsys.readouterr().err
    assert not (root / "editor.yml").exists()


def test_cli_new_broken_editor_file_says_so(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "editor.yml").write_text("province: [ha-noi\n", encoding="utf-8")

    assert _run(root, "new", "article", "Bài mới") == 2

    err = capsys.readouterr().err
    assert "editor.yml" in err and "newsroom config" in err
    assert "Traceback" not in err
