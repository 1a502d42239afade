"""The real `mkdocs serve`: a save renders only the pages it affects, deleting an article removes it,
the search index catches up after the page, and an idle preview does not rebuild.

The pages a save affects are found independently: two plain builds of the same edit, compared file
by file (as in test_build_incremental); the preview's log names the pages it rendered.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_build_incremental import ARTICLE, ARTICLE_FILE, DOCS_PAGES, EPOCH, build, differences, rendered_pages

from sitekit import BIN, SITES, build_env, make_site

NEW_TITLE = "Tiêu đề sửa trong lúc xem trước"
RENDERED = re.compile(r"Trang dựng mới: ?(.*)$", re.M)
COUNTS = re.compile(r"Trang: (\d+) trang dựng mới, (\d+) trang dùng lại từ bộ nhớ đệm, (\d+) trang giữ nguyên")


class Preview:
    def __init__(self, site: Path, cache: Path) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.log_path = site / "serve.log"
        self._log = self.log_path.open("w", encoding="utf-8")
        env = build_env(NEWSROOM_CACHE_DIR=str(cache), **EPOCH)
        command = [str(BIN / "mkdocs"), "serve", "--verbose", "--dev-addr", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(command, cwd=site, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def get(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait(self, condition: Callable[[], object], what: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, self.log()[-3000:]
            assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{self.log()[-3000:]}"
            time.sleep(0.2)

    def builds(self) -> list[tuple[int, int, int]]:
        return [(int(m[1]), int(m[2]), int(m[3])) for m in COUNTS.finditer(self.log())]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


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
    server = Preview(site, tmp_path / "cache")
    server.wait(lambda: server.get(ARTICLE) is not None, "the first build")
    server.wait(lambda: "Tìm kiếm: chỉ mục đã cập nhật" in server.log(), "the first search index")
    yield server
    server.stop()


def test_serve_save_renders_only_the_affected_pages_and_shows_the_edit_everywhere(
    site: Path, preview: Preview, affected: set[str]
) -> None:
    first = preview.builds()[-1]
    assert first[0] > 20  # the first build of the preview renders (or reuses) every page

    _edit(site)
    preview.wait(lambda: NEW_TITLE in (preview.get(ARTICLE) or ""), "the edited page")
    preview.wait(lambda: len(preview.builds()) >= 2, "the rebuild's report")

    rendered, reused, kept = preview.builds()[-1]
    names = RENDERED.findall(preview.log())[-1].split()
    assert set(names) == affected, (sorted(names), sorted(affected))
    assert rendered == len(affected) and kept == first[0] + first[1] - rendered - reused
    for page in ("", "bai-viet/", "chuyen-muc/to-cong-nghe-so/", "feed.xml", "feed.json"):
        assert NEW_TITLE in (preview.get(page) or ""), page
    # The index follows the page: Pagefind ran again after this save.
    preview.wait(lambda: preview.log().count("Tìm kiếm: chỉ mục đã cập nhật") >= 2, "the search index after the save")


def test_serve_deleting_an_article_removes_its_page_and_mentions(site: Path, preview: Preview) -> None:
    folder = site / ARTICLE_FILE.parent
    backup = site.parent / "backup-article"
    shutil.copytree(folder, backup)
    try:
        shutil.rmtree(folder)
        preview.wait(lambda: preview.get(ARTICLE) is None, "the deleted page to go")
        slug = ARTICLE.split("/")[1]
        assert slug not in (preview.get("") or slug) and slug not in (preview.get("feed.xml") or slug)
    finally:
        shutil.copytree(backup, folder, dirs_exist_ok=True)


def test_serve_idle_preview_does_not_rebuild(preview: Preview) -> None:
    # inotify also reports files the build opens: counted as changes, they rebuilt the site for ever.
    builds = len(preview.builds())
    time.sleep(4)
    assert len(preview.builds()) == builds, preview.log()[-2000:]
