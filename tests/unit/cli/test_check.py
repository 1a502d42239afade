"""`newsroom check` validates as the build does (checks/validation.py): images through the pipeline,
files no entry uses, the brand kit; warnings printed, never a failure."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from content_kit import line_of, make_image, news_text, write

from newsroom.cli.main import main
from newsroom.images import pipeline

EPOCH = "1728536400"  # 2024-10-10 12:00 in Vietnam
BUNDLE = "articles/news/2024/bai-anh"
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


@pytest.fixture(autouse=True)
def own_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each project's own .cache/ and a pinned "now", as an editor's checkout has."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.delenv("NEWSROOM_CACHE_DIR", raising=False)


def _run(root: Path) -> int:
    return main(["--root", str(root), "check"])


def _covered(root: Path) -> str:
    return write(root, f"{BUNDLE}/index.md", news_text(cover="bia.jpg", cover_alt='"Ảnh bìa"'))


@pytest.mark.parametrize(
    ("cover", "expected"),
    [(b"", "ảnh bị hỏng hoặc tải lên chưa hết"), (HEIC, "định dạng HEIC không được hỗ trợ")],
    ids=["zero-byte", "heic"],
)
def test_check_refuses_the_cover_the_build_refuses(
    root: Path, cover: bytes, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / BUNDLE).mkdir(parents=True)
    (root / BUNDLE / "bia.jpg").write_bytes(cover)
    rel = _covered(root)

    assert _run(root) == 1

    err = capsys.readouterr().err
    line = line_of((root / rel).read_text(encoding="utf-8"), "cover:")
    assert f"{rel}:{line} [cover]: ảnh '{BUNDLE}/bia.jpg': {expected}" in err and "Gợi ý: " in err


def test_check_lists_an_unused_file_and_a_broken_cover_in_one_run(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An error of the catalog (the unused file) does not hide the image errors of the entries that parsed."""
    (root / BUNDLE).mkdir(parents=True)
    (root / BUNDLE / "bia.jpg").write_bytes(b"")
    make_image(root / BUNDLE / "anh-thua.jpg", size=(1000, 700))
    rel = _covered(root)

    assert _run(root) == 1

    err = capsys.readouterr().err
    assert "Nội dung có 2 lỗi cần sửa" in err
    assert f"{BUNDLE}/anh-thua.jpg: tệp nằm trong thư mục bài viết nhưng không bài nào dùng" in err
    assert f"{rel}:" in err and f"[cover]: ảnh '{BUNDLE}/bia.jpg': ảnh bị hỏng hoặc tải lên chưa hết" in err


def test_check_names_a_broken_image_nobody_uses_as_unused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_image(root / BUNDLE / "bia.jpg", size=(1000, 700))
    (root / BUNDLE / "anh-hong.jpg").write_bytes(b"\xff\xd8\xff\xe0 cut short")
    _covered(root)

    assert _run(root) == 1

    err = capsys.readouterr().err
    assert f"{BUNDLE}/anh-hong.jpg: tệp nằm trong thư mục bài viết nhưng không bài nào dùng nên sẽ không được đăng" in err
    assert "cover: anh-hong.jpg, hoặc ![Mô tả ảnh](anh-hong.jpg)" in err and "hoặc xoá tệp" in err
    assert "[ảnh trong bài]" not in err and "bị hỏng" not in err  # never opened: it is not published


def test_check_bad_brand_kit_is_an_error_as_in_the_build(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kit = root / "assets" / "brand-kit" / "brand.yml"
    kit.write_text(kit.read_text(encoding="utf-8").replace('text: "#1a1a1a"', 'text: "xanh"'), encoding="utf-8")
    write(root, "articles/news/2024/a.md", news_text())

    assert _run(root) == 1

    assert "assets/brand-kit/brand.yml" in capsys.readouterr().err


def test_check_with_warnings_only_exits_0_and_prints_them(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_image(root / BUNDLE / "bia.jpg", size=(240, 320))
    rel = _covered(root)

    assert _run(root) == 0

    out = capsys.readouterr().out
    assert out.startswith("Không có lỗi: 1 tệp nội dung") and "1 ảnh đã kiểm tra" in out
    assert "1 cảnh báo (bài vẫn được đăng, nên sửa):" in out
    assert f"  - Cảnh báo: {rel}:" in out and "[cover]: ảnh bìa 'bia.jpg' chỉ có 240×320 px" in out


def test_check_second_run_verifies_no_image_again(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_image(root / BUNDLE / "bia.jpg", size=(1000, 700))
    _covered(root)
    opened: list[Path] = []
    real = pipeline.encode_file

    def counting(path: Path, settings: Any) -> Any:
        opened.append(path)
        return real(path, settings)

    monkeypatch.setattr(pipeline, "encode_file", counting)

    started = time.monotonic()
    assert _run(root) == 0
    first = time.monotonic() - started
    assert opened == [(root / BUNDLE / "bia.jpg").resolve()]
    started = time.monotonic()
    assert _run(root) == 0
    second = time.monotonic() - started

    assert opened == [(root / BUNDLE / "bia.jpg").resolve()]  # known by its stat and content hash in .cache/
    assert capsys.readouterr().out.count("Không có lỗi") == 2
    with capsys.disabled():
        print(f"\ncheck: lần 1 {first:.2f} s, lần 2 {second:.2f} s")


def test_check_broken_image_is_checked_again_every_run(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / BUNDLE).mkdir(parents=True)
    (root / BUNDLE / "bia.jpg").write_bytes(b"")
    _covered(root)

    assert _run(root) == 1
    assert _run(root) == 1  # a failure is never cached: the second run says it again
    assert capsys.readouterr().err.count("[cover]: ảnh") == 2
