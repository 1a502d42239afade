"""The real `mkdocs serve`: an edit of the taxonomy data (hooks/newsroom/content/data/) shows in the
next rebuild of the same process; nothing read by one build is kept for the next.

The site gets its own copy of hooks/ (first on PYTHONPATH), so the test edits that copy, never the
project's data.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_build_incremental import EPOCH

from preview_kit import Preview
from sitekit import PROJECT, SITES, make_site

CATEGORY_PAGE = "chuyen-muc/to-cong-nghe-so/"
OLD_NAME = "Tổ công nghệ số cộng đồng"
NEW_NAME = "Tổ công nghệ số khu dân cư"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = make_site(tmp_path / "site-src", SITES / "basic")
    (site / "hooks").unlink()
    shutil.copytree(PROJECT / "hooks", site / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return site


@pytest.fixture
def preview(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Preview]:
    monkeypatch.setenv("PYTHONPATH", str(site / "hooks"))  # the site's copy of the package, not the project's
    server = Preview(site, tmp_path / "cache", verbose=True, **EPOCH)
    server.wait(lambda: (server.get(CATEGORY_PAGE) or (0, ""))[0] == 200 and len(server.page_counts()) == 1, "the first build")
    yield server
    server.stop()


def test_serve_taxonomy_edit_shows_in_the_next_build(site: Path, preview: Preview) -> None:
    assert f"<h1>{OLD_NAME}</h1>" in preview.text(CATEGORY_PAGE)
    builds = len(preview.page_counts())
    categories = site / "hooks" / "newsroom" / "content" / "data" / "categories.yml"
    text = categories.read_text(encoding="utf-8")
    assert f'name: "{OLD_NAME}"' in text
    categories.write_text(text.replace(f'name: "{OLD_NAME}"', f'name: "{NEW_NAME}"'), encoding="utf-8")

    preview.wait(lambda: len(preview.page_counts()) > builds, "the rebuild after the edit")
    preview.wait(lambda: NEW_NAME in preview.text(CATEGORY_PAGE), "the new category name")
    page = preview.text(CATEGORY_PAGE)
    assert f"<h1>{NEW_NAME}</h1>" in page and f"<h1>{OLD_NAME}</h1>" not in page
    assert NEW_NAME in preview.text("")  # the home page's category block too
