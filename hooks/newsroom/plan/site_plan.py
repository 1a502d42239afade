"""Which pages the column has (the URL scheme: CONTRIBUTING.md, URLs): articles, initiatives, listings, indexes, home, redirects.

`build_site_plan` is pure: from the catalog and settings it decides every generated page, file
copy and redirect; the MkDocs hook only turns the plan into virtual files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from .. import routes
from ..content.catalog import Catalog
from ..content.model import Article, Asset, Entry, Initiative
from ..content.taxonomy import Taxonomies
from ..site_constants import SITE_DESCRIPTION, SITE_TITLE
from .column_settings import NewsroomSettings
from .paginate import paginate
from .related import find_related
from .social import DEFAULT_CARD_SPEC, CardSpec, SocialMeta, entry_card, entry_social, listing_card, page_social
from .views import (
    NOMINATED_KEY,
    Card,
    CategoryBlock,
    FeedLinks,
    FilterOption,
    GalleryView,
    HomeView,
    IndexItem,
    IndexView,
    ListingView,
    build_card,
    build_entry_view,
    build_gallery_card,
    category_url,
    gallery_url,
    province_url,
    tag_url,
    year_url,
)


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    view: Any
    markdown: str = ""
    description: str = ""
    preview_only: bool = False
    """Drafts and scheduled entries: built by `mkdocs serve`, never by `mkdocs build`."""
    indexable: bool = True
    """False for listings: search engines should index entries, not the pages that list them."""
    social: SocialMeta | None = None

    @property
    def meta(self) -> dict[str, Any]:
        """What the page's templates read from `page.meta`."""
        meta: dict[str, Any] = {
            # Material prints these into <title>, <meta> and the header without escaping them.
            "title": escape(self.title),
            "template": self.template,
            "description": escape(self.description),
            "view": self.view,
            # Entries keep their table of contents; listings use the full width for cards.
            "hide": ["navigation"] if self.markdown else ["navigation", "toc"],
            "social": self.social,
        }
        if not self.indexable:
            meta["robots"] = "noindex, follow"
        return meta


@dataclass(frozen=True)
class FeedSpec:
    """One subscribable stream: RSS/Atom/JSON at `<base>.xml|.atom|.json`, an iframe widget and a script widget."""

    key: str
    """e.g. 'toan-chuyen-muc', 'chuyen-muc/tap-huan', 'tinh-thanh/ha-noi', 'vinh-danh'."""
    group: str
    title: str
    description: str
    page_url: str
    """The listing the feed follows ('' for the home page)."""
    entries: tuple[Entry, ...]

    @property
    def widget_url(self) -> str:
        return routes.widget(self.key)

    @property
    def script_url(self) -> str:
        return routes.widget_script(self.key)


@dataclass(frozen=True)
class CopiedFile:
    """An entry's local file (image, attachment); images are served as their processed variants."""

    folder: str
    """The entry page's folder (site-relative URL)."""
    asset: Asset
    preview_only: bool = False


@dataclass(frozen=True)
class Redirect:
    src_uri: str
    """e.g. 'bai-viet/<old-slug>/index.html'."""
    target_url: str
    """Site-relative URL of the page it points to."""


@dataclass
class SitePlan:
    pages: list[PageSpec] = field(default_factory=list)
    files: list[CopiedFile] = field(default_factory=list)
    redirects: list[Redirect] = field(default_factory=list)
    feeds: list[FeedSpec] = field(default_factory=list)
    cards: dict[str, CardSpec] = field(default_factory=lambda: {DEFAULT_CARD_SPEC.uri: DEFAULT_CARD_SPEC})
    """Social cards to draw, by site path."""
    entry_pages: dict[str, Entry] = field(default_factory=dict)
    """src_uri -> entry, for the pages whose bodies are editor Markdown."""
    outputs: dict[str, bytes] = field(default_factory=dict)
    """Generated downloads (site path -> content), e.g. the report's CSV, SVG and XLSX files."""


def build_site_plan(
    catalog: Catalog, taxonomies: Taxonomies, settings: NewsroomSettings, site_url: str, preview: bool
) -> SitePlan:
    plan = SitePlan()
    articles = catalog.articles(preview)
    initiatives = catalog.initiatives(preview)
    cards: dict[str, Card] = {e.source: build_card(e, catalog.status(e)) for e in [*articles, *initiatives]}

    def cards_of(entries: list[Article] | list[Initiative] | list[Entry]) -> list[Card]:
        return [cards[e.source] for e in entries]

    _add_entries(plan, catalog, articles, cards, settings, site_url, "newsroom/article.html")
    _add_entries(plan, catalog, initiatives, cards, settings, site_url, "newsroom/initiative.html")

    def feed(key: str, group: str, title: str, description: str, page_url: str, entries: list[Any]) -> FeedSpec:
        published = [e for e in entries if catalog.status(e) == "published"]  # never a draft, not even in a preview
        spec = FeedSpec(key, group, title, description, page_url, tuple(published[: settings.feed_items]))
        plan.feeds.append(spec)
        return spec

    def listing(
        base: str,
        heading: str,
        kicker: str,
        description: str,
        entries: list[Any],
        empty: str = "Chưa có bài viết.",
        feed_spec: FeedSpec | None = None,
    ) -> None:
        links = FeedLinks.of(feed_spec) if feed_spec else None
        card = listing_card(base, heading, kicker)
        plan.cards[card.uri] = card
        for pager in paginate(cards_of(entries), base, settings.per_page):
            title = heading if pager.number == 1 else f"{heading} – trang {pager.number}"
            plan.pages.append(
                PageSpec(
                    routes.page_source(pager.url),
                    title,
                    "newsroom/listing.html",
                    ListingView(heading, kicker, description, pager, empty, links),
                    description=description,
                    indexable=False,
                    social=page_social(card, site_url, pager.url, title, description),
                )
            )

    by_category: dict[str, list[Article]] = defaultdict(list)
    by_unit: dict[str, list[Article]] = defaultdict(list)
    by_tag: dict[str, list[Article]] = defaultdict(list)
    by_year: dict[int, list[Article]] = defaultdict(list)
    tag_names: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        by_category[article.category.key].append(article)
        if article.province:
            by_unit[article.province.unit.key].append(article)
        for tag in article.tags:
            by_tag[tag.slug].append(article)
            tag_names[tag.slug][tag.name] += 1
        by_year[article.year].append(article)

    column = feed(routes.COLUMN_FEED_KEY, "Toàn chuyên mục", SITE_TITLE, SITE_DESCRIPTION, "", articles)
    listing(
        routes.ALL_ARTICLES, "Tất cả tin bài", "Tin bài", "Tất cả tin bài của chuyên mục, mới nhất trước.", articles, feed_spec=column
    )
    categories = list(taxonomies.categories)
    for term in categories:
        members = by_category[term.key]
        spec = feed(
            routes.feed_key(category_url(term)),
            "Theo chuyên mục",
            f"{term.name} – {SITE_TITLE}",
            term.description,
            category_url(term),
            members,
        )
        listing(category_url(term), term.name, "Chuyên mục", term.description, members, feed_spec=spec)
    units = sorted(taxonomies.provinces.units.values(), key=lambda t: t.name)
    for unit in units:
        merged = [p.name for p in taxonomies.provinces.legacy.values() if p.unit.key == unit.key]
        note = f"Gồm cả tin bài của {', '.join(merged)} trước khi sáp nhập." if merged else ""
        description = f"Tin bài chuyển đổi số tại {unit.name}. {note}".strip()
        spec = feed(
            routes.feed_key(province_url(unit)),
            "Theo tỉnh, thành",
            f"{unit.name} – {SITE_TITLE}",
            description,
            province_url(unit),
            by_unit[unit.key],
        )
        listing(province_url(unit), unit.name, "Tỉnh, thành", description, by_unit[unit.key], feed_spec=spec)
    for legacy in taxonomies.provinces.legacy.values():
        plan.redirects.append(Redirect(routes.html_file(routes.province(legacy.key)), province_url(legacy.unit)))
    display = {slug: names.most_common(1)[0][0] for slug, names in tag_names.items()}
    for slug, members in sorted(by_tag.items()):
        listing(tag_url(slug), display[slug], "Thẻ", f"Các bài viết gắn thẻ “{display[slug]}”.", members)
    for year, members in sorted(by_year.items(), reverse=True):
        listing(year_url(year), f"Năm {year}", "Lưu trữ", f"Các bài viết đăng trong năm {year}.", members)
    honours_text = "Các sáng kiến, sản phẩm số tiêu biểu của thanh thiếu nhi được phát hiện, tôn vinh."
    honours = feed(
        routes.feed_key(routes.GALLERY), "Vinh danh", f"Vinh danh sáng kiến số – {SITE_TITLE}", honours_text, routes.GALLERY, initiatives
    )
    _add_gallery(plan, catalog, taxonomies, initiatives, honours_text, FeedLinks.of(honours), site_url)

    def index(url: str, heading: str, description: str, items: list[IndexItem]) -> None:
        plan.pages.append(
            PageSpec(
                routes.page_source(url),
                heading,
                "newsroom/index.html",
                IndexView(heading, description, items),
                description=description,
                indexable=False,
                social=page_social(DEFAULT_CARD_SPEC, site_url, url, heading, description),
            )
        )

    index(
        routes.CATEGORIES,
        "Chuyên mục",
        "Tin bài chuyển đổi số theo chuyên mục.",
        [IndexItem(t.name, category_url(t), len(by_category[t.key]), t.description) for t in categories],
    )
    index(
        routes.PROVINCES,
        "Tỉnh, thành",
        "Tin bài theo 34 tỉnh, thành (đơn vị hành chính từ ngày 01/7/2025).",
        [IndexItem(u.name, province_url(u), len(by_unit[u.key])) for u in units],
    )
    index(
        routes.TAGS,
        "Thẻ",
        "Tất cả các thẻ của chuyên mục.",
        [IndexItem(display[s], tag_url(s), len(m)) for s, m in sorted(by_tag.items(), key=lambda i: (-len(i[1]), i[0]))],
    )
    index(
        routes.ARCHIVE,
        "Lưu trữ",
        "Tin bài theo năm.",
        [IndexItem(f"Năm {y}", year_url(y), len(m)) for y, m in sorted(by_year.items(), reverse=True)],
    )

    featured = [a for a in articles if a.featured][:3]
    featured_ids = {a.source for a in featured}
    home = HomeView(
        featured=cards_of(featured),
        latest=cards_of([a for a in articles if a.source not in featured_ids][: settings.home_latest]),
        blocks=[
            CategoryBlock(t.name, category_url(t), cards_of(by_category[t.key][: settings.home_per_category]))
            for t in categories
            if by_category[t.key]
        ],
        initiatives=cards_of(initiatives[: settings.home_initiatives]),
    )
    plan.pages.append(
        PageSpec(
            routes.page_source(routes.HOME),
            "Trang chủ",
            "newsroom/home.html",
            home,
            description=SITE_DESCRIPTION,
            social=page_social(DEFAULT_CARD_SPEC, site_url, routes.HOME, SITE_TITLE, SITE_DESCRIPTION),
        )
    )
    return plan


def _add_entries(
    plan: SitePlan,
    catalog: Catalog,
    entries: list[Any],
    cards: dict[str, Card],
    settings: NewsroomSettings,
    site_url: str,
    template: str,
) -> None:
    related = find_related(entries, settings.related)
    for entry in entries:
        preview_only = catalog.status(entry) != "published"
        src_uri = routes.page_source(entry.url)
        view = build_entry_view(
            entry, cards[entry.source], [cards[r.source] for r in related[entry.source]], site_url + entry.url
        )
        card = entry_card(entry)
        plan.cards[card.uri] = card
        plan.pages.append(
            PageSpec(
                src_uri,
                entry.title,
                template,
                view,
                markdown=entry.body,
                description=entry.description,
                preview_only=preview_only,
                social=entry_social(entry, card, site_url),
            )
        )
        plan.entry_pages[src_uri] = entry
        for asset in entry.assets:
            plan.files.append(CopiedFile(entry.url, asset, preview_only))
        for alias in entry.aliases:
            if alias != entry.slug:
                plan.redirects.append(Redirect(routes.html_file(routes.entry(entry.section, alias)), entry.url))


def _add_gallery(
    plan: SitePlan,
    catalog: Catalog,
    taxonomies: Taxonomies,
    initiatives: list[Initiative],
    description: str,
    feed: FeedLinks,
    site_url: str,
) -> None:
    """/vinh-danh/: every initiative, newest campaign year first, then by award; plus a page per year."""
    award_rank = {key: rank for rank, key in enumerate(taxonomies.awards.terms)}
    ordered = sorted(
        initiatives,
        key=lambda e: (-e.year, award_rank.get(e.award.key, len(award_rank)) if e.award else len(award_rank), e.title),
    )
    cards = [build_gallery_card(e, catalog.status(e)) for e in ordered]

    def options(pairs: list[tuple[str, str]], order: list[str] | None = None) -> list[FilterOption]:
        labels = dict(pairs)
        counts = Counter(key for key, _ in pairs)
        return [FilterOption(k, labels[k], counts[k]) for k in order or sorted(labels, key=labels.__getitem__) if k in labels]

    years = [FilterOption(str(y), f"Năm {y}", n) for y, n in sorted(Counter(c.year for c in cards).items(), reverse=True)]
    provinces = options([(c.province_key, taxonomies.provinces.units[c.province_key].name) for c in cards])
    fields = options([(c.field_key, c.field) for c in cards], [t.key for t in taxonomies.fields])
    awards = options([(c.award_key, c.award) for c in cards], [*taxonomies.awards.terms, NOMINATED_KEY])
    card = listing_card(routes.GALLERY, "Vinh danh sáng kiến số", "Vinh danh")
    plan.cards[card.uri] = card
    heading = "Vinh danh sáng kiến số"
    for year in [None, *(int(y.key) for y in years)]:
        shown = [c for c in cards if year is None or c.year == year]
        title = heading if year is None else f"{heading} năm {year}"
        view = GalleryView(title, description, shown, years, provinces, fields, awards, year, feed)
        uri = gallery_url(year)
        plan.pages.append(
            PageSpec(
                routes.page_source(uri),
                title,
                "newsroom/gallery.html",
                view,
                description=description,
                indexable=True,
                social=page_social(card, site_url, uri, title, description),
            )
        )
