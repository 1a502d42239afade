#!/usr/bin/env python3
"""Lighthouse (mobile) on a built site: the home page, an article and the honours gallery.

Builds nothing: run ``make build`` first (or ``make lighthouse``, which does both). The site folder is
served on loopback and npm ``lighthouse`` (from ``node_modules``, ``npm ci``) drives the system
Chromium with Lighthouse's default mobile configuration (a mid-range phone, simulated slow 4G).
Prints the four category scores per page and, below the target, the audits that cost points.
Not part of the test suite: scores depend on the machine's load.

Usage::

    .venv/bin/python scripts/lighthouse.py              # site/
    .venv/bin/python scripts/lighthouse.py path/to/site --reports test-results/lighthouse

Exits 1 when a score is below ``--target`` (95 by default).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from newsroom.server.local import serve_with_nginx

PROJECT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "font/")


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static server, plus what any production host does: gzip for text, scripts and fonts."""

    compress = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepted and path.is_file() and content_type.startswith(COMPRESSED_TYPES)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # Lighthouse drops connections it no longer needs
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, compress: bool = True) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    handler = type("Handler", (_StaticHandler,), {"compress": compress})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def first_article_url(site: Path) -> str:
    """The site-relative URL of the newest article: the first article link of /bai-viet/."""
    tree = lxml.html.fromstring((site / "bai-viet" / "index.html").read_bytes())
    for href in tree.xpath("//article//a/@href"):
        path = urlsplit(urljoin("http://site/bai-viet/", str(href))).path.lstrip("/")
        if re.fullmatch(r"bai-viet/(?!trang/)[^/]+/", path):
            return path
    raise SystemExit(f"{site}/bai-viet/index.html links to no article: is the site built?")


def pages_to_audit(site: Path) -> dict[str, str]:
    return {"trang chủ": "", "bài viết": first_article_url(site), "vinh danh": "vinh-danh/"}


def run_lighthouse(url: str, report_base: Path | None) -> dict[str, Any]:
    """Lighthouse's JSON result (LHR) for `url`; also writes HTML and JSON reports when asked."""
    outputs = ["--output=json", "--output-path=stdout"]
    if report_base is not None:
        outputs = ["--output=json", "--output=html", f"--output-path={report_base}"]
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        *outputs,
    ]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    if report_base is not None:
        lhr: dict[str, Any] = json.loads(report_base.with_name(report_base.name + ".report.json").read_text(encoding="utf-8"))
    else:
        lhr = json.loads(result.stdout)
    return lhr


def category_scores(lhr: dict[str, Any]) -> dict[str, int]:
    return {key: round(100 * (lhr["categories"][key]["score"] or 0)) for key in CATEGORIES}


def costly_audits(lhr: dict[str, Any], category: str) -> list[str]:
    """The weighted audits of `category` that did not pass, with what Lighthouse measured."""
    lines = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 0.9:
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"{ref['id']}: {audit['title']}{shown}, score {audit['score']:.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=PROJECT / "site", help="the built site folder (default: site/)")
    parser.add_argument("--target", type=int, default=95, help="the lowest acceptable score (default: 95)")
    parser.add_argument("--reports", type=Path, help="also write each page's HTML and JSON report into this folder")
    parser.add_argument("--no-gzip", action="store_true", help="serve without compression (Python's plain static server)")
    parser.add_argument("--nginx", action="store_true", help="serve with nginx and the config the build wrote (.server/nginx.conf)")
    args = parser.parse_args(argv)

    site: Path = args.site.resolve()
    if not (site / "index.html").is_file():
        parser.error(f"{site} holds no built site: run `make build` first")
    if not LIGHTHOUSE.exists():
        parser.error(f"{LIGHTHOUSE.relative_to(PROJECT)} is missing: run `npm ci`")
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)

    below = False
    if args.nginx:
        server = serve_with_nginx(site, Path(tempfile.mkdtemp(prefix="lighthouse-nginx-")))
        how = "by nginx with the generated config"
    else:
        server = serve(site, compress=not args.no_gzip)
        how = "without compression" if args.no_gzip else "with gzip"
    with server as base_url:
        print(f"Lighthouse, mobile, {site} served on loopback {how}")
        print(f"{'trang':<12} {'URL':<60} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        for name, url in pages_to_audit(site).items():
            report_base = args.reports / (re.sub(r"\W+", "-", url).strip("-") or "trang-chu") if args.reports else None
            lhr = run_lighthouse(base_url + url, report_base)
            scores = category_scores(lhr)
            print(f"{name:<12} {'/' + url:<60} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES), flush=True)
            for category in CATEGORIES:
                if scores[category] < args.target:
                    below = True
                    for line in costly_audits(lhr, category):
                        print(f"    {category}: {line}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
