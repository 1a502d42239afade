"""Fixtures shared by the build and browser tests (helpers live in sitekit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import SITES, BuildSite, make_site, mkdocs_build


@pytest.fixture
def built_site(tmp_path: Path) -> BuildSite:
    """Build a fixture site by name and return its folder; fails with MkDocs' output on error."""

    def build(name: str, *args: str, env: dict[str, str] | None = None, extra_config: str = "") -> Path:
        site = make_site(tmp_path / name, SITES / name, extra_config=extra_config)
        result = mkdocs_build(site, *args, env=env)
        assert result.returncode == 0, result.stderr
        return site

    return build
