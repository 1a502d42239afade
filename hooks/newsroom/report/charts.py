"""Report charts as static SVG drawn here: horizontal bars, total and campaign window per label.

Each chart carries role="img", a <title> and a <desc> (named by aria-labelledby) so a screen reader
announces it; the data table printed below the chart holds the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from .figures import HEADERS, Table

ROW = 26
BAR = 9
LABEL_W = 170
BAR_W = 360
NUM_W = 60
TOP = 34


@dataclass(frozen=True)
class Palette:
    total: str = "#0b3d91"
    window: str = "#da251d"
    text: str = "#1a1a1a"
    grid: str = "#d0d4dc"


def describe(table: Table, window_label: str) -> str:
    """The chart's <desc>: the top rows in words, so the picture has a text equivalent."""
    shown = [r for r in table.rows if r.total][:5]
    if not shown:
        return f"{table.title}: chưa có số liệu."
    parts = "; ".join(f"{r.label}: {r.total} (đợt cao điểm {r.in_window})" for r in shown)
    more = (
        f"; và {len([r for r in table.rows if r.total]) - len(shown)} mục khác"
        if len(shown) < len([r for r in table.rows if r.total])
        else ""
    )
    return f"{table.title}, tổng và trong đợt cao điểm {window_label}. {parts}{more}. Số liệu đầy đủ ở bảng bên dưới."


def bar_chart(table: Table, window_label: str, palette: Palette = Palette(), id_prefix: str = "") -> str:
    """A horizontal bar chart of `table` (one row per label, two bars) as an SVG string."""
    prefix = id_prefix or f"bieu-do-{table.key}"
    rows = table.rows
    peak = max([r.total for r in rows] + [1])
    width = LABEL_W + BAR_W + NUM_W
    height = TOP + ROW * max(len(rows), 1) + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="nr-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc">',
        f'<title id="{prefix}-title">{escape(table.title)}</title>',
        f'<desc id="{prefix}-desc">{escape(describe(table, window_label))}</desc>',
        f'<g font-family="inherit" font-size="12" fill="{palette.text}">',
        f'<rect x="{LABEL_W}" y="6" width="12" height="12" fill="{palette.total}"/>'
        f'<text x="{LABEL_W + 18}" y="16">{escape(HEADERS[0])}</text>',
        f'<rect x="{LABEL_W + 90}" y="6" width="12" height="12" fill="{palette.window}"/>'
        f'<text x="{LABEL_W + 108}" y="16">{escape(HEADERS[1])} ({escape(window_label)})</text>',
    ]
    for index, row in enumerate(rows):
        y = TOP + index * ROW
        total_w = round(BAR_W * row.total / peak, 1)
        window_w = round(BAR_W * row.in_window / peak, 1)
        out.append(
            f'<text x="{LABEL_W - 8}" y="{y + BAR + 4}" text-anchor="end">{escape(row.label)}</text>'
            f'<line x1="{LABEL_W}" x2="{LABEL_W}" y1="{y - 2}" y2="{y + ROW - 4}" stroke="{palette.grid}"/>'
            f'<rect x="{LABEL_W}" y="{y}" width="{total_w}" height="{BAR}" fill="{palette.total}"/>'
            f'<rect x="{LABEL_W}" y="{y + BAR + 1}" width="{window_w}" height="{BAR}" fill="{palette.window}"/>'
            f'<text x="{LABEL_W + total_w + 6}" y="{y + BAR + 4}">{row.total}/{row.in_window}</text>'
        )
    out.append("</g></svg>")
    return "\n".join(out)
