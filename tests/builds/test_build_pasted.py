"""Text pasted from Word and values written the Vietnamese way, built with the real `mkdocs build --strict`.

The check_fix fixture (dates 3/10/2025 8h30, "TP. Hà Nội", "Hoạt động hưởng ứng", "tags: a, b")
plus one article pasted with zero-width spaces, '•' bullets and a tab table: the build passes,
logs what it understood and what it normalised, and publishes no invisible character.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import FIXTURES, build_env, make_site, mkdocs_build, read

PASTED = """\
---
title: "Hướng dẫn cài VNe\u200bID"
date: 2025-10-05 08:00
authors: [Nguyễn Văn An]
category: dich-vu-cong
description: "Các bước cài ứng dụng định danh điện tử VNe\u200bID."
---

Đoàn viên hướng dẫn người dân cài VNe\u200bID và kích hoạt tài khoản\u00ad định danh.
Các bước:
\t•\tTải ứng dụng VNe\u200bID
\t•\tĐăng ký tài khoản

Phường\tSố người
Phường A\t120
Phường B\t95
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = make_site(tmp_path_factory.mktemp("pasted") / "site", FIXTURES / "check_fix")
    path = site / "articles/news/2025/huong-dan-cai-vneid.md"
    path.write_text(PASTED, encoding="utf-8")
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH="1767225600"))
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_build_pasted_no_invisible_character_published(built: tuple[Path, str]) -> None:
    site, _ = built
    for path in (site / "site").rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "\u200b" not in text and "\u00ad" not in text, path


def test_build_pasted_bullets_and_table_shown_as_list_and_table(built: tuple[Path, str]) -> None:
    site, _ = built
    html = read(site, "bai-viet/huong-dan-cai-vneid/")
    assert "<li>Tải ứng dụng VNeID</li>" in html and "<li>Đăng ký tài khoản</li>" in html
    assert "<th>Phường</th>" in html and "<td>120</td>" in html
    assert "<title>Hướng dẫn cài VNeID" in html


def test_build_pasted_logs_warnings_and_notices_at_info(built: tuple[Path, str]) -> None:
    _, log = built
    assert "Cảnh báo: articles/news/2025/huong-dan-cai-vneid.md:11: dòng '• Tải ứng dụng VNeID'" in log
    assert "Đã hiểu: articles/news/2025/ngay-hoi-so.md:4 [date]: '3/10/2025 8h30' → 2025-10-03 08:30" in log
    assert "WARNING" not in log


def test_build_pasted_vietnamese_forms_published_as_understood(built: tuple[Path, str]) -> None:
    site, _ = built
    html = read(site, "bai-viet/ha-noi-ngay-hoi-so-cho-nguoi-cao-tuoi/")
    assert "03/10/2025 08:30" in html
    assert "Nguyễn Văn An, Trần Thị Bình" in html
    assert 'href="../../chuyen-muc/hoat-dong/"' in html
    assert 'href="../../the/nguoi-cao-tuoi/"' in html
