"""The report's addresses, defined once (site-relative)."""

from __future__ import annotations

PAGE = "thong-ke/"
WORKBOOK = "thong-ke/thong-ke.xlsx"


def csv_path(table_key: str) -> str:
    return f"thong-ke/{table_key}.csv"


def svg_path(table_key: str) -> str:
    return f"thong-ke/{table_key}.svg"
