"""`newsroom cms` (`make cms`): the editing desk on this machine in one command.

Starts Decap's local proxy (npm `decap-server`, from the project's node_modules, writing into the
project folder) on 127.0.0.1:8081 and the preview (`mkdocs serve`) on 127.0.0.1:8000; the desk is
at http://127.0.0.1:8000/admin/. Ctrl+C stops both; when one stops, the other is stopped too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .. import routes
from ..cli.serve import DEFAULT_HOST, DEFAULT_PORT, serve_command
from ..server.port import port_taken, port_taken_message
from .admin_page import INSTALL_HINT, REPOSITORY
from .forms import PROXY_PORT, PROXY_PORT_ENV

PROXY_SCRIPT = Path("node_modules") / "decap-server" / "dist" / "index.js"


def add_parser(commands: Any) -> None:
    cms = commands.add_parser("cms", help="trang biên tập /admin/ trên máy: bản xem trước và proxy cục bộ của Decap CMS")
    cms.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"cổng của bản xem trước (mặc định: {DEFAULT_PORT})")
    cms.add_argument("--proxy-port", type=int, default=PROXY_PORT, help=f"cổng của proxy cục bộ (mặc định: {PROXY_PORT})")


def proxy_script(root: Path) -> Path | None:
    for base in (root, REPOSITORY):
        if (base / PROXY_SCRIPT).is_file():
            return base / PROXY_SCRIPT
    return None


def proxy_command(root: Path) -> list[str] | None:
    script, node = proxy_script(root), shutil.which("node")
    return [node, str(script)] if script is not None and node is not None else None


def proxy_env(root: Path, port: int = PROXY_PORT) -> dict[str, str]:
    return {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": DEFAULT_HOST,
        "GIT_REPO_DIRECTORY": str(root),
        "MODE": "fs",
        "LOG_LEVEL": "warn",
    }


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def command_cms(root: Path, args: argparse.Namespace) -> int:
    port, proxy_port = int(args.port), int(args.proxy_port)
    command = proxy_command(root)
    if command is None:
        print(f"Chưa cài proxy của Decap CMS (decap-server) hoặc Node.js: {INSTALL_HINT}", file=sys.stderr)
        return 2
    for taken in (port, proxy_port):
        if port_taken(DEFAULT_HOST, taken):
            print(port_taken_message(taken).replace("newsroom serve", "newsroom cms"), file=sys.stderr)
            return 2
    print(
        f"Trang biên tập: http://{DEFAULT_HOST}:{port}/{routes.ADMIN} (bản xem trước: http://{DEFAULT_HOST}:{port}/). "
        "Bài lưu trong trang biên tập được ghi thẳng vào thư mục articles/. Dừng: Ctrl+C."
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1"), PROXY_PORT_ENV: str(proxy_port)}
    proxy = subprocess.Popen(command, cwd=root, env=proxy_env(root, proxy_port))
    preview = subprocess.Popen(serve_command(root, DEFAULT_HOST, port), cwd=root, env=env)
    try:
        while proxy.poll() is None and preview.poll() is None:
            time.sleep(0.5)
        if proxy.poll() is not None and preview.poll() is None:
            print("Proxy của trang biên tập đã dừng: dừng cả bản xem trước.", file=sys.stderr)
        return preview.returncode or proxy.returncode or 0
    except KeyboardInterrupt:  # Ctrl+C reaches both; give them time to shut down
        print("Đã dừng trang biên tập và bản xem trước.")
        return 0
    finally:
        _stop(preview)
        _stop(proxy)
