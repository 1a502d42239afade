"""/thong-ke/ as a page of the site plan: charts, tables and their downloads as generated files."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import routes
from ..brand.kit_model import Brand
from ..content.catalog import Catalog
from ..content.dates import format_vn_datetime
from ..content.taxonomy import Taxonomies
from ..plan.site_plan import PageSpec, SitePlan
from ..plan.social import DEFAULT_CARD_SPEC, page_social
from .charts import Palette, bar_chart
from .figures import Table, Window, compute
from .table_files import table_csv, workbook_xlsx

TITLE = "Thống kê"
DESCRIPTION = (
    "Số liệu tin bài và sáng kiến số theo tỉnh, thành, chuyên mục, lĩnh vực, giải thưởng và thời gian,"
    " tổng cộng và trong đợt cao điểm hưởng ứng Ngày Chuyển đổi số quốc gia."
)


@dataclass(frozen=True)
class ChartView:
    table: Table
    svg: Markup
    csv_url: str
    svg_url: str


@dataclass(frozen=True)
class StatsView:
    heading: str
    description: str
    window_label: str
    as_of: str
    articles: int
    initiatives: int
    charts: tuple[ChartView, ...]
    workbook_url: str


@dataclass(frozen=True)
class StatsPage:
    view: StatsView
    files: dict[str, bytes]
    """site path -> content: one CSV and one SVG per table, and the workbook."""


def window_of(brand: Brand | None) -> Window:
    """The campaign window of the brand kit (brand.yml `campaign`), else 1-10 October."""
    return Window(brand.campaign.start, brand.campaign.end) if brand else Window()


def palette_of(brand: Brand | None) -> Palette:
    if brand is None:
        return Palette()
    return Palette(total=brand.colors.primary, window=brand.colors.accent, text=brand.colors.text)


def build_stats_page(catalog: Catalog, taxonomies: Taxonomies, brand: Brand | None) -> StatsPage:
    window = window_of(brand)
    tables = compute(catalog, taxonomies, window)
    palette = palette_of(brand)
    files: dict[str, bytes] = {routes.STATISTICS_WORKBOOK: workbook_xlsx(tables)}
    charts = []
    for table in tables:
        svg = bar_chart(table, window.label(), palette)
        files[routes.statistics_csv(table.key)] = table_csv(table)
        files[routes.statistics_svg(table.key)] = ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n").encode("utf-8")
        charts.append(ChartView(table, Markup(svg), routes.statistics_csv(table.key), routes.statistics_svg(table.key)))  # noqa: S704
    view = StatsView(
        heading=TITLE,
        description=DESCRIPTION,
        window_label=window.label(),
        as_of=format_vn_datetime(catalog.now),
        articles=len(catalog.articles()),
        initiatives=len(catalog.initiatives()),
        charts=tuple(charts),
        workbook_url=routes.STATISTICS_WORKBOOK,
    )
    return StatsPage(view, files)


def add_stats_page(plan: SitePlan, catalog: Catalog, taxonomies: Taxonomies, brand: Brand | None, site_url: str) -> None:
    """Put /thong-ke/ and its downloads into the site plan."""
    page = build_stats_page(catalog, taxonomies, brand)
    plan.pages.append(
        PageSpec(
            routes.page_source(routes.STATISTICS),
            TITLE,
            "newsroom/stats.html",
            page.view,
            description=DESCRIPTION,
            social=page_social(DEFAULT_CARD_SPEC, site_url, routes.STATISTICS, TITLE, DESCRIPTION),
        )
    )
    plan.outputs.update(page.files)
