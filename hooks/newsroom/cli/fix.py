"""`newsroom check --fix [--write]`: show (or apply) the front matter rewritten to canonical form.

A dry run by default: the diff of every file is printed and nothing is written. `--write` writes
the files; a second `newsroom check` then prints no notice for them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.fixer import plan_fixes
from ..content.taxonomy import load_taxonomies


def add_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--fix", action="store_true", help="ghi lại các giá trị đã hiểu theo dạng chuẩn (chạy thử: chỉ in thay đổi)"
    )
    check.add_argument("--write", action="store_true", help="ghi các thay đổi của --fix vào tệp")


def command_fix(root: Path, write: bool) -> int:
    fixes = plan_fixes(root, load_taxonomies())
    if not fixes:
        print("Không có giá trị nào cần ghi lại: phần thông tin đầu bài đã ở dạng chuẩn.")
        return 0
    for fix in fixes:
        sys.stdout.write(fix.diff())
    count = sum(len(fix.notices) for fix in fixes)
    if not write:
        print(f"\nChạy thử: {count} giá trị trong {len(fixes)} tệp sẽ được ghi lại như trên. Chưa ghi gì.")
        print("Ghi vào tệp: newsroom check --fix --write")
        return 0
    for fix in fixes:
        fix.write()
    print(f"\nĐã ghi lại {count} giá trị trong {len(fixes)} tệp. Chạy lại newsroom check để kiểm tra.")
    return 0
