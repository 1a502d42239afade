"""Rebuilds give the cold build's site: nothing changed, an edited title, a deleted article; and a
rebuild sees a cover deleted since the last build (the catalog cache does not hide it).

One fixture site (the basic one plus a second article showing the same photo) is built cold with
its own empty cache, then again with the caches warm, then after an edit and after a deletion;
each result is compared file for file with a cold build of the same content.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from sitekit import SITES, build_env, make_site, mkdocs_build, read

ARTICLE = "bai-viet/to-cong-nghe-so-cong-dong-huong-dan-nguoi-dan-cai-dat-vneid/"
ARTICLE_FILE = Path("articles/news/2024/to-cong-nghe-so-vneid/index.md")
TWIN = "bai-viet/cung-mot-anh-bia/"
RELATED_OF_ARTICLE = TWIN  # shares the tag VNeID
NEW_TITLE = "Tiêu đề mới hoàn toàn của bài VNeID"
EPOCH = {"SOURCE_DATE_EPOCH": "1733000000"}
DOCS_PAGES = {"404.html", "rss/index.html", "gioi-thieu/index.html", "ke-hoach/index.html", "bo-nhan-dien/index.html"}
"""Pages from docs/ (MkDocs renders them itself, every build); the generated pages go through the page cache,
the widgets under nhung/ are syndication outputs written with the feeds."""


def tree(site_dir: Path) -> dict[str, str]:
    """Every file of a built site by path, as a hash of its bytes (Pagefind's included: canonical)."""
    return {
        path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


RENDERED = re.compile(r"Trang dựng mới: ?(.*)$", re.M)
rendered_pages: list[str] = []
"""The generated pages (site paths) the last `build` rendered rather than took from the page cache."""


def build(site: Path, cache: Path) -> dict[str, str]:
    result = mkdocs_build(site, "--verbose", env=build_env(NEWSROOM_CACHE_DIR=str(cache), **EPOCH))
    assert result.returncode == 0, result.stderr
    found = RENDERED.search(result.stderr)
    assert found, result.stderr[-2000:]
    rendered_pages[:] = found.group(1).split()
    return tree(site / "site")


def cold(site: Path, scratch: Path) -> dict[str, str]:
    """A cold build of the same content: a copy of the site, built with an empty cache."""
    copy = scratch / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, symlinks=True, ignore=shutil.ignore_patterns("site", ".cache"))
    return build(copy, scratch / "cold-cache")


def differences(left: dict[str, str], right: dict[str, str]) -> list[str]:
    return sorted(path for path in left.keys() | right.keys() if left.get(path) != right.get(path))


def search_text(site_dir: Path) -> str:
    """The Pagefind index's page fragments, decompressed, as one text."""
    parts = []
    for fragment in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        parts.append(gzip.decompress(fragment.read_bytes()).decode("utf-8", errors="replace"))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("incremental") / "site-src", SITES / "basic")
    source = site / ARTICLE_FILE  # an explicit slug: the title edit below must not move the page
    source.write_text(source.read_text(encoding="utf-8").replace("---\n", f"---\nslug: {ARTICLE.split('/')[1]}\n", 1), encoding="utf-8")
    twin = site / "articles/news/2025/cung-mot-anh-bia"
    twin.mkdir(parents=True)
    shutil.copy(site / ARTICLE_FILE.parent / "cover.jpg", twin / "cover.jpg")
    (twin / "index.md").write_text(
        "---\n"
        'title: "Cùng một ảnh bìa"\n'
        "date: 2024-05-01 09:00\n"
        "authors: [Lê Văn An]\n"
        "category: to-cong-nghe-so\n"
        "tags: [VNeID]\n"
        "province: bac-giang\n"
        'description: "Bài thứ hai dùng lại đúng ảnh bìa của bài VNeID."\n'
        "cover: cover.jpg\n"
        'cover_alt: "Ảnh bìa dùng chung"\n'
        "---\n\nBài này dùng lại ảnh bìa của một bài khác.\n",
        encoding="utf-8",
    )
    return site


def test_an_image_shown_by_two_articles_is_published_once(site: Path, tmp_path: Path) -> None:
    build(site, tmp_path / "cache")
    urls = []
    for page in (ARTICLE, TWIN):
        cover = read(site, page).split('class="nr-article__cover"')[1].split("</figure>")[0]
        src = re.search(r' src="((?:\.\./)*)(anh/[0-9a-f]{20}/cover-64\.jpg)"', cover)
        assert src, cover
        assert (site / "site" / src.group(2)).is_file()
        urls.append(src.group(2))
    assert urls[0] == urls[1]
    assert len(list((site / "site").rglob("cover-64.jpg"))) == 1


def test_rebuilds_equal_a_cold_build(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build(site, cache)
    everything = len(rendered_pages)
    second = build(site, cache)
    assert differences(first, second) == []
    assert everything > 20 and rendered_pages == []  # nothing changed: every page from the cache

    source = site / ARTICLE_FILE
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r'^title: .*$', f'title: "{NEW_TITLE}"', text, count=1, flags=re.M), encoding="utf-8")
    edited = build(site, cache)
    # Only the pages the edit affects are rendered again, and every page it affects is.
    changed_pages = {path for path in differences(second, edited) if path.endswith(".html") and not path.startswith("nhung/")}
    assert 5 < len(rendered_pages) < everything
    assert set(rendered_pages) == changed_pages - DOCS_PAGES
    assert differences(edited, cold(site, tmp_path)) == []
    # The new title is everywhere the article shows: its page, listings, feeds, related lists, search.
    for page in (ARTICLE, "", "bai-viet/", "chuyen-muc/to-cong-nghe-so/", "tinh-thanh/bac-ninh/", RELATED_OF_ARTICLE):
        assert NEW_TITLE in read(site, page), page
    for feed in ("feed.xml", "feed.atom", "feed.json", "chuyen-muc/to-cong-nghe-so/feed.xml"):
        assert NEW_TITLE in (site / "site" / feed).read_text(encoding="utf-8"), feed
    assert NEW_TITLE in search_text(site / "site")

    shutil.rmtree(source.parent)
    deleted = build(site, cache)
    assert differences(deleted, cold(site, tmp_path)) == []
    assert not (site / "site" / ARTICLE).exists()
    slug = ARTICLE.split("/")[1]
    leftovers = [
        path
        for path in deleted
        if "*" not in path
        and path.endswith((".html", ".xml", ".atom", ".json", ".js"))
        and slug in (site / "site" / path).read_text(encoding="utf-8", errors="replace")
    ]
    assert leftovers == []


def test_a_rebuild_sees_a_deleted_cover(tmp_path: Path) -> None:
    """The second build takes its entries from the catalog cache, but not one whose cover is gone."""
    site = make_site(tmp_path / "site-src", SITES / "basic")
    env = build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"), **EPOCH)
    assert mkdocs_build(site, env=env).returncode == 0
    assert any((tmp_path / "cache" / "danh-muc").rglob("*"))
    (site / ARTICLE_FILE.parent / "cover.jpg").unlink()

    result = mkdocs_build(site, env=env)

    assert result.returncode != 0
    error = rf"{re.escape(ARTICLE_FILE.as_posix())}:\d+ \[cover\]: không tìm thấy tệp 'cover.jpg'"
    assert re.search(error, result.stderr), result.stderr
