"""A real `mkdocs serve` of a fixture site, for the build and browser tests of the preview."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from sitekit import BIN, build_env

BUILD_DONE = ("Documentation built in", "Bản xem trước chưa")
"""Log text that ends one build of the preview, good or failed."""
COUNTS = re.compile(r"Trang: (\d+) trang dựng mới, (\d+) trang dùng lại từ bộ nhớ đệm, (\d+) trang giữ nguyên")
"""The build's page report: rendered, reused from the cache, kept."""


class Preview:
    def __init__(self, site: Path, cache: Path, *, verbose: bool = False, **env: str) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = site / "serve.log"
        self._log = self.log_path.open("w", encoding="utf-8")
        command = [str(BIN / "mkdocs"), "serve", *(["--verbose"] if verbose else []), "--dev-addr", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command, cwd=site, env=build_env(NEWSROOM_CACHE_DIR=str(cache), **env), stdout=self._log, stderr=subprocess.STDOUT
        )

    def get(self, path: str) -> tuple[int, str] | None:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:  # noqa: S310 - loopback only
                return int(response.status), str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return int(error.code), error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def text(self, path: str) -> str:
        got = self.get(path)
        return got[1] if got else ""

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def page_counts(self) -> list[tuple[int, int, int]]:
        """Each finished build's (rendered, reused, kept) page counts, in order."""
        return [(int(m[1]), int(m[2]), int(m[3])) for m in COUNTS.finditer(self.log())]

    def builds(self) -> int:
        log = self.log()
        return sum(log.count(marker) for marker in BUILD_DONE)

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, self.log()[-3000:]
            assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{self.log()[-3000:]}"
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()
