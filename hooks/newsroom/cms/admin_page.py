"""The files of the editing desk /admin/: the page, its Decap `config.yml`, its script, Decap itself.

Decap CMS is served from the site (`admin/decap/`, copied from the project's
`node_modules/decap-cms/dist`), never from a CDN. The page sets `CMS_MANUAL_INIT`, loads Decap,
then `ban-bien-tap.js` (cms/static/) registers the completed Vietnamese locale, the site's
stylesheets as the preview style, preview templates shaped like the published page and, in the
preview, the pre-save check (`routes.ADMIN_PRECHECK`, cms/precheck.py), then starts Decap.

`mkdocs serve` always has the desk (with the local proxy, `newsroom cms`); `mkdocs build` only
when `extra.newsroom.cms` names a repository backend.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

from .. import routes
from ..content.taxonomy import Taxonomies
from .forms import COLLECTIONS, PROXY_PORT, PROXY_PORT_ENV, config_yaml
from .locale_vi import MISSING_VI, nested

STATIC = Path(__file__).parent / "static"
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
REPOSITORY = Path(__file__).resolve().parents[3]
"""The repository holding hooks/: its node_modules serve a project that has none of its own (tests)."""
INSTALL_HINT = "cài các gói npm của dự án: make .venv/.installed hoặc npm install --ignore-scripts"


class DecapMissing(Exception):
    """Decap CMS is not installed (no node_modules/decap-cms/dist/decap-cms.js)."""


def decap_dist(root: Path) -> Path | None:
    for base in (root, REPOSITORY):
        dist = base / DECAP_DIST
        if (dist / "decap-cms.js").is_file():
            return dist
    return None


def decap_files(dist: Path) -> dict[str, Path]:
    """decap-cms.js and the chunks it loads from beside itself (no source maps: nothing asks for them)."""
    return {
        routes.ADMIN_DECAP + path.name: path
        for path in sorted(dist.iterdir())
        if path.is_file() and path.name.endswith("decap-cms.js")
    }


def _relative(uri: str) -> str:
    """A site path as seen from /admin/ (the desk works under any mount path)."""
    return "../" + uri if not uri.startswith(routes.ADMIN) else uri.removeprefix(routes.ADMIN)


def index_html(styles: Iterable[str], precheck: bool, site_name: str) -> str:
    settings = {
        "locale": nested(MISSING_VI),
        "styles": [_relative(uri) for uri in styles],
        "precheck": _relative(routes.ADMIN_PRECHECK) if precheck else None,
        "collections": {kind: spec[0] for kind, spec in COLLECTIONS.items()},
    }
    data = json.dumps(settings, ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>Trang biên tập – {escape(site_name)}</title>\n"
        f'<link href="{escape(_relative(routes.ADMIN_CONFIG))}" type="text/yaml" rel="cms-config-url">\n'
        f'<script type="application/json" id="nr-cms-settings">{data}</script>\n'
        "</head>\n<body>\n"
        "<noscript>Trang biên tập cần JavaScript.</noscript>\n"
        "<script>window.CMS_MANUAL_INIT = true;</script>\n"
        f'<script src="{escape(_relative(routes.ADMIN_DECAP))}decap-cms.js"></script>\n'
        f'<script src="{escape(_relative(routes.ADMIN_SCRIPT))}"></script>\n'
        "</body>\n</html>\n"
    )


def missing_html() -> str:
    return (
        '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Trang biên tập chưa cài đặt</title></head>'
        '<body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">'
        "<h1>Trang biên tập chưa được cài đặt</h1>"
        f"<p>Chưa tìm thấy Decap CMS (node_modules/decap-cms). Để dùng trang biên tập: {escape(INSTALL_HINT)}, rồi chạy lại make cms.</p>"
        "</body></html>\n"
    )


def admin_files(
    root: Path,
    taxonomies: Taxonomies,
    cms: Mapping[str, Any] | None,
    site_url: str,
    site_name: str,
    styles: Iterable[str],
    preview: bool,
) -> dict[str, bytes]:
    """Site path -> content of every file of /admin/; raise DecapMissing for a build that must publish it."""
    dist = decap_dist(root)
    if dist is None:
        if not preview:
            raise DecapMissing(f"extra.newsroom.cms có trong mkdocs.yml nhưng chưa cài Decap CMS: {INSTALL_HINT}")
        return {routes.html_file(routes.ADMIN): missing_html().encode("utf-8")}
    files: dict[str, bytes] = {uri: path.read_bytes() for uri, path in decap_files(dist).items()}
    files[routes.html_file(routes.ADMIN)] = index_html(styles, preview, site_name).encode("utf-8")
    proxy_port = int(os.environ.get(PROXY_PORT_ENV) or PROXY_PORT) if preview else PROXY_PORT
    files[routes.ADMIN_CONFIG] = config_yaml(taxonomies, cms, site_url, proxy_port).encode("utf-8")
    files[routes.ADMIN_SCRIPT] = (STATIC / "ban-bien-tap.js").read_bytes()
    return files


def theme_stylesheets(theme_dirs: Iterable[str], extra_css: Iterable[str]) -> list[str]:
    """The published page's stylesheets, for the preview pane: Material's main CSS, then `extra_css`."""
    main: list[str] = []
    for folder in theme_dirs:
        found = sorted((Path(folder) / "assets" / "stylesheets").glob("main.*.min.css"))
        if found:
            main = [f"assets/stylesheets/{found[0].name}"]
            break
    return [*main, *(str(css) for css in extra_css)]
