"""What templates receive: plain, pre-formatted values, built once per entry per build.

Templates stay free of logic; every date is already in Vietnam time and every URL is
site-relative (the theme's `url` filter makes it relative to the page that shows it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from .. import routes
from ..content.catalog import Status
from ..content.dates import format_vn_date, format_vn_datetime, to_vn
from ..content.model import Article, Entry, Image, Initiative, Member
from ..content.taxonomy import Province, Term
from ..images.picture import ShownImage
from .lead import listing_lead
from .paginate import Pager

STATUS_LABELS: dict[str, str] = {"draft": "Bản nháp", "scheduled": "Hẹn giờ đăng"}
NOMINATED_KEY, NOMINATED_LABEL = "de-cu", "Đề cử"
"""An initiative without an award is shown as nominated."""


def award_label(entry: Initiative) -> str:
    return entry.award.name if entry.award else NOMINATED_LABEL


@dataclass(frozen=True)
class LinkView:
    label: str
    url: str


def category_url(term: Term) -> str:
    return routes.category(term.key)


def province_url(province: Province | Term) -> str:
    key = province.unit.key if isinstance(province, Province) else province.key
    return routes.province(key)


def tag_url(slug: str) -> str:
    return routes.tag(slug)


def year_url(year: int) -> str:
    return routes.year(year)


def province_label(province: Province) -> str:
    """The name the article was written under; for a legacy name, today's unit in brackets."""
    if province.is_legacy:
        return f"{province.name} (nay là {province.unit.name})"
    return province.name


@dataclass(frozen=True)
class Card:
    """An entry as it appears in a listing."""

    url: str
    title: str
    description: str
    date_text: str
    date_iso: str
    image: ShownImage | None
    """The cover of an article, the first photo of an initiative."""
    label: LinkView | None
    """Category of an article, award or field of an initiative."""
    province: str | None
    status: str | None
    status_label: str | None


def shown_image(image: Image) -> ShownImage:
    """A model image as views carry it."""
    return ShownImage(image.asset.src, image.asset.name, image.alt)


def build_card(entry: Entry, status: Status) -> Card:
    image = None
    label = None
    if isinstance(entry, Article):
        image = shown_image(entry.cover) if entry.cover else None
        label = LinkView(entry.category.name, category_url(entry.category))
    elif isinstance(entry, Initiative):
        image = shown_image(entry.images[0])
        label = LinkView(award_label(entry), routes.GALLERY)
    pending = None if status == "published" else status
    return Card(
        url=entry.url,
        title=entry.title,
        description=listing_lead(entry.description),
        date_text=format_vn_date(entry.date),
        date_iso=to_vn(entry.date).isoformat(),
        image=image,
        label=label,
        province=entry.province.name if entry.province else None,
        status=pending,
        status_label=STATUS_LABELS.get(pending or ""),
    )


@dataclass(frozen=True)
class ShareLinks:
    facebook: str
    x: str
    email: str
    url: str


def build_share(absolute_url: str, title: str) -> ShareLinks:
    u, t = quote(absolute_url, safe=""), quote(title, safe="")
    return ShareLinks(
        facebook=f"https://www.facebook.com/sharer/sharer.php?u={u}",
        x=f"https://x.com/intent/post?url={u}&text={t}",
        email=f"mailto:?subject={t}&body={u}",
        url=absolute_url,
    )


@dataclass(frozen=True)
class MemberView:
    name: str
    role: str | None
    detail: str | None
    """The school, else the age ("15 tuổi"); nothing more is ever shown of a young person."""


@dataclass(frozen=True)
class InitiativeDetails:
    """What only an initiative page shows."""

    field: str
    award: str
    year: int
    team_heading: str
    """The team's name, else "Thành viên"."""
    members: list[MemberView]
    links: list[LinkView]
    images: list[ShownImage]


@dataclass(frozen=True)
class EntryView:
    """An article or initiative page."""

    url: str
    description: str
    unit: str | None
    year: int
    search_province: str | None
    """Today's unit, the search filter value."""
    card: Card
    date_text: str
    updated_text: str | None
    province: LinkView | None
    related: list[Card]
    share: ShareLinks
    status_note: str | None
    category: LinkView | None = None
    tags: list[LinkView] = field(default_factory=list)
    authors: str = ""
    cover: ShownImage | None = None
    initiative: InitiativeDetails | None = None
    search_section: str = ""
    """The search filter "Mục": the article's category, or the honours gallery."""
    related_heading: str = ""


def build_entry_view(entry: Entry, card: Card, related: list[Card], absolute_url: str) -> EntryView:
    status_note = None
    if card.status == "draft":
        status_note = "Trang này chỉ hiện khi xem trước, không được đăng khi xuất bản."
    elif card.status == "scheduled":
        status_note = f"Bài sẽ được đăng từ {format_vn_datetime(entry.date)}."
    view = EntryView(
        url=entry.url,
        description=entry.description,
        unit=entry.unit,
        year=entry.year,
        search_province=entry.province.unit.name if entry.province else None,
        card=card,
        date_text=format_vn_datetime(entry.date),
        updated_text=format_vn_datetime(entry.updated) if entry.updated else None,
        province=LinkView(province_label(entry.province), province_url(entry.province)) if entry.province else None,
        related=related,
        share=build_share(absolute_url, entry.title),
        status_note=status_note,
    )
    if isinstance(entry, Article):
        return replace(
            view,
            category=LinkView(entry.category.name, category_url(entry.category)),
            tags=[LinkView(tag.name, tag_url(tag.slug)) for tag in entry.tags],
            authors=", ".join(entry.authors),
            cover=card.image,
            search_section=entry.category.name,
            related_heading="Bài viết liên quan",
        )
    if isinstance(entry, Initiative):
        return replace(
            view,
            initiative=build_initiative_details(entry),
            search_section="Vinh danh sáng kiến",
            related_heading="Sáng kiến liên quan",
        )
    return view


def build_initiative_details(entry: Initiative) -> InitiativeDetails:
    def detail(member: Member) -> str | None:
        return member.school or (f"{member.age} tuổi" if member.age else None)

    return InitiativeDetails(
        field=entry.field.name,
        award=award_label(entry),
        year=entry.year,
        team_heading=entry.team or "Thành viên",
        members=[MemberView(m.name, m.role, detail(m)) for m in entry.members],
        links=[LinkView(link.label, link.url) for link in entry.links],
        images=[shown_image(image) for image in entry.images],
    )


@dataclass(frozen=True)
class FeedLinks:
    """Where a listing's feed and widgets live (site-relative URLs)."""

    title: str
    rss: str
    atom: str
    json: str
    widget: str

    @classmethod
    def of(cls, spec: Any) -> FeedLinks:
        key = spec.key
        return cls(spec.title, routes.feed(key, "rss"), routes.feed(key, "atom"), routes.feed(key, "json"), spec.widget_url)


@dataclass(frozen=True)
class ListingView:
    heading: str
    kicker: str
    description: str
    pager: Pager[Card]
    empty_text: str = "Chưa có bài viết."
    feed: FeedLinks | None = None


@dataclass(frozen=True)
class IndexItem:
    name: str
    url: str
    count: int
    note: str = ""


@dataclass(frozen=True)
class IndexView:
    heading: str
    description: str
    items: list[IndexItem]


@dataclass(frozen=True)
class CategoryBlock:
    name: str
    url: str
    cards: list[Card]


@dataclass(frozen=True)
class HomeView:
    featured: list[Card]
    latest: list[Card]
    blocks: list[CategoryBlock]
    initiatives: list[Card]


@dataclass(frozen=True)
class GalleryCard:
    """An initiative in the honours gallery; the data-* keys drive the filters."""

    url: str
    title: str
    image: ShownImage
    people: str
    """The team, else the members' names."""
    province: str
    province_key: str
    field: str
    field_key: str
    award: str
    award_key: str
    year: int
    status_label: str | None


@dataclass(frozen=True)
class FilterOption:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class GalleryView:
    heading: str
    description: str
    cards: list[GalleryCard]
    years: list[FilterOption]
    provinces: list[FilterOption]
    fields: list[FilterOption]
    awards: list[FilterOption]
    year: int | None = None
    """Set on a per-year page (/vinh-danh/nam-<year>/)."""
    feed: FeedLinks | None = None


def gallery_url(year: int | None = None) -> str:
    return routes.gallery(year)


def build_gallery_card(entry: Initiative, status: Status) -> GalleryCard:
    people = entry.team or ", ".join(member.name for member in entry.members)
    province = entry.province
    assert province is not None  # required for initiatives
    return GalleryCard(
        url=entry.url,
        title=entry.title,
        image=shown_image(entry.images[0]),
        people=people,
        province=province_label(province),
        province_key=province.unit.key,
        field=entry.field.name,
        field_key=entry.field.key,
        award=award_label(entry),
        award_key=entry.award.key if entry.award else NOMINATED_KEY,
        year=entry.year,
        status_label=STATUS_LABELS.get(status),
    )
