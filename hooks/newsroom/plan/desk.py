"""The desk (/bien-tap/): the editor's view of the preview, built only by `mkdocs serve`.

Drafts, scheduled entries with the time each goes live, entries the last build warned about,
the most recently edited files; each with its share card as Facebook or Zalo shows it (the card
image, the site's domain, the title) and a link to its preview page; counts per section and
province. It is a preview-only page (MkDocs' draft inclusion), so `mkdocs build` never writes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .. import routes
from ..content.catalog import Catalog
from ..content.dates import to_vn
from ..content.errors import ContentWarning
from ..content.model import Entry
from .site_plan import PageSpec, SitePlan

TITLE = "Bàn biên tập"
DESCRIPTION = "Bản nháp, bài hẹn giờ, bài có cảnh báo và bài sửa gần đây của bản xem trước (chỉ có khi chạy newsroom serve)."
RECENT = 10
STATUS_LABELS = {"published": "Đã đăng", "draft": "Bản nháp", "scheduled": "Hẹn giờ"}
SECTION_LABELS = {"news": "Tin bài", "initiative": "Sáng kiến"}


def vn_time(moment: datetime) -> str:
    """'03/10/2025 08:30', Vietnam time."""
    return f"{to_vn(moment):%d/%m/%Y %H:%M}"


@dataclass(frozen=True)
class DeskItem:
    title: str
    description: str
    url: str
    """Site-relative URL of the entry's preview page."""
    card_url: str
    """Site-relative URL of its share card image."""
    source: str
    status: str
    status_label: str
    section_label: str
    province: str
    goes_live: str
    """Vietnam time the entry is published at (for a scheduled entry, when it goes live)."""
    edited: str
    """Vietnam time of the content file's last change."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountRow:
    label: str
    published: int
    draft: int
    scheduled: int

    @property
    def total(self) -> int:
        return self.published + self.draft + self.scheduled


@dataclass(frozen=True)
class DeskView:
    heading: str
    description: str
    domain: str
    """The host the share cards name ('chuyendoiso.tainangviet.vn')."""
    drafts: tuple[DeskItem, ...]
    scheduled: tuple[DeskItem, ...]
    warned: tuple[DeskItem, ...]
    recent: tuple[DeskItem, ...]
    sections: tuple[CountRow, ...]
    provinces: tuple[CountRow, ...]


def _counts(catalog: Catalog, entries: Iterable[Entry], label_of: dict[str, str], key_of: object) -> tuple[CountRow, ...]:
    counter: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        counter[(key_of(entry), catalog.status(entry))] += 1  # type: ignore[operator]
    keys = sorted({k for k, _ in counter}, key=lambda k: label_of.get(k, k))
    return tuple(
        CountRow(label_of.get(k, k), counter[(k, "published")], counter[(k, "draft")], counter[(k, "scheduled")]) for k in keys
    )


_SITE_URL_RE = re.compile(r"^site_url:\s*['\"]?([^\s'\"#]+)", re.M)


def published_domain(root: Path, site_url: str) -> str:
    """The host the share cards will name once published: mkdocs.yml's `site_url` (under `mkdocs serve`
    the config's site_url is the local address)."""
    try:
        match = _SITE_URL_RE.search((root / "mkdocs.yml").read_text(encoding="utf-8"))
    except OSError:
        match = None
    return urlsplit(match.group(1) if match else site_url).hostname or ""


def build_desk_view(
    catalog: Catalog, root: Path, site_url: str, warnings: Iterable[ContentWarning] = ()
) -> DeskView:
    by_source: dict[str, list[str]] = {}
    for warning in warnings:
        by_source.setdefault(warning.path, []).append(warning.format().removeprefix("Cảnh báo: "))
    mtimes: dict[str, float] = {}
    for entry in catalog.entries:
        try:
            mtimes[entry.source] = (root / entry.source).stat().st_mtime
        except OSError:
            mtimes[entry.source] = 0.0

    def item(entry: Entry) -> DeskItem:
        status = catalog.status(entry)
        return DeskItem(
            title=entry.title,
            description=entry.description,
            url=entry.url,
            card_url=routes.card(entry.url),
            source=entry.source,
            status=status,
            status_label=STATUS_LABELS[status],
            section_label=SECTION_LABELS.get(entry.kind, entry.kind),
            province=entry.province.unit.name if entry.province else "",
            goes_live=vn_time(entry.date),
            edited=vn_time(datetime.fromtimestamp(mtimes[entry.source], UTC)),
            warnings=tuple(by_source.get(entry.source, ())),
        )

    entries = sorted(catalog.entries, key=lambda e: e.date)
    drafts = [item(e) for e in entries if catalog.status(e) == "draft"]
    scheduled = [item(e) for e in entries if catalog.status(e) == "scheduled"]
    warned = [item(e) for e in entries if e.source in by_source]
    recent = [item(e) for e in sorted(catalog.entries, key=lambda e: (-mtimes[e.source], e.source))[:RECENT]]
    provinces = {e.province.unit.key: e.province.unit.name for e in catalog.entries if e.province}
    return DeskView(
        heading=TITLE,
        description=DESCRIPTION,
        domain=published_domain(root, site_url),
        drafts=tuple(drafts),
        scheduled=tuple(scheduled),
        warned=tuple(warned),
        recent=tuple(recent),
        sections=_counts(catalog, catalog.entries, SECTION_LABELS, lambda e: e.kind),
        provinces=_counts(
            catalog,
            catalog.entries,
            {**provinces, "": "(không ghi tỉnh, thành)"},
            lambda e: e.province.unit.key if e.province else "",
        ),
    )


def add_desk_page(plan: SitePlan, catalog: Catalog, root: Path, site_url: str, warnings: Iterable[ContentWarning] = ()) -> None:
    """Put /bien-tap/ into a preview's site plan (never called for `mkdocs build`); `warnings`: those
    this build logged while loading the content."""
    view = build_desk_view(catalog, root, site_url, warnings)
    plan.pages.append(
        PageSpec(
            routes.page_source(routes.DESK),
            TITLE,
            "newsroom/desk.html",
            view,
            description=DESCRIPTION,
            preview_only=True,
            indexable=False,
        )
    )
