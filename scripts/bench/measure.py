"""Timing, peak memory and size of one build, and the `mkdocs serve` save-to-page time.

Each build runs under a fresh wrapper process (`python -m scripts.bench.measure CMD...`) whose
RUSAGE_CHILDREN peak is the build's own process tree (the largest process in it), not an accumulation.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .corpus import edit_title
from .tool import Site


@dataclass
class Build:
    seconds: float
    peak_rss: int  # bytes


def environment(site: Site) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "NEWSROOM_CACHE_DIR")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(site.env)
    return env


def build(site: Site, log: Path) -> Build:
    """Run the site's build under the wrapper; a failing build stops the benchmark with its log."""
    wrapper = [sys.executable, "-m", "scripts.bench.measure", *site.command]
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ (cd {site.root} && {' '.join(site.command)})\n")
        out.flush()
        # PYTHONPATH: the project, so `-m scripts.bench.measure` resolves from the site's folder
        env = {**environment(site), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        result = subprocess.run(wrapper, cwd=site.root, env=env, stdout=subprocess.PIPE, stderr=out, text=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["returncode"] != 0:
        raise SystemExit(f"{site.name}: build failed (exit {figures['returncode']}); see {log}")
    return Build(seconds=figures["seconds"], peak_rss=figures["peak_rss"])


def site_size(output: Path) -> tuple[int, int]:
    """(bytes, files) of a built site; `du -sb` counts hard-linked files once."""
    done = subprocess.run(["du", "-sb", str(output)], capture_output=True, text=True, check=True)
    files = sum(len(names) for _, _, names in os.walk(output))
    return int(done.stdout.split()[0]), files


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def serve_save_to_page(site: Site, url_path: str, marker: str, log: Path, *, timeout: float = 600.0) -> float | None:
    """Start `mkdocs serve`, wait for the page, edit the article's title, time until the page shows it (None: timeout)."""
    port = free_port()
    command = [site.command[0], "serve", "--dev-addr", f"127.0.0.1:{port}"]
    url = f"http://127.0.0.1:{port}/{url_path}"
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ (cd {site.root} && {' '.join(command)})\n")
        out.flush()
        server = subprocess.Popen(command, cwd=site.root, env=environment(site), stdout=out, stderr=out)
        try:
            start = time.monotonic()
            while _get(url) is None:
                if server.poll() is not None or time.monotonic() - start > 1800:
                    raise SystemExit(f"mkdocs serve did not come up; see {log}")
                time.sleep(0.5)
            time.sleep(2)  # let the watcher settle after the startup build
            edit_title(site.edit_target, marker)
            saved = time.monotonic()
            while time.monotonic() - saved < timeout:
                page = _get(url)
                if page is not None and marker in page:
                    return time.monotonic() - saved
                time.sleep(0.1)
            return None
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wrapper(command: list[str]) -> None:
    start = time.perf_counter()
    returncode = subprocess.run(command, stdout=sys.stderr).returncode
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"returncode": returncode, "seconds": seconds, "peak_rss": peak}))


if __name__ == "__main__":
    _wrapper(sys.argv[1:])
