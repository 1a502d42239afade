"""The server files of one build, written into the finished site: `.gz` copies and the nginx config."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from .. import routes
from .compress import write_gzip_files
from .nginx import CONFIG_FILE, Move, render_nginx_config
from .policy import inline_script_hashes


def write_server_files(site_dir: Path, cache_dir: Path, site_url: str, moves: Iterable[Move]) -> int:
    """Write the nginx config, then precompress every text file; return the number of `.gz` written.

    Runs once the site is complete (after Pagefind): the config's CSP hashes every inline script
    of the written pages.
    """
    hashes = inline_script_hashes(site_dir, skip=[routes.WIDGETS])
    config = site_dir / CONFIG_FILE
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(render_nginx_config(urlsplit(site_url).path, moves, hashes), encoding="utf-8")
    return write_gzip_files(site_dir, cache_dir)
