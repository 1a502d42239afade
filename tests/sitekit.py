"""Helpers for build and browser tests: fixture sites built with the real `mkdocs build` of this project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # build tests import this module without a browser
    from playwright.sync_api import Page

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITES = FIXTURES / "sites"
BIN = Path(sys.executable).parent


def make_site(dest: Path, fixture: Path | None = None, *, extra_config: str = "") -> Path:
    """A copy of the project (config, docs, templates, brand kit) with the fixture's articles/.

    `fixture` is a folder holding `articles/news/` and `articles/initiatives/`; None gives an empty column.
    """
    dest.mkdir(parents=True, exist_ok=True)
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(config + extra_config, encoding="utf-8")
    for name in ("docs", "overrides", "assets"):
        shutil.copytree(PROJECT / name, dest / name)
    (dest / "hooks").symlink_to(PROJECT / "hooks", target_is_directory=True)
    if fixture is not None:
        shutil.copytree(fixture / "articles", dest / "articles")
    else:
        (dest / "articles" / "news").mkdir(parents=True)
        (dest / "articles" / "initiatives").mkdir(parents=True)
    return dest


def build_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    # One card/image cache for every fixture site of the run: each site is new, its images are not.
    env.setdefault("NEWSROOM_CACHE_DIR", str(PROJECT / ".cache" / "tests"))
    env.update(extra)
    return env


def mkdocs_build(site: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` in `site`; the caller checks the return code."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", *args],
        cwd=site,
        env=env or build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def read(site: Path, url: str) -> str:
    """The built HTML of a site-relative URL such as 'bai-viet/x/'."""
    path = site / "site" / url / "index.html" if not url.endswith(".html") else site / "site" / url
    return path.read_text(encoding="utf-8")


class BuildSite(Protocol):
    """The `built_site` fixture (tests/conftest.py): build a fixture site by name, return its folder."""

    def __call__(self, name: str, *args: str, env: dict[str, str] | None = None, extra_config: str = "") -> Path: ...


SCREENSHOTS = PROJECT / "test-results" / "screenshots"


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
