"""The golden site, built once per session; `--update-golden` rewrites tests/golden/expected/ (make golden)."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_kit import PER_PAGE, SOURCE_DATE_EPOCH

from sitekit import SITES, build_env, make_site, mkdocs_build


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden copies under tests/golden/expected/ from this build (make golden)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    # The option exists only when this conftest is loaded first (pytest tests/golden ...).
    return bool(request.config.getoption("update_golden", default=False))


@pytest.fixture(scope="session")
def golden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ of the golden fixture, built with the real `mkdocs build --strict` and a pinned now."""
    site = make_site(tmp_path_factory.mktemp("golden") / "src", SITES / "golden")
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "per_page: 12" in config, "mkdocs.yml no longer sets per_page: 12; adapt tests/golden/conftest.py"
    (site / "mkdocs.yml").write_text(config.replace("per_page: 12", f"per_page: {PER_PAGE}"), encoding="utf-8")
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))
    assert result.returncode == 0, result.stderr
    return site / "site"
