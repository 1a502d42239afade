"""The report's addresses, from the route table."""

from __future__ import annotations

from .. import routes

PAGE = routes.STATISTICS
WORKBOOK = routes.STATISTICS_WORKBOOK
csv_path = routes.statistics_csv
svg_path = routes.statistics_svg
