"""Bytes a reader downloads for one search query: Pagefind (ours) versus Material's lunr index.

    .venv/bin/python scripts/measure_search.py --articles 2000 [--query "chuyen doi so"]

Builds a synthetic Vietnamese corpus twice with the real `mkdocs build`: once as the project is
configured (Pagefind), once with Material's `search` plugin switched back on, whose reader
downloads the whole `search/search_index.json`. For Pagefind it serves the site on loopback,
opens the search dialog in headless Chromium, types the query and adds up every response under
/pagefind/ (the UI script and style, the WASM, the index chunks and the result fragments).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_build import BIN, make_project, write_corpus  # noqa: E402


def build(root: Path) -> None:
    env = {"PATH": str(BIN) + ":/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000", "HOME": str(root)}
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--quiet"], cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without a log line per request (setting log_message on the partial did nothing)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def pagefind_bytes(site: Path, query: str) -> tuple[int, int, int]:
    from playwright.sync_api import Response, sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="networkidle")

            def record(response: Response) -> None:
                if "/pagefind/" in response.url:
                    with contextlib.suppress(Exception):  # a redirect or aborted request has no body
                        sizes[response.url] = len(response.body())

            page.on("response", record)
            page.keyboard.press("/")
            page.locator("#nr-search input.pagefind-ui__search-input").fill(query)
            page.wait_for_function("() => /\\d/.test((document.querySelector('.pagefind-ui__message') || {}).textContent || '')")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)  # the UI settles its count after the last fragment
            page.wait_for_load_state("networkidle")
            message = page.locator(".pagefind-ui__message").inner_text()
            browser.close()
    finally:
        server.shutdown()
    count = re.match(r"[\d.]+", message)  # the UI groups thousands the Vietnamese way: 1.999
    results = int(count[0].replace(".", "")) if count else 0
    return sum(sizes.values()), len(sizes), results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--query", default="chuyen doi so")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="measure-search-"))
    try:
        ours = work / "pagefind"
        ours.mkdir()
        make_project(ours)
        write_corpus(ours, args.articles)
        build(ours)
        total, requests, results = pagefind_bytes(ours / "site", args.query)
        index_size = sum(p.stat().st_size for p in (ours / "site" / "pagefind").rglob("*") if p.is_file())

        lunr = work / "lunr"
        shutil.copytree(ours, lunr, ignore=shutil.ignore_patterns("site"), symlinks=True)
        config = (lunr / "mkdocs.yml").read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search:\n      lang: vi")
        (lunr / "mkdocs.yml").write_text(config, encoding="utf-8")
        build(lunr)
        lunr_index = (lunr / "site" / "search" / "search_index.json").stat().st_size

        print(f"corpus: {args.articles} articles; query: {args.query!r} ({results} results)")
        print(
            f"Pagefind, one query:        {total / 1024:8.0f} KiB in {requests} requests (whole index on disk: {index_size / 1024 / 1024:.1f} MiB)"
        )
        print(f"Material search_index.json: {lunr_index / 1024:8.0f} KiB, downloaded whole before the first query")
        print(f"ratio: {lunr_index / total:.1f}x less with Pagefind")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
