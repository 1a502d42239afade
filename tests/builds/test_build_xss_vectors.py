"""The 70 vectors of tests/xss_vectors.py built into a real site: nothing live in any page, feed or widget."""

from __future__ import annotations

from pathlib import Path

import pytest

from live_markup import live_vectors
from sitekit import mkdocs_build
from xss_vectors import VECTORS, write_vector_site


@pytest.fixture(scope="module")
def vector_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site, in_bodies = write_vector_site(tmp_path_factory.mktemp("vectors") / "site")
    assert in_bodies >= 45, in_bodies  # most vectors reach the sanitiser, not only the schema
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


def test_build_every_vector_stays_dead_in_every_page_feed_and_widget(vector_site: Path) -> None:
    out = vector_site / "site"
    assert len(list((out / "bai-viet").glob("bai-*/index.html"))) == len(VECTORS)
    assert len(list((out / "vinh-danh").glob("sang-kien-*/index.html"))) == len(VECTORS)
    assert live_vectors(out) == {}


def test_build_vector_articles_keep_the_text_after_the_vector(vector_site: Path) -> None:
    lost = []
    for page in sorted((vector_site / "site" / "bai-viet").glob("bai-*/index.html")):
        number = int(page.parent.name.removeprefix("bai-"))
        if f"Đoạn cuối bài {number}." not in page.read_text(encoding="utf-8") and "Đoạn cuối" in (
            vector_site / "articles" / "news" / f"v{number:02d}" / "index.md"
        ).read_text(encoding="utf-8"):
            lost.append(number)
    assert lost == []
