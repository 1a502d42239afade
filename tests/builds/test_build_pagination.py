"""Listings paginate at `.../trang/<n>/`, newest first, with working previous/next links."""

from __future__ import annotations

import re
from pathlib import Path

from sitekit import PROJECT, make_site, mkdocs_build, read


def write_articles(site: Path, count: int) -> None:
    folder = site / "articles" / "news" / "2024"
    folder.mkdir(parents=True)
    for number in range(1, count + 1):
        (folder / f"bai-{number:02d}.md").write_text(
            f"""---
title: "Hoạt động số {number:02d} của Đoàn thanh niên"
date: 2024-10-{(number % 28) + 1:02d} {number % 24:02d}:00
authors: [Ban biên tập]
category: tap-huan
province: {"ha-noi" if number % 2 else "ha-tay-khong-co"}
tags: [tập huấn]
description: "Bài số {number}."
---

Nội dung bài {number}.
""".replace("province: ha-tay-khong-co\n", ""),
            encoding="utf-8",
        )


def test_build_category_listing_paginates(tmp_path: Path) -> None:
    site = make_site(tmp_path / "pages")
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("per_page: 12", "per_page: 5")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_articles(site, 23)
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr

    pages = [read(site, "chuyen-muc/tap-huan/")] + [read(site, f"chuyen-muc/tap-huan/trang/{n}/") for n in range(2, 6)]
    assert not (site / "site" / "chuyen-muc" / "tap-huan" / "trang" / "6").exists()
    titles = [re.findall(r"Hoạt động số (\d\d)", page.split('class="nr-grid"')[1].split("</main>")[0]) for page in pages]
    assert [len(t) for t in titles] == [5, 5, 5, 5, 3]
    flat = [n for t in titles for n in t]
    assert sorted(flat) == sorted({f"{n:02d}" for n in range(1, 24)})  # every article exactly once

    # Newest first across pages.
    dates = [re.findall(r'datetime="([^"]+)"', page.split('class="nr-grid"')[1]) for page in pages]
    flat_dates = [d for page in dates for d in page]
    assert flat_dates == sorted(flat_dates, reverse=True)

    first, second, last = pages[0], pages[1], pages[4]
    assert 'rel="next" href="trang/2/"' in first.replace('href="trang/2/" rel="next"', 'rel="next" href="trang/2/"')
    assert "Trang trước" not in first
    assert 'href="../../" rel="prev"' in second
    assert "Trang sau" not in last
    assert 'aria-current="page">5<' in last
    assert "trang 2/5" in second

    # Province listing paginates on its own count (12 of the 23 are in Hà Nội).
    assert (site / "site" / "tinh-thanh" / "ha-noi" / "trang" / "3" / "index.html").is_file()
    assert not (site / "site" / "tinh-thanh" / "ha-noi" / "trang" / "4").exists()
