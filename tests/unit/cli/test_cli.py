"""The editor CLI: `newsroom --root R check|list|new`, run in-process through main()."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from content_kit import make_image, news_text, write

from newsroom.cli.main import main
from newsroom.content import cached
from newsroom.content.model import Entry
from newsroom.content.reader import ParsedSource, find_sources, parse_source
from newsroom.content.schema import parse_entry
from newsroom.content.taxonomy import Taxonomies

Maker = Callable[..., str]
EPOCH = "1728536400"  # 2024-10-10 12:00 in Vietnam (05:00 UTC)


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads "now" from SOURCE_DATE_EPOCH, like the build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


# --- check ----------------------------------------------------------------------------------------


def test_cli_check_good_content_exits_0(root: Path, news: Maker, initiative: Maker, capsys: pytest.CaptureFixture[str]) -> None:
    news("a.md", title='"Bài một"')
    news("b.md", title='"Bài hai"', extra=["draft: true"])
    initiative()

    assert _run(root, "check") == 0

    out, err = capsys.readouterr()
    assert "Không có lỗi: 3 tệp" in out
    assert "2 đã đăng" in out and "1 bản nháp" in out and "0 hẹn giờ" in out
    assert err == ""


def test_cli_check_empty_project_exits_0(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "check") == 0
    assert "0 tệp" in capsys.readouterr().out


def test_cli_check_bad_content_lists_every_error(
    root: Path, news: Maker, initiative: Maker, capsys: pytest.CaptureFixture[str]
) -> None:
    news("tot.md", title='"Bài tốt"')
    bad = news("loi.md", title='""', category="hoat-dongg", extra=["titel: x"])
    child = initiative(members='[{name: "Phạm Minh Khôi", age: 14, email: "a@b.vn"}]')
    stray = write(root, "articles/lac.md", news_text())

    assert _run(root, "check") == 1

    out, err = capsys.readouterr()
    assert "Nội dung có 5 lỗi cần sửa:" in err
    assert f"{bad}:2 [title]" in err
    assert f"{bad}:5 [category]" in err and "'hoat-dong'" in err
    assert f"{bad}:7 [titel]" in err and "'title'" in err
    assert f"{child}:5 [members]" in err and "e-mail" in err
    assert stray in err
    assert "Không có lỗi" not in out


# --- new --------------------------------------------------------------------------------------------


def test_cli_new_article_writes_a_valid_draft(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "new", "article", "Tiêu đề có dấu") == 0

    path = root / "articles/news/2024/tieu-de-co-dau/index.md"
    assert path.is_file()
    assert "articles/news/2024/tieu-de-co-dau/index.md" in capsys.readouterr().out
    [source] = find_sources(root)[0]
    meta = parse_source(source).meta
    assert meta["title"] == "Tiêu đề có dấu"
    assert meta["slug"] == "tieu-de-co-dau"
    assert meta["draft"] is True
    assert meta["date"] == "2024-10-10 12:00"

    assert _run(root, "check") == 0
    assert "1 bản nháp" in capsys.readouterr().out


def test_cli_new_article_twice_gets_a_free_slug(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "new", "article", "Tiêu đề có dấu") == 0
    assert _run(root, "new", "article", "Tiêu đề có dấu") == 0

    assert (root / "articles/news/2024/tieu-de-co-dau-2/index.md").is_file()
    capsys.readouterr()
    assert _run(root, "check") == 0
    assert "2 bản nháp" in capsys.readouterr().out


def test_cli_new_article_avoids_slug_of_existing_file(root: Path, news: Maker, capsys: pytest.CaptureFixture[str]) -> None:
    news("bai.md", title='"Tiêu đề có dấu"')

    assert _run(root, "new", "article", "Tiêu đề có dấu") == 0

    assert (root / "articles/news/2024/tieu-de-co-dau-2/index.md").is_file()
    assert _run(root, "check") == 0


def test_cli_new_article_title_with_quotes_and_colon_passes_check(root: Path) -> None:
    assert _run(root, "new", "article", 'Hà Nội: "Bình dân học vụ số" ra quân') == 0
    assert _run(root, "check") == 0


def test_cli_new_article_with_category_and_legacy_province(root: Path) -> None:
    assert _run(root, "new", "article", "Tập huấn ở Bắc Giang", "--category", "tap-huan", "--province", "bac-giang") == 0

    text = (root / "articles/news/2024/tap-huan-o-bac-giang/index.md").read_text(encoding="utf-8")
    assert "category: tap-huan" in text and "province: bac-giang" in text
    assert _run(root, "check") == 0


def test_cli_new_initiative_needs_its_image_then_passes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "new", "initiative", "Ứng dụng Sổ tay Đoàn viên") == 0
    folder = root / "articles/initiatives/2024/ung-dung-so-tay-doan-vien"
    assert (folder / "index.md").is_file()
    assert "anh-1.jpg" in capsys.readouterr().out

    assert _run(root, "check") == 1
    assert "anh-1.jpg" in capsys.readouterr().err

    make_image(folder / "anh-1.jpg")
    assert _run(root, "check") == 0


@pytest.mark.parametrize("title", ["🎉🎉", "!!!"])
def test_cli_new_title_without_letters_exits_2(root: Path, title: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "new", "article", title) == 2
    assert capsys.readouterr().err
    assert not any((root / "articles/news").iterdir())


@pytest.mark.parametrize("option", [["--category", "hoat-dongg"], ["--province", "ha-noii"]])
def test_cli_new_bad_taxonomy_value_exits_2(root: Path, option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(root, "new", "article", "Bài mới", *option) == 2
    assert "không hợp lệ" in capsys.readouterr().err
    assert not any((root / "articles/news").iterdir())


def test_cli_root_must_come_before_the_command(root: Path) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--root", str(root)])


def test_cli_check_second_run_reuses_the_catalog_cache(
    root: Path, news: Maker, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rel = news("a.md", title='"Bài một"')
    monkeypatch.delenv("NEWSROOM_CACHE_DIR", raising=False)
    parsed: list[str] = []

    def counting(source: ParsedSource, project: Path, tx: Taxonomies, looked_at: list[Path] | None = None) -> Entry:
        parsed.append(source.source.rel)
        return parse_entry(source, project, tx, looked_at)

    monkeypatch.setattr(cached, "parse_entry", counting)

    assert _run(root, "check") == 0
    assert _run(root, "list") == 0
    assert parsed == [rel]  # list reused what check parsed, from <root>/.cache
    assert (root / ".cache" / cached.NAMESPACE).is_dir()

    write(root, rel, news_text(title='"Bài một"', category="hoat-dongg"))
    assert _run(root, "check") == 1
    assert "hoat-dongg" in capsys.readouterr().err


# --- list ---------------------------------------------------------------------------------------------


def test_cli_list_shows_draft_and_scheduled_sections(root: Path, news: Maker, capsys: pytest.CaptureFixture[str]) -> None:
    published = news("da-dang.md", title='"Bài đã đăng"', date="2022-10-03 08:30")
    draft = news("nhap.md", title='"Bài nháp"', extra=["draft: true"])
    scheduled = news("hen-gio.md", title='"Bài hẹn giờ"', date="2024-10-20 08:00")

    assert _run(root, "list") == 0

    out = capsys.readouterr().out
    sections = ["ĐÃ ĐĂNG (1)", "BẢN NHÁP (1)", "HẸN GIỜ (1)"]
    assert all(s in out for s in sections)
    at = [out.index(s) for s in sections]
    assert at == sorted(at)
    assert at[0] < out.index(published) < at[1] < out.index(draft) < at[2] < out.index(scheduled)
    assert "Thứ Hai, 03/10/2022 08:30" in out
    assert "/bai-viet/bai-hen-gio/" in out


def test_cli_list_status_filter(root: Path, news: Maker, capsys: pytest.CaptureFixture[str]) -> None:
    news("da-dang.md", title='"Bài đã đăng"')
    draft = news("nhap.md", title='"Bài nháp"', extra=["draft: true"])

    assert _run(root, "list", "--status", "draft") == 0

    out = capsys.readouterr().out
    assert "BẢN NHÁP (1)" in out and draft in out
    assert "ĐÃ ĐĂNG" not in out and "da-dang.md" not in out


def test_cli_list_with_errors_exits_1(root: Path, news: Maker, capsys: pytest.CaptureFixture[str]) -> None:
    bad = news(category="sai")

    assert _run(root, "list") == 1
    assert bad in capsys.readouterr().err
