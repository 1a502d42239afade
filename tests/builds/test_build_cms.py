"""/admin/ in `mkdocs build`: absent without `extra.newsroom.cms`, published with a repository backend."""

from __future__ import annotations

from pathlib import Path

import yaml

from newsroom import routes
from sitekit import PROJECT, SITES, make_site, mkdocs_build

BACKEND = "  newsroom:\n    cms:\n      name: gitea\n      repo: doan/chuyen-muc\n      base_url: https://git.example.org\n"


def _site(tmp_path: Path, setting: str | None) -> Path:
    site = make_site(tmp_path / "site-src", SITES / "basic")
    if setting is not None:
        config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
        assert "  newsroom:\n" in config
        (site / "mkdocs.yml").write_text(config.replace("  newsroom:\n", setting, 1), encoding="utf-8")
    return site


def test_build_without_cms_setting_has_no_admin(tmp_path: Path) -> None:
    site = _site(tmp_path, None)
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert (site / "site" / routes.ALL_ARTICLES).is_dir()
    assert not (site / "site" / routes.ADMIN).exists()


def test_build_with_cms_setting_publishes_the_desk(tmp_path: Path) -> None:
    site = _site(tmp_path, BACKEND)
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    admin = site / "site" / routes.ADMIN
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in html and "decap/decap-cms.js" in html and "http" not in html.split("<body>")[1]
    assert '"precheck": null' in html  # the published desk has no preview to ask
    assert (site / "site" / routes.ADMIN_DECAP / "decap-cms.js").stat().st_size > 1_000_000
    chunks = list((site / "site" / routes.ADMIN_DECAP).glob("*.decap-cms.js"))
    assert chunks and not list((site / "site" / routes.ADMIN_DECAP).glob("*.map"))
    config = yaml.safe_load((site / "site" / routes.ADMIN_CONFIG).read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "gitea", "repo": "doan/chuyen-muc", "base_url": "https://git.example.org"}
    assert [c["folder"] for c in config["collections"]] == ["articles/news", "articles/initiatives"]
    assert (site / "site" / routes.ADMIN_SCRIPT).is_file()


def test_build_with_a_wrong_cms_setting_says_so(tmp_path: Path) -> None:
    site = _site(tmp_path, "  newsroom:\n    cms:\n      name: dropbox\n")
    result = mkdocs_build(site)
    assert result.returncode != 0
    assert "extra.newsroom.cms.name" in result.stderr and "gitea" in result.stderr
    assert "Traceback" not in result.stderr
