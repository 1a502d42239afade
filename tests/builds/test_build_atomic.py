"""A failed build leaves the published site as it was; a good one replaces it in one step (the atomic-publish promise of CONTRIBUTING.md).

Two layers: a plain `mkdocs build -d DIR` builds into a staging folder and renames it over DIR
only after the last check (errors raised after MkDocs has begun writing, Pagefind's in
`on_post_build` and `--strict`'s abort after it, included); `newsroom publish` (`make build`)
builds each version into its own folder and switches the `site` symlink to it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitekit import BIN, SITES, build_env, make_site, mkdocs_build

EPOCH = {"SOURCE_DATE_EPOCH": "1790000000"}


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic site, built once into out/ (which held a stale file: gone after the build)."""
    site = make_site(tmp_path_factory.mktemp("atomic") / "src", SITES / "basic")
    out = site / "out"
    out.mkdir()
    (out / "stale.txt").write_text("của lần dựng trước", encoding="utf-8")
    result = mkdocs_build(site, "--site-dir", str(out), env=build_env(**EPOCH))
    assert result.returncode == 0, result.stderr
    return site


def test_build_replaces_site_dir_and_leaves_no_staging_folder(built: Path) -> None:
    out = built / "out"
    assert (out / "index.html").is_file() and (out / "pagefind" / "pagefind-entry.json").is_file()
    assert not (out / "stale.txt").exists()
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".")) == []


def _late_pagefind_error(site: Path) -> str:
    # Pagefind reads pagefind.yml from the working folder: a bad one fails it in on_post_build,
    # after MkDocs has written every page.
    (site / "pagefind.yml").write_text("root_selector: 12\n", encoding="utf-8")
    return "Pagefind không lập được chỉ mục tìm kiếm"


def _strict_abort(site: Path) -> str:
    # A broken link in a hand-written page is a warning: --strict aborts after the last event.
    (site / "docs" / "lien-ket-hong.md").write_text("# Liên kết hỏng\n\n[Trang không có](khong-co.md)\n", encoding="utf-8")
    return "warnings in strict mode"


def _error_while_rendering(site: Path) -> str:
    # MkDocs has emptied the output folder by then: an undefined variable in a page template.
    template = site / "overrides" / "newsroom" / "entry.html"  # the base of article.html
    template.write_text(template.read_text(encoding="utf-8").replace("{{ v.description }}", "{{ v.description.nope.nope }}", 1), encoding="utf-8")
    return "nope"


@pytest.mark.parametrize("provoke", [_late_pagefind_error, _strict_abort, _error_while_rendering])
def test_build_failing_late_leaves_site_dir_as_it_was(built: Path, tmp_path: Path, provoke: object) -> None:
    site = tmp_path / "src"
    shutil.copytree(built, site, symlinks=True)
    before = digest(site / "out")
    assert callable(provoke)
    expected = provoke(site)
    # Its own cache: with the shared one, unchanged pages would reuse a kept index, not run Pagefind.
    result = mkdocs_build(site, "-d", str(site / "out"), env=build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"), **EPOCH))
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stderr or provoke is _error_while_rendering  # MkDocs' own report of a template bug
    assert digest(site / "out") == before
    assert not (site / ".out.staging").exists()


def newsroom(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "newsroom"), "--root", str(site), *args], capture_output=True, text=True, env=build_env(**EPOCH), timeout=600
    )


def test_publish_switches_site_in_one_step_and_rolls_back(tmp_path: Path) -> None:
    site = make_site(tmp_path / "src", SITES / "basic")
    served = site / "site"
    served.mkdir()  # site/ of an older checkout: a real folder
    (served / "index.html").write_text("bản cũ", encoding="utf-8")

    first = newsroom(site, "publish")
    assert first.returncode == 0, first.stderr
    assert "Đã đăng: site → .site-versions/" in first.stdout
    assert served.is_symlink() and (served / "bai-viet").is_dir()
    assert os.readlink(served).startswith(".site-versions/")
    one = served.resolve()
    assert digest(served) == digest(one) and (one / "pagefind" / "pagefind-entry.json").is_file()

    article = site / "articles" / "news" / "2024" / "to-cong-nghe-so-vneid" / "index.md"
    article.write_text(article.read_text(encoding="utf-8").replace("VNeID", "VNeID mức 2", 1), encoding="utf-8")
    second = newsroom(site, "publish")
    assert second.returncode == 0, second.stderr
    two = served.resolve()
    assert two != one and "VNeID mức 2" in (served / "index.html").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (served / "bai-viet").rglob("index.html")
    )
    versions = sorted(p.name for p in (site / ".site-versions").iterdir() if p.is_dir() and not p.is_symlink())
    assert versions == sorted([one.name, two.name])  # the migrated folder was pruned, one version kept

    (site / "articles" / "news" / "hong.md").write_text("không có phần đầu bài\n", encoding="utf-8")
    failed = newsroom(site, "publish")
    assert failed.returncode == 1
    assert "site vẫn là bản đang đăng, không đổi" in failed.stderr and "Traceback" not in failed.stderr
    assert served.resolve() == two
    assert sorted(p.name for p in (site / ".site-versions").iterdir() if p.is_dir() and not p.is_symlink()) == versions

    back = newsroom(site, "rollback")
    assert back.returncode == 0, back.stderr
    assert served.resolve() == one and "Đã quay lại" in back.stdout
