"""`newsroom check` = `mkdocs build`: every bad case of the build tests goes
through both, which must give the same verdict and the same messages; a site with warnings only
builds under `strict: true` and `check` exits 0 printing them.

The cases: every `bad_*` fixture site, the broken inputs the other build tests make by hand (a
brand kit with bad colours, a cover deleted after a build, a file without front matter), and the
images the issue found `check` passing: a zero-byte cover, an iPhone HEIC saved as .jpg, a broken
photo nobody uses, an unused good one.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from sitekit import BIN, SITES, build_env, make_site, mkdocs_build

EPOCH = {"SOURCE_DATE_EPOCH": "1790000000"}  # 21/09/2026
ARTICLE = Path("articles/news/2024/to-cong-nghe-so-vneid")
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
"""The start of an iPhone photo: an ISO-BMFF `ftyp` box naming HEIC (the pipeline sniffs it)."""
BODY_IMAGE_LINE = (SITES / "basic" / ARTICLE / "index.md").read_text(encoding="utf-8").count("\n") + 2
"""The line `_bad_body_image` appends its image at (after a blank line)."""
PROBLEM_RE = re.compile(r"^  - (?P<item>.+(?:\n {4}.+)*)", re.MULTILINE)
COUNT_RE = re.compile(r"Nội dung có (\d+) lỗi cần sửa")


def newsroom(site: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "newsroom"), "--root", str(site), *args], capture_output=True, text=True, env=env, timeout=600
    )


def _bad_kit(site: Path) -> None:  # as test_build_brand.test_build_bad_kit_fails_naming_the_field
    kit = site / "assets" / "brand-kit" / "brand.yml"
    text = kit.read_text(encoding="utf-8").replace('accent: "#da251d"', 'accent: "#ffd0d0"').replace('text: "#1a1a1a"', 'text: "xanh"')
    kit.write_text(text, encoding="utf-8")


def _deleted_cover(site: Path) -> None:  # as test_build_incremental.test_a_rebuild_sees_a_deleted_cover
    (site / ARTICLE / "cover.jpg").unlink()


def _no_front_matter(site: Path) -> None:  # as test_build_atomic.test_publish_switches_site_in_one_step_and_rolls_back
    (site / "articles" / "news" / "hong.md").write_text("không có phần đầu bài\n", encoding="utf-8")


def _zero_byte_cover(site: Path) -> None:
    (site / ARTICLE / "cover.jpg").write_bytes(b"")


def _heic_cover(site: Path) -> None:
    (site / ARTICLE / "cover.jpg").write_bytes(HEIC)


def _stray_broken_image(site: Path) -> None:
    (site / ARTICLE / "anh-hong.jpg").write_bytes(b"\xff\xd8\xff\xe0 cut short")


def _unused_good_image(site: Path) -> None:
    Image.new("RGB", (40, 30), "#c8102e").save(site / ARTICLE / "chua-dung.jpg")


def _bad_body_image(site: Path) -> None:
    article = site / ARTICLE / "index.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n![Ảnh hỏng](anh-hong.jpg)\n", encoding="utf-8")
    (site / ARTICLE / "anh-hong.jpg").write_bytes(b"GIF89a")


Case = tuple[str, Path, Callable[[Path], None] | None]
CASES: list[Case] = [
    *[(fixture.name, fixture, None) for fixture in sorted(SITES.glob("bad_*"))],
    ("bad_kit", SITES / "basic", _bad_kit),
    ("deleted_cover", SITES / "basic", _deleted_cover),
    ("no_front_matter", SITES / "basic", _no_front_matter),
    ("zero_byte_cover", SITES / "basic", _zero_byte_cover),
    ("heic_cover", SITES / "basic", _heic_cover),
    ("stray_broken_image", SITES / "basic", _stray_broken_image),
    ("unused_good_image", SITES / "basic", _unused_good_image),
    ("bad_body_image", SITES / "basic", _bad_body_image),
]
EXPECTED = {
    "zero_byte_cover": f"{ARTICLE}/index.md:10 [cover]: ảnh '{ARTICLE}/cover.jpg': ảnh bị hỏng",
    "heic_cover": f"{ARTICLE}/index.md:10 [cover]: ảnh '{ARTICLE}/cover.jpg': định dạng HEIC không được hỗ trợ",
    "stray_broken_image": f"{ARTICLE}/anh-hong.jpg: tệp nằm trong thư mục bài viết nhưng không bài nào dùng",
    "unused_good_image": f"{ARTICLE}/chua-dung.jpg: tệp nằm trong thư mục bài viết nhưng không bài nào dùng",
    "bad_body_image": f"{ARTICLE}/index.md:{BODY_IMAGE_LINE} [ảnh trong bài]: ảnh '{ARTICLE}/anh-hong.jpg'",
}
"""What the issue found `check` missing, each as the build and `check` now both say it."""


def test_check_parity_collects_every_bad_fixture() -> None:
    assert {"bad_content", "bad_images"} <= {name for name, _, _ in CASES}


@pytest.mark.parametrize(("name", "fixture", "provoke"), CASES, ids=[name for name, _, _ in CASES])
def test_check_and_build_give_the_same_verdict_and_messages(
    tmp_path: Path, name: str, fixture: Path, provoke: Callable[[Path], None] | None
) -> None:
    site = make_site(tmp_path / "site", fixture)
    env = build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"), **EPOCH)
    if provoke is _deleted_cover:
        assert mkdocs_build(site, env=env).returncode == 0  # the catalog and image caches are warm
    if provoke is not None:
        provoke(site)

    built = mkdocs_build(site, env=env)
    checked = newsroom(site, "check", env=env)

    build_out, check_out = built.stdout + built.stderr, checked.stdout + checked.stderr
    assert "Traceback" not in build_out + check_out
    assert built.returncode == 1 and checked.returncode == 1, (build_out, check_out)
    problems = PROBLEM_RE.findall(checked.stderr)
    errors = [p for p in problems if not p.startswith("Cảnh báo: ")]
    assert errors and COUNT_RE.findall(check_out) == COUNT_RE.findall(build_out) == [str(len(errors))], (build_out, check_out)
    for problem in problems:  # errors and warnings alike, word for word
        assert problem in build_out, (problem, build_out)
    assert sorted(p for p in PROBLEM_RE.findall(build_out) if not p.startswith("Cảnh báo: ")) == sorted(errors)
    if name in EXPECTED:
        assert any(p.startswith(EXPECTED[name]) for p in errors), (EXPECTED[name], errors)
    if name == "stray_broken_image":  # not blamed on the body: no article shows it
        assert "[ảnh trong bài]" not in check_out


def _warnings_site(tmp_path: Path) -> Path:
    site = make_site(tmp_path / "warn")
    bundle = site / "articles" / "news" / "2025" / "anh-zalo"
    bundle.mkdir(parents=True)
    Image.new("RGB", (240, 320), "#0b3d91").save(bundle / "bia-zalo.jpg")
    Image.new("RGB", (3024, 4032), "#c8102e").save(bundle / "doc.jpg", quality=60)
    Image.new("RGB", (1200, 1600), "#2e7d32").save(bundle / "doc-nho.jpg", quality=60)
    title = "Đoàn viên xã vùng cao hướng dẫn bà con cài đặt và sử dụng ứng dụng VNeID, dịch vụ công trực tuyến và thanh toán không dùng tiền mặt"
    description = "Mô tả dài. " * 25
    (bundle / "index.md").write_text(
        f'---\ntitle: "{title}"\ndate: 2025-10-01 08:00\nauthors: [Kiểm thử]\ncategory: hoat-dong\n'
        f'description: "{description.strip()}"\ncover: bia-zalo.jpg\ncover_alt: "Ảnh lưu từ Zalo"\n---\n\n'
        "Mở đầu.\n\n![Ảnh dọc](doc.jpg)\n\n"
        '![Ảnh dọc đã thu nhỏ](doc-nho.jpg "Đoàn viên hướng dẫn người dân"){ .anh-nho }\n',
        encoding="utf-8",
    )
    return site


def test_warnings_never_fail_the_build_and_check_prints_them(tmp_path: Path) -> None:
    site = _warnings_site(tmp_path)
    env = build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"), **EPOCH)

    built = mkdocs_build(site, env=env)  # --strict, and mkdocs.yml says strict: true
    checked = newsroom(site, "check", env=env)

    assert built.returncode == 0, built.stderr
    assert checked.returncode == 0, checked.stderr
    warnings = [p for p in PROBLEM_RE.findall(checked.stdout) if p.startswith("Cảnh báo: ")]
    fields = sorted(_group(re.search(r"\[([^\]]+)\]", w)) for w in warnings)
    assert fields == ["cover", "description", "title", "ảnh trong bài"], checked.stdout
    assert "4 cảnh báo" in checked.stdout and "Không có lỗi" in checked.stdout
    for warning in warnings:
        assert warning in built.stderr, (warning, built.stderr)
    cover = next(w for w in warnings if "[cover]" in w)
    assert "240×320 px" in cover and "Gợi ý: " in cover
    tall = next(w for w in warnings if "[ảnh trong bài]" in w)
    assert "index.md:13 [ảnh trong bài]: ảnh dọc 'doc.jpg' (3024×4032 px)" in tall and "{ .anh-nho }" in tall
    # The documented way out of the warning: a small, captioned figure, with the sizes it is shown at.
    pages = (p.read_text(encoding="utf-8") for p in (site / "site" / "bai-viet").glob("*/index.html"))
    page = next(text for text in pages if "Ảnh dọc" in text)
    figure = re.search(r'<figure class="nr-hinh anh-nho"><picture>.*?</picture><figcaption>(.*?)</figcaption></figure>', page)
    assert figure and figure[1] == "Đoàn viên hướng dẫn người dân", page
    assert 'sizes="(max-width: 360px) 100vw, 360px"' in figure[0]
    print(checked.stdout)


def test_check_second_run_is_faster(tmp_path: Path) -> None:
    """The images are verified once: a second check finds them by stat in the shared cache."""
    site = make_site(tmp_path / "site", SITES / "basic")
    env = build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"), **EPOCH)
    first = newsroom(site, "check", env=env)
    second = newsroom(site, "check", env=env)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    timing = re.compile(r"trong (\d+,\d) giây")
    print("check, lần 1:", _group(timing.search(first.stdout)), "giây; lần 2:", _group(timing.search(second.stdout)), "giây")
    built = mkdocs_build(site, env=env)  # after a check, the build encodes nothing either
    assert built.returncode == 0, built.stderr
    assert re.search(r"Ảnh: 0 ảnh xử lý mới, 4 ảnh dùng lại", built.stderr), built.stderr


def _group(match: re.Match[str] | None) -> str:
    assert match is not None
    return match[1]
