"""The arguments of `newsroom stats`, apart from the command itself.

Building the parser must not import the statistics (charts, workbooks, the brand kit): `newsroom
check` builds the same parser, and its whole run is meant to take about a second.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def _day(text: str) -> date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ngày '{text}' không đúng dạng; ghi 2025-10-01 hoặc 01/10/2025")


def add_parser(commands: Any) -> None:
    stats = commands.add_parser("stats", help="thống kê tin bài và sáng kiến (như trang /thong-ke/)")
    stats.add_argument("--year", type=int, help="chỉ tính một năm, ví dụ 2025")
    stats.add_argument("--from", dest="first", type=_day, metavar="NGÀY", help="từ ngày (2025-10-01 hoặc 01/10/2025)")
    stats.add_argument("--to", dest="last", type=_day, metavar="NGÀY", help="đến ngày, tính cả ngày đó")
    stats.add_argument("--csv", type=Path, metavar="THƯ_MỤC", help="ghi mỗi bảng thành một tệp CSV vào thư mục này")
    stats.add_argument("--xlsx", type=Path, metavar="TỆP", help="ghi mọi bảng vào một tệp Excel (.xlsx)")
