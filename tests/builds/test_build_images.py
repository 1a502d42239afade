"""The image pipeline inside a real build: a warm rebuild encodes nothing; a bad image is a clear error."""

from __future__ import annotations

import re
from pathlib import Path

from sitekit import SITES, build_env, make_site, mkdocs_build


def encoded_count(output: str) -> tuple[int, int]:
    match = re.search(r"Ảnh: (\d+) ảnh xử lý mới, (\d+) ảnh dùng lại", output)
    assert match, output
    return int(match[1]), int(match[2])


def test_build_second_build_encodes_no_image(tmp_path: Path) -> None:
    site = make_site(tmp_path / "warm", SITES / "basic")
    env = build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"))
    first = mkdocs_build(site, env=env)
    assert first.returncode == 0, first.stderr
    assert encoded_count(first.stderr) == (4, 0)  # cover, body image, initiative photo, the hostile page's image
    second = mkdocs_build(site, env=env)
    assert second.returncode == 0, second.stderr
    assert encoded_count(second.stderr) == (0, 4)


def test_build_bad_image_names_the_article_field_and_image(tmp_path: Path) -> None:
    site = make_site(tmp_path / "bad", SITES / "bad_images")
    result = mkdocs_build(site, env=build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache")))
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "articles/news/anh-hong/index.md [cover]: ảnh 'articles/news/anh-hong/cover.jpg'" in out
