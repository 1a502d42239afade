"""Link previews: a social card per page and the Open Graph, Twitter and
JSON-LD metadata that point to it.

The site plan asks for cards here (`CardSpec`, one per entry and per listing, the site's default
for the rest); the build draws them from the brand kit, cached, in a thread pool.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import routes
from ..content.dates import to_vn
from ..content.model import Article, Entry, Initiative
from ..site_constants import DEFAULT_CARD_KICKER, SITE_TITLE
from ..syndication.widget_script import script_json
from .views import award_label

PUBLISHER_LOGO = routes.BRAND_ICONS + "icon-512.png"


@dataclass(frozen=True)
class CardSpec:
    uri: str
    title: str
    kicker: str | None
    thumbnail: Path | None = None


DEFAULT_CARD_SPEC = CardSpec(routes.DEFAULT_CARD, SITE_TITLE, DEFAULT_CARD_KICKER)


@dataclass(frozen=True)
class SocialMeta:
    og_type: str
    url: str
    title: str
    description: str
    image: str
    image_alt: str
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    json_ld: str | None = None
    """Script-safe JSON (no `</script>` possible) for a `<script type="application/ld+json">`."""


def entry_card(entry: Entry) -> CardSpec:
    if isinstance(entry, Article):
        kicker = entry.category.name
        thumbnail = entry.cover.asset.src if entry.cover else None
    elif isinstance(entry, Initiative):
        place = entry.province.unit.name if entry.province else ""
        kicker = " · ".join(part for part in (place, award_label(entry)) if part)
        thumbnail = entry.images[0].asset.src
    else:
        raise TypeError(type(entry).__name__)
    return CardSpec(routes.card(entry.url), entry.title, kicker, thumbnail)


def entry_social(entry: Entry, card: CardSpec, site_url: str) -> SocialMeta:
    url = site_url + entry.url
    image = site_url + card.uri
    published = to_vn(entry.date).isoformat()
    modified = to_vn(entry.updated).isoformat() if entry.updated else None
    if not isinstance(entry, Article):
        return SocialMeta(
            "article", url, entry.title, entry.description, image, f"Thẻ chia sẻ: {entry.title}", published, modified
        )
    json_ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": entry.title,
        "description": entry.description,
        "image": [image],
        "datePublished": published,
        "dateModified": modified or published,
        "inLanguage": "vi",
        "articleSection": entry.category.name,
        "keywords": [tag.name for tag in entry.tags],
        "author": [{"@type": "Person", "name": name} for name in entry.authors],
        "publisher": {
            "@type": "Organization",
            "name": SITE_TITLE,
            "logo": {"@type": "ImageObject", "url": site_url + PUBLISHER_LOGO},
        },
    }
    return SocialMeta(
        "article",
        url,
        entry.title,
        entry.description,
        image,
        f"Thẻ chia sẻ: {entry.title}",
        published,
        modified,
        entry.category.name,
        tuple(tag.name for tag in entry.tags),
        script_json(json_ld),
    )


def listing_card(base: str, heading: str, kicker: str) -> CardSpec:
    return CardSpec(routes.card(base), heading, kicker)


def page_social(card: CardSpec, site_url: str, page_url: str, title: str, description: str) -> SocialMeta:
    return SocialMeta("website", site_url + page_url, title, description, site_url + card.uri, f"Thẻ chia sẻ: {title}")
