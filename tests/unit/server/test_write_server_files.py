"""write_server_files: the nginx config (with the pages' inline-script hashes and the moves) and the .gz copies."""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

from newsroom.server.nginx import CONFIG_FILE, Move
from newsroom.server.server_files import write_server_files

SITE_URL = "https://chuyendoiso.tainangviet.vn/"


def sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def test_write_server_files_writes_config_with_hashes_moves_and_gzip(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    page_script, widget_script = "var trang = 1;", "var nhung = 2;"
    body = "<p>" + "Nội dung dài. " * 40 + "</p>"
    (site / "bai-viet" / "a").mkdir(parents=True)
    (site / "bai-viet" / "a" / "index.html").write_text(f"<html><script>{page_script}</script>{body}</html>", encoding="utf-8")
    (site / "nhung" / "x").mkdir(parents=True)
    (site / "nhung" / "x" / "index.html").write_text(f"<html><script>{widget_script}</script>{body}</html>", encoding="utf-8")
    (site / "nho.txt").write_text("ngắn", encoding="utf-8")

    count = write_server_files(site, cache, SITE_URL, [Move("bai-viet/cu/", "bai-viet/a/")])

    config = (site / CONFIG_FILE).read_text(encoding="utf-8")
    assert sha256(page_script) in config
    assert sha256(widget_script) not in config  # widgets set their own CSP in a <meta>
    assert "bai-viet/cu/" in config and "bai-viet/a/" in config
    gz = site / "bai-viet" / "a" / "index.html.gz"
    assert gzip.decompress(gz.read_bytes()) == (site / "bai-viet" / "a" / "index.html").read_bytes()
    assert not (site / "nho.txt.gz").exists()  # too small to gain anything
    assert count == len(list(site.rglob("*.gz"))) >= 2


def test_write_server_files_under_a_base_path(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    write_server_files(site, tmp_path / "cache", "https://example.org/chuyen-doi-so/", [])
    assert "/chuyen-doi-so/" in (site / CONFIG_FILE).read_text(encoding="utf-8")
