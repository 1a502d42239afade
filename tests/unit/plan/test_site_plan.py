"""build_site_plan for a small catalog: which pages, which members in what order, which feeds, which redirects.

Pure: the catalog is read from a few files in tmp_path (content_kit), the plan is asserted as data;
no MkDocs, no templates. The catalog (NOW = 10 October 2024, noon, listings of two):

    news  moi-nhat     2024-10-08  hoat-dong     ha-noi     [ngày hội, VNeID]  featured, alias ten-cu
    news  an-toan      2024-10-05  an-toan-mang  bac-giang  [ngày hội]         (legacy name of bac-ninh)
    news  nam-truoc    2023-10-01  hoat-dong     -          []
    news  ban-nhap     2024-10-06  hoat-dong     ha-noi     draft
    news  hen-gio      2024-10-20  hoat-dong     ha-noi     scheduled
    init  so-tay       2024-10-10  award nhat
    init  de-cu        2023-10-09  no award (nominated)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from content_kit import NOW, initiative_text, make_image, news_text, write

from newsroom.content.catalog import Catalog, load_catalog
from newsroom.content.taxonomy import Taxonomies
from newsroom.plan.column_settings import NewsroomSettings, load_settings
from newsroom.plan.site_plan import PageSpec, Redirect, SitePlan, build_site_plan

SITE_URL = "https://chuyendoiso.tainangviet.vn/"
NEWS = {
    "moi-nhat": dict(date="2024-10-08 08:00", category="hoat-dong", province="ha-noi", tags="[ngày hội, VNeID]", featured="true", aliases="[ten-cu]"),
    "an-toan": dict(date="2024-10-05 08:00", category="an-toan-mang", province="bac-giang", tags="[ngày hội]"),
    "nam-truoc": dict(date="2023-10-01 08:00", category="hoat-dong"),
    "ban-nhap": dict(date="2024-10-06 08:00", category="hoat-dong", province="ha-noi", draft="true"),
    "hen-gio": dict(date="2024-10-20 08:00", category="hoat-dong", province="ha-noi"),
}
PUBLISHED_NEWS = ["bai-viet/moi-nhat/", "bai-viet/an-toan/", "bai-viet/nam-truoc/"]
"""Newest first: the order of every listing and feed."""


@pytest.fixture
def catalog(root: Path, taxonomies: Taxonomies) -> Catalog:
    for slug, fields in NEWS.items():
        write(root, f"articles/news/{slug}.md", news_text(title=f'"Bài {slug}"', slug=slug, **fields))
    for slug, date, award in (("so-tay", "2024-10-10", "nhat"), ("de-cu", "2023-10-09", None)):
        make_image(root / "articles" / "initiatives" / slug / "anh-1.jpg")
        write(root, f"articles/initiatives/{slug}/index.md", initiative_text(title=f'"Sáng kiến {slug}"', slug=slug, date=date, award=award))
    return load_catalog(root, taxonomies, NOW)


def plan_of(catalog: Catalog, taxonomies: Taxonomies, preview: bool = False, **settings: Any) -> SitePlan:
    chosen: NewsroomSettings = load_settings({"per_page": 2, **settings})
    return build_site_plan(catalog, taxonomies, chosen, SITE_URL, preview)


def pages(plan: SitePlan) -> dict[str, PageSpec]:
    return {p.src_uri: p for p in plan.pages}


def urls_of(view: Any) -> list[str]:
    """The entry URLs a listing page shows, in order."""
    return [card.url for card in view.pager.items]


def test_site_plan_entry_pages_are_the_published_entries(catalog: Catalog, taxonomies: Taxonomies) -> None:
    plan = plan_of(catalog, taxonomies)
    entries = {uri for uri, page in pages(plan).items() if page.template in ("newsroom/article.html", "newsroom/initiative.html")}
    assert entries == {f"{u}index.md" for u in PUBLISHED_NEWS} | {"vinh-danh/so-tay/index.md", "vinh-danh/de-cu/index.md"}
    assert set(plan.entry_pages) == entries
    assert not any(p.preview_only for p in plan.pages)


def test_site_plan_preview_adds_drafts_and_scheduled_marked_preview_only(catalog: Catalog, taxonomies: Taxonomies) -> None:
    by_uri = pages(plan_of(catalog, taxonomies, preview=True))
    assert by_uri["bai-viet/ban-nhap/index.md"].preview_only
    assert by_uri["bai-viet/hen-gio/index.md"].preview_only
    assert not by_uri["bai-viet/moi-nhat/index.md"].preview_only


def test_site_plan_all_articles_paginates_newest_first(catalog: Catalog, taxonomies: Taxonomies) -> None:
    by_uri = pages(plan_of(catalog, taxonomies))
    assert urls_of(by_uri["bai-viet/index.md"].view) == PUBLISHED_NEWS[:2]
    assert urls_of(by_uri["bai-viet/trang/2/index.md"].view) == PUBLISHED_NEWS[2:]
    assert "bai-viet/trang/3/index.md" not in by_uri
    assert by_uri["bai-viet/trang/2/index.md"].title == "Tất cả tin bài – trang 2"
    assert by_uri["bai-viet/trang/2/index.md"].view.pager.prev_url == "bai-viet/"


def test_site_plan_category_listings_hold_their_members_and_empty_ones_exist(catalog: Catalog, taxonomies: Taxonomies) -> None:
    by_uri = pages(plan_of(catalog, taxonomies))
    assert urls_of(by_uri["chuyen-muc/hoat-dong/index.md"].view) == ["bai-viet/moi-nhat/", "bai-viet/nam-truoc/"]
    assert urls_of(by_uri["chuyen-muc/an-toan-mang/index.md"].view) == ["bai-viet/an-toan/"]
    assert urls_of(by_uri["chuyen-muc/goc-nhin/index.md"].view) == []  # every category has its page
    category_pages = {u for u in by_uri if u.startswith("chuyen-muc/") and u.count("/") == 2}
    assert category_pages == {f"chuyen-muc/{t.key}/index.md" for t in taxonomies.categories}


def test_site_plan_legacy_province_is_listed_under_todays_unit_and_redirects(catalog: Catalog, taxonomies: Taxonomies) -> None:
    plan = plan_of(catalog, taxonomies)
    by_uri = pages(plan)
    assert urls_of(by_uri["tinh-thanh/bac-ninh/index.md"].view) == ["bai-viet/an-toan/"]
    assert urls_of(by_uri["tinh-thanh/ha-noi/index.md"].view) == ["bai-viet/moi-nhat/"]
    assert "tinh-thanh/bac-giang/index.md" not in by_uri
    assert Redirect("tinh-thanh/bac-giang/index.html", "tinh-thanh/bac-ninh/") in plan.redirects
    units = {u for u in by_uri if u.startswith("tinh-thanh/") and u.count("/") == 2}
    assert len(units) == len(taxonomies.provinces.units) == 34


def test_site_plan_alias_redirects_to_the_entry(catalog: Catalog, taxonomies: Taxonomies) -> None:
    redirects = plan_of(catalog, taxonomies).redirects
    entry_redirects = [r for r in redirects if r.src_uri.startswith("bai-viet/")]
    assert entry_redirects == [Redirect("bai-viet/ten-cu/index.html", "bai-viet/moi-nhat/")]
    legacy = [r for r in redirects if r.src_uri.startswith("tinh-thanh/")]
    assert len(legacy) == len(taxonomies.provinces.legacy)


def test_site_plan_tags_and_years_have_listings_and_indexes(catalog: Catalog, taxonomies: Taxonomies) -> None:
    by_uri = pages(plan_of(catalog, taxonomies))
    assert urls_of(by_uri["the/ngay-hoi/index.md"].view) == ["bai-viet/moi-nhat/", "bai-viet/an-toan/"]
    assert urls_of(by_uri["the/vneid/index.md"].view) == ["bai-viet/moi-nhat/"]
    assert {u for u in by_uri if u.startswith("the/") and u.count("/") == 2} == {"the/ngay-hoi/index.md", "the/vneid/index.md"}
    tags = by_uri["the/index.md"].view.items
    assert [(i.name, i.url, i.count) for i in tags] == [("ngày hội", "the/ngay-hoi/", 2), ("VNeID", "the/vneid/", 1)]
    archive = by_uri["luu-tru/index.md"].view.items
    assert [(i.url, i.count) for i in archive] == [("luu-tru/2024/", 2), ("luu-tru/2023/", 1)]
    assert urls_of(by_uri["luu-tru/2024/index.md"].view) == PUBLISHED_NEWS[:2]


def test_site_plan_feeds_exist_for_column_categories_provinces_and_honours(catalog: Catalog, taxonomies: Taxonomies) -> None:
    feeds = {f.key: f for f in plan_of(catalog, taxonomies).feeds}
    expected = {"toan-chuyen-muc", "vinh-danh"} | {f"chuyen-muc/{t.key}" for t in taxonomies.categories}
    expected |= {f"tinh-thanh/{key}" for key in taxonomies.provinces.units}
    assert set(feeds) == expected
    assert [e.url for e in feeds["toan-chuyen-muc"].entries] == PUBLISHED_NEWS
    assert [e.url for e in feeds["chuyen-muc/hoat-dong"].entries] == ["bai-viet/moi-nhat/", "bai-viet/nam-truoc/"]
    assert [e.url for e in feeds["tinh-thanh/bac-ninh"].entries] == ["bai-viet/an-toan/"]
    assert [e.url for e in feeds["vinh-danh"].entries] == ["vinh-danh/so-tay/", "vinh-danh/de-cu/"]
    assert feeds["chuyen-muc/goc-nhin"].entries == ()
    assert (feeds["chuyen-muc/hoat-dong"].widget_url, feeds["chuyen-muc/hoat-dong"].script_url) == (
        "nhung/chuyen-muc/hoat-dong/",
        "nhung/chuyen-muc/hoat-dong/widget.js",
    )


def test_site_plan_feeds_never_carry_drafts_or_scheduled_even_in_a_preview(catalog: Catalog, taxonomies: Taxonomies) -> None:
    for preview in (False, True):
        for spec in plan_of(catalog, taxonomies, preview=preview).feeds:
            assert all(catalog.status(e) == "published" for e in spec.entries), (preview, spec.key)
    column = next(f for f in plan_of(catalog, taxonomies, preview=True).feeds if f.key == "toan-chuyen-muc")
    assert [e.url for e in column.entries] == PUBLISHED_NEWS


def test_site_plan_feed_items_limit_keeps_the_newest(catalog: Catalog, taxonomies: Taxonomies) -> None:
    feeds = {f.key: f for f in plan_of(catalog, taxonomies, feed_items=2).feeds}
    assert [e.url for e in feeds["toan-chuyen-muc"].entries] == PUBLISHED_NEWS[:2]


def test_site_plan_home_shows_featured_apart_from_latest(catalog: Catalog, taxonomies: Taxonomies) -> None:
    home = pages(plan_of(catalog, taxonomies, home_latest=1))["index.md"].view
    assert [c.url for c in home.featured] == ["bai-viet/moi-nhat/"]
    assert [c.url for c in home.latest] == ["bai-viet/an-toan/"]  # the featured one is not repeated
    assert [(b.url, [c.url for c in b.cards]) for b in home.blocks] == [
        ("chuyen-muc/hoat-dong/", ["bai-viet/moi-nhat/", "bai-viet/nam-truoc/"]),
        ("chuyen-muc/an-toan-mang/", ["bai-viet/an-toan/"]),
    ]  # categories in taxonomy order, only those with articles
    assert [c.url for c in home.initiatives] == ["vinh-danh/so-tay/", "vinh-danh/de-cu/"]


def test_site_plan_gallery_has_a_page_per_year_newest_first(catalog: Catalog, taxonomies: Taxonomies) -> None:
    by_uri = pages(plan_of(catalog, taxonomies))
    gallery = by_uri["vinh-danh/index.md"].view
    assert [c.url for c in gallery.cards] == ["vinh-danh/so-tay/", "vinh-danh/de-cu/"]
    assert [(y.key, y.count) for y in gallery.years] == [("2024", 1), ("2023", 1)]
    assert [a.key for a in gallery.awards] == ["nhat", "de-cu"]
    assert [c.url for c in by_uri["vinh-danh/nam-2023/index.md"].view.cards] == ["vinh-danh/de-cu/"]
    assert {u for u in by_uri if u.startswith("vinh-danh/nam-")} == {"vinh-danh/nam-2024/index.md", "vinh-danh/nam-2023/index.md"}


def test_site_plan_listings_are_noindex_entries_and_gallery_indexable(catalog: Catalog, taxonomies: Taxonomies) -> None:
    by_uri = pages(plan_of(catalog, taxonomies))
    assert by_uri["chuyen-muc/hoat-dong/index.md"].meta["robots"] == "noindex, follow"
    assert by_uri["chuyen-muc/index.md"].meta["robots"] == "noindex, follow"
    for uri in ("bai-viet/moi-nhat/index.md", "vinh-danh/index.md", "index.md"):
        assert "robots" not in by_uri[uri].meta, uri
    assert all(p.social is not None for p in by_uri.values())


def test_site_plan_cards_and_files_follow_the_pages(catalog: Catalog, taxonomies: Taxonomies) -> None:
    plan = plan_of(catalog, taxonomies)
    for uri in ("assets/the/bai-viet/moi-nhat.jpg", "assets/the/chuyen-muc/hoat-dong.jpg", "assets/the/vinh-danh.jpg"):
        assert uri in plan.cards, uri
    assert "assets/the/chuyen-muc-chuyen-doi-so.jpg" in plan.cards  # the site's default card
    assert not any("ban-nhap" in uri or "hen-gio" in uri for uri in plan.cards)
    assert sorted((f.folder, f.asset.name) for f in plan.files) == [
        ("vinh-danh/de-cu/", "anh-1.jpg"),
        ("vinh-danh/so-tay/", "anh-1.jpg"),
    ]
