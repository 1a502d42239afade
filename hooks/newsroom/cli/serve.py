"""`newsroom serve` and `newsroom build`: the preview and the publication as commands that work
the same on Windows, macOS and Linux (the Makefile's `make serve` and `make build` call them)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..server.port import port_taken, port_taken_message
from . import publish

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_parsers(commands: Any) -> None:
    serve = commands.add_parser("serve", help="xem trước trên máy (mkdocs serve), tự tải lại khi lưu tệp; trang biên tập /bien-tap/")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"cổng (mặc định: {DEFAULT_PORT})")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"địa chỉ (mặc định: {DEFAULT_HOST}, chỉ máy này xem được)")
    commands.add_parser("build", help="dựng và đăng trang vào site/ (như newsroom publish; make build gọi lệnh này)")


def serve_command(root: Path, host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(root / "mkdocs.yml"), "--dev-addr", f"{host}:{port}"]


def command_serve(root: Path, args: argparse.Namespace) -> int:
    host, port = str(args.host), int(args.port)
    if not 0 < port < 65536:
        print(f"Cổng {port} không hợp lệ: chọn một số từ 1 đến 65535, ví dụ newsroom serve --port {DEFAULT_PORT + 1}", file=sys.stderr)
        return 2
    try:
        taken = port_taken(host, port)
    except OSError as exc:
        print(f"Không dùng được địa chỉ {host}:{port} ({exc.strerror or exc}). Thử: newsroom serve --host {DEFAULT_HOST}", file=sys.stderr)
        return 2
    if taken:
        print(port_taken_message(port), file=sys.stderr)
        return 2
    print(f"Xem trước tại http://{host}:{port}/ (trang biên tập: http://{host}:{port}/bien-tap/). Dừng: Ctrl+C.")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1")}
    process = subprocess.Popen(serve_command(root, host, port), cwd=root, env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:  # Ctrl+C reaches mkdocs too; let it shut down
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        print("Đã dừng bản xem trước.")
        return 0


def command_build(root: Path, args: argparse.Namespace) -> int:
    """What `make build` did: `newsroom publish` into the project's site/."""
    return publish.command_publish(root, argparse.Namespace(dest=None))
