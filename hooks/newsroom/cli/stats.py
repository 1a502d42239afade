"""`newsroom stats`: the /thong-ke/ figures in the terminal, and as CSV files or one workbook."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..brand.site_brand import load_site_brand
from ..cache import cache_dir_of
from ..content.catalog import load_catalog
from ..content.dates import build_now
from ..content.errors import ContentErrors
from ..content.taxonomy import load_taxonomies
from ..report.figures import Period, Table, compute
from ..report.page import window_of
from ..report.table_files import table_csv, workbook_xlsx


def render(table: Table) -> str:
    """A table as aligned text: labels left, numbers right."""
    cells = [list(table.headers)] + [[r.label, str(r.total), str(r.in_window)] for r in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(3)]

    def line(row: list[str]) -> str:
        return "  ".join([row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].rjust(widths[2])])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([table.title.upper(), line(cells[0]), rule, *(line(row) for row in cells[1:])])


def command_stats(root: Path, args: argparse.Namespace) -> int:
    first, last = args.first, args.last
    if args.year is not None:
        if first or last:
            print("Dùng --year hoặc --from/--to, không dùng cùng lúc.", file=sys.stderr)
            return 2
        first, last = date(args.year, 1, 1), date(args.year, 12, 31)
    if first and last and first > last:
        print(f"--from ({first:%d/%m/%Y}) phải trước --to ({last:%d/%m/%Y}).", file=sys.stderr)
        return 2
    taxonomies = load_taxonomies()
    try:
        catalog = load_catalog(root, taxonomies, build_now(), cache_dir=cache_dir_of(root))
    except ContentErrors as problems:
        print(problems.format(), file=sys.stderr)
        print("Sửa các lỗi trên rồi chạy lại 'newsroom stats'.", file=sys.stderr)
        return 1
    try:
        brand = load_site_brand(root)
    except ContentErrors:
        brand = None  # no kit (or a broken one, which the build reports): the default window, 1-10 October
    window = window_of(brand)
    tables = compute(catalog, taxonomies, window, Period(first, last))
    span = "mọi thời gian" if not (first or last) else f"từ {first:%d/%m/%Y} " if first else ""
    if last:
        span += f"đến {last:%d/%m/%Y}"
    print(f"Thống kê bài đã đăng ({span.strip()}); cột cuối: trong đợt cao điểm {window.label()} hằng năm.\n")
    print("\n\n".join(render(t) for t in tables))
    if args.csv:
        args.csv.mkdir(parents=True, exist_ok=True)
        for table in tables:
            (args.csv / f"{table.key}.csv").write_bytes(table_csv(table))
        print(f"\nĐã ghi {len(tables)} tệp CSV vào {args.csv}.")
    if args.xlsx:
        args.xlsx.parent.mkdir(parents=True, exist_ok=True)
        args.xlsx.write_bytes(workbook_xlsx(tables))
        print(f"Đã ghi tệp Excel {args.xlsx}.")
    return 0
