"""The server files of a build: the nginx config text, the CSP, the precompressed copies."""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

import pytest

from newsroom.server.compress import gzip_bytes, write_gzip_files
from newsroom.server.nginx import Move, render_nginx_config
from newsroom.server.policy import IMMUTABLE, inline_script_hashes, site_csp


def test_server_nginx_config_redirects_under_the_base_path() -> None:
    text = render_nginx_config("/cds/", [Move("tinh-thanh/ha-tay/", "tinh-thanh/ha-noi/"), Move("bai-viet/cu/", "bai-viet/moi/")], [])

    assert 'location = "/cds/bai-viet/cu/" { return 301 "/cds/bai-viet/moi/"; }' in text
    assert 'location = "/cds/bai-viet/cu/index.html" { return 301 "/cds/bai-viet/moi/"; }' in text
    assert 'location = "/cds/tinh-thanh/ha-tay/" { return 301 "/cds/tinh-thanh/ha-noi/"; }' in text
    assert "error_page 404 /cds/404.html;" in text
    assert "location ^~ /cds/nhung/ {" in text and "location ^~ /cds/anh/ {" in text
    assert text.index("bai-viet/cu/") < text.index("tinh-thanh/ha-tay/")  # sorted: stable output
    assert text.count("{") == text.count("}")


def test_server_nginx_config_same_input_same_text() -> None:
    moves = [Move("bai-viet/b/", "bai-viet/c/"), Move("bai-viet/a/", "bai-viet/c/")]
    assert render_nginx_config("/", moves, ["'sha256-x'"]) == render_nginx_config("/", reversed(moves), ["'sha256-x'"])


@pytest.mark.parametrize("bad", ['bai-viet/a";/', "bai-viet/a b/", "bai-viet/${x}/", "bai-viet/a{/"])
def test_server_nginx_config_refuses_paths_it_cannot_quote(bad: str) -> None:
    with pytest.raises(ValueError, match="nginx"):
        render_nginx_config("/", [Move(bad, "bai-viet/moi/")], [])


def test_server_nginx_config_immutable_only_for_hashed_files() -> None:
    text = render_nginx_config("/", [], [])
    blocks = [block for block in text.split("location ") if IMMUTABLE in block]
    assert [block.split(" {\n", 1)[0].strip() for block in blocks] == [
        "^~ /anh/",
        '~ "^/pagefind/(?:fragment|index|filter)/"',
        '~ "\\.[0-9a-f]{8}\\.min\\.(?:css|js)$"',
    ]


def test_server_site_csp_allows_hashed_scripts_and_wasm_only() -> None:
    csp = dict(part.split(" ", 1) for part in site_csp(["'sha256-a'", "'sha256-b'"]).split("; "))

    assert csp["script-src"] == "'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'"
    assert csp["style-src-elem"] == "'self'" and csp["style-src-attr"] == "'unsafe-inline'"
    assert csp["frame-ancestors"] == "'self'" and csp["object-src"] == "'none'"
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-inline'" not in csp["style-src"]


def test_server_inline_script_hashes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "nhung").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<script>var a=1;</script><script src="x.js"></script><script type="application/ld+json">{"a":1}</script>'
        '<script id="__config" type="application/json">{}</script><script>var a=1;</script>',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text("<SCRIPT>\nb()\n</SCRIPT>", encoding="utf-8")
    (tmp_path / "nhung" / "index.html").write_text("<script>widget()</script>", encoding="utf-8")

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert inline_script_hashes(tmp_path, skip=["nhung/"]) == sorted([sha("var a=1;"), sha("\nb()\n")])


def test_server_gzip_is_reproducible() -> None:
    data = "Chuyển đổi số ".encode() * 100
    packed = gzip_bytes(data)
    assert packed == gzip_bytes(data)
    assert packed[4:8] == b"\0\0\0\0"  # MTIME
    assert gzip.decompress(packed) == data


def test_server_write_gzip_files(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "a").mkdir(parents=True)
    big = "<p>Tin chuyển đổi số</p>\n".encode() * 50
    (site / "a" / "index.html").write_bytes(big)
    (site / "small.css").write_text("a{}", encoding="utf-8")
    (site / "anh.webp").write_bytes(b"RIFF" + bytes(1000))
    (site / "sitemap.xml").write_bytes(big)
    (site / "sitemap.xml.gz").write_bytes(b"MkDocs' own")

    assert write_gzip_files(site, cache) == 1
    assert gzip.decompress((site / "a" / "index.html.gz").read_bytes()) == big
    assert not (site / "small.css.gz").exists() and not (site / "anh.webp.gz").exists()
    assert (site / "sitemap.xml.gz").read_bytes() == b"MkDocs' own"
    again = tmp_path / "again"
    (again / "a").mkdir(parents=True)
    (again / "a" / "index.html").write_bytes(big)
    assert write_gzip_files(again, cache) == 1  # from the cache
    assert (again / "a" / "index.html.gz").read_bytes() == (site / "a" / "index.html.gz").read_bytes()
