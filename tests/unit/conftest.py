"""Fixtures of the unit tests; the builders live in the kits beside this file (content_kit.py...).

The unit tests sit in folders that mirror the packages (tests/unit/content/ for
hooks/newsroom/content/...). The kits stay here: pytest (rootdir-relative, "prepend" import mode)
puts the folder of this conftest.py on sys.path, so `from content_kit import ...` works in every
folder below.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from content_kit import INITIATIVE_BODY, NEWS_BODY, initiative_text, make_image, news_text, write

from newsroom.content.taxonomy import Taxonomies, load_taxonomies

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def taxonomies() -> Taxonomies:
    return load_taxonomies()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """An empty project: mkdocs.yml, the brand kit (`newsroom check` validates it as the build
    does) plus articles/news and articles/initiatives."""
    project = tmp_path / "du-an"
    shutil.copytree(PROJECT / "assets" / "brand-kit", project / "assets" / "brand-kit")
    (project / "articles" / "news").mkdir(parents=True)
    (project / "articles" / "initiatives").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    return project


@pytest.fixture
def news(root: Path) -> Callable[..., str]:
    """Write a news article (a single .md under articles/news/2024/) and return its relative path."""

    def make(name: str = "bai-viet.md", body: str = NEWS_BODY, extra: Iterable[str] = (), **overrides: str | None) -> str:
        return write(root, f"articles/news/2024/{name}", news_text(body, extra, **overrides))

    return make


@pytest.fixture
def initiative(root: Path) -> Callable[..., str]:
    """Write an initiative bundle (folder/index.md + anh-1.jpg) and return the index's relative path."""

    def make(
        folder: str = "so-tay-doan-vien", body: str = INITIATIVE_BODY, extra: Iterable[str] = (), **overrides: str | None
    ) -> str:
        make_image(root / "articles" / "initiatives" / "2024" / folder / "anh-1.jpg")
        return write(root, f"articles/initiatives/2024/{folder}/index.md", initiative_text(body, extra, **overrides))

    return make
