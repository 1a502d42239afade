"""`newsroom publish` and `newsroom rollback`: the site switched in one step (what `make build` runs)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..publish.versions import PublishError, publish, rollback, versions_dir


def add_parsers(commands: Any) -> None:
    publishing = commands.add_parser("publish", help="dựng trang (mkdocs build --strict) rồi chuyển site/ sang bản mới trong một bước")
    publishing.add_argument("--dest", type=Path, metavar="THƯ_MỤC", help="đường dẫn được phục vụ (mặc định: site/ của dự án)")
    back = commands.add_parser("rollback", help="chuyển site/ về bản đã đăng trước đó")
    back.add_argument("--dest", type=Path, metavar="THƯ_MỤC", help="đường dẫn được phục vụ (mặc định: site/ của dự án)")


def mkdocs_builder(root: Path, dest: Path) -> Callable[[Path], None]:
    """`mkdocs build --strict -d FOLDER` of the project: MkDocs' own output, in the terminal."""

    def build(folder: Path) -> None:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(folder)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1")}
        result = subprocess.run(command, cwd=root, env=env, check=False)
        if result.returncode != 0:
            raise PublishError(f"Dựng trang không thành công (xem lỗi ở trên): {dest.name} vẫn là bản đang đăng, không đổi.")

    return build


def _dest(root: Path, args: argparse.Namespace) -> Path:
    given: Path | None = args.dest
    return given.absolute() if given is not None else root / "site"


def command_publish(root: Path, args: argparse.Namespace) -> int:
    dest = _dest(root, args)
    try:
        folder = publish(dest, mkdocs_builder(root, dest))
    except PublishError as problem:
        print(problem, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Lỗi khi chuyển {dest} sang bản mới ({exc.strerror or exc}); chạy lại 'newsroom publish'.", file=sys.stderr)
        return 1
    print(f"Đã đăng: {dest.name} → {versions_dir(dest).name}/{folder.name}. Quay lại bản trước: newsroom rollback.")
    return 0


def command_rollback(root: Path, args: argparse.Namespace) -> int:
    dest = _dest(root, args)
    try:
        folder = rollback(dest)
    except PublishError as problem:
        print(problem, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Lỗi khi chuyển {dest} về bản trước ({exc.strerror or exc}); chạy lại 'newsroom rollback'.", file=sys.stderr)
        return 1
    print(f"Đã quay lại: {dest.name} → {versions_dir(dest).name}/{folder.name}. Chạy lại lệnh này để về bản mới hơn.")
    return 0
