"""The real `mkdocs serve`: a save renders only the pages it affects, deleting an article removes it,
the search index catches up after the page, and an idle preview does not rebuild.

The pages a save affects are found independently: two plain builds of the same edit, compared file
by file (as in test_build_incremental); the preview's log names the pages it rendered.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_build_incremental import ARTICLE, ARTICLE_FILE, DOCS_PAGES, EPOCH, build, differences, rendered_pages

from preview_kit import Preview
from sitekit import SITES, make_site

NEW_TITLE = "Tiêu đề sửa trong lúc xem trước"
RENDERED = re.compile(r"Trang dựng mới: ?(.*)$", re.M)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("serve") / "site-src", SITES / "basic")
    source = site / ARTICLE_FILE  # an explicit slug: the title edit must not move the page
    source.write_text(source.read_text(encoding="utf-8").replace("---\n", f"---\nslug: {ARTICLE.split('/')[1]}\n", 1), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def affected(site: Path, tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The generated pages the title edit changes, from two plain builds of a copy."""
    copy = tmp_path_factory.mktemp("serve-expected") / "site"
    shutil.copytree(site, copy, symlinks=True)
    cache = copy.parent / "cache"
    before = build(copy, cache)
    _edit(copy)
    after = build(copy, cache)
    changed = {p for p in differences(before, after) if p.endswith(".html") and not p.startswith("nhung/")}
    assert set(rendered_pages) == changed - DOCS_PAGES
    return changed - DOCS_PAGES


def _edit(site: Path) -> None:
    source = site / ARTICLE_FILE
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r"^title: .*$", f'title: "{NEW_TITLE}"', text, count=1, flags=re.M), encoding="utf-8")


@pytest.fixture
def preview(site: Path, tmp_path: Path) -> Iterator[Preview]:
    server = Preview(site, tmp_path / "cache", verbose=True, **EPOCH)
    server.wait(lambda: server.get(ARTICLE) is not None, "the first build")
    server.wait(lambda: "Tìm kiếm: chỉ mục đã cập nhật" in server.log(), "the first search index")
    yield server
    server.stop()


def test_serve_save_renders_only_the_affected_pages_and_shows_the_edit_everywhere(
    site: Path, preview: Preview, affected: set[str]
) -> None:
    first = preview.page_counts()[-1]
    assert first[0] > 20  # the first build of the preview renders (or reuses) every page

    _edit(site)
    preview.wait(lambda: NEW_TITLE in preview.text(ARTICLE), "the edited page")
    preview.wait(lambda: len(preview.page_counts()) >= 2, "the rebuild's report")

    rendered, reused, kept = preview.page_counts()[-1]
    names = RENDERED.findall(preview.log())[-1].split()
    assert set(names) == affected, (sorted(names), sorted(affected))
    assert rendered == len(affected) and kept == first[0] + first[1] - rendered - reused
    for page in ("", "bai-viet/", "chuyen-muc/to-cong-nghe-so/", "feed.xml", "feed.json"):
        assert NEW_TITLE in preview.text(page), page
    # The index follows the page: Pagefind ran again after this save.
    preview.wait(lambda: preview.log().count("Tìm kiếm: chỉ mục đã cập nhật") >= 2, "the search index after the save")


def test_serve_deleting_an_article_removes_its_page_and_mentions(site: Path, preview: Preview) -> None:
    folder = site / ARTICLE_FILE.parent
    backup = site.parent / "backup-article"
    shutil.copytree(folder, backup)
    try:
        shutil.rmtree(folder)
        preview.wait(lambda: (preview.get(ARTICLE) or (0, ""))[0] == 404, "the deleted page to go")
        slug = ARTICLE.split("/")[1]
        home, feed = preview.get(""), preview.get("feed.xml")
        assert home is not None and feed is not None and home[0] == feed[0] == 200
        assert slug not in home[1] and slug not in feed[1]
    finally:
        shutil.copytree(backup, folder, dirs_exist_ok=True)


def test_serve_idle_preview_does_not_rebuild(preview: Preview) -> None:
    # inotify also reports files the build opens: counted as changes, they rebuilt the site for ever.
    builds = len(preview.page_counts())
    time.sleep(4)
    assert len(preview.page_counts()) == builds, preview.log()[-2000:]
