"""find_related: shared tags before category, category before province, never the entry itself."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

import pytest

from newsroom.content.model import Article, Asset, Image, Initiative, Member, Tag
from newsroom.content.taxonomy import Taxonomies
from newsroom.content.text import slugify
from newsroom.plan.related import find_related

VN = timezone(timedelta(hours=7))


def _article(
    tx: Taxonomies, name: str, day: int, category: str = "hoat-dong", tags: tuple[str, ...] = (), province: str | None = None
) -> Article:
    return Article(
        kind="news",
        source=f"articles/news/{name}.md",
        title=name,
        slug=name,
        date=datetime(2024, 10, day, 8, 0, tzinfo=VN),
        description="Mô tả",
        body="Nội dung",
        body_line=7,
        province=tx.provinces.parse(province) if province else None,
        authors=("A",),
        category=tx.categories.parse(category),
        tags=tuple(Tag(name=t, slug=slugify(t)) for t in tags),
    )


def _initiative(tx: Taxonomies, name: str, day: int, field: str, province: str) -> Initiative:
    return Initiative(
        kind="initiative",
        source=f"articles/initiatives/{name}/index.md",
        title=name,
        slug=name,
        date=datetime(2024, 10, day, tzinfo=VN),
        description="Mô tả",
        body="",
        body_line=9,
        province=tx.provinces.parse(province),
        campaign_year=2024,
        members=(Member(name="A"),),
        field=tx.fields.parse(field),
        images=(Image(asset=Asset(src=Path("/x.jpg"), name="x.jpg"), alt="x"),),
    )


E = TypeVar("E", Article, Initiative)


def _newest_first(entries: list[E]) -> list[E]:
    return sorted(entries, key=lambda e: e.date, reverse=True)


def _sources(entries: list[E]) -> list[str]:
    return [e.source.split("/")[-1].removesuffix(".md") for e in entries]


def test_related_shared_tag_ranks_above_category_only(taxonomies: Taxonomies) -> None:
    entries = _newest_first(
        [
            _article(taxonomies, "goc", 10, "hoat-dong", ("VNeID",)),
            _article(taxonomies, "cung-chuyen-muc", 9, "hoat-dong"),  # category only: newer, nearer in time
            _article(taxonomies, "cung-the", 1, "tap-huan", ("VNeID",)),  # shared tag only
            _article(taxonomies, "ca-hai", 2, "hoat-dong", ("vneid",)),  # tag (same slug) and category
        ]
    )

    related = find_related(entries, limit=4)

    assert _sources(related["articles/news/goc.md"]) == ["ca-hai", "cung-the", "cung-chuyen-muc"]


def test_related_category_ranks_above_province(taxonomies: Taxonomies) -> None:
    entries = _newest_first(
        [
            _article(taxonomies, "goc", 10, "hoat-dong", province="ha-noi"),
            _article(taxonomies, "cung-tinh", 9, "tap-huan", province="ha-noi"),
            _article(taxonomies, "cung-chuyen-muc", 1, "hoat-dong", province="hue"),
            _article(taxonomies, "khong-lien-quan", 8, "goc-nhin", province="hue"),
        ]
    )

    related = find_related(entries)

    assert _sources(related["articles/news/goc.md"]) == ["cung-chuyen-muc", "cung-tinh"]


def test_related_province_groups_by_todays_unit(taxonomies: Taxonomies) -> None:
    entries = _newest_first(
        [
            _article(taxonomies, "bac-giang", 10, "hoat-dong", province="bac-giang"),
            _article(taxonomies, "bac-ninh", 9, "tap-huan", province="bac-ninh"),
        ]
    )

    related = find_related(entries)

    assert _sources(related["articles/news/bac-giang.md"]) == ["bac-ninh"]


def test_related_never_itself(taxonomies: Taxonomies) -> None:
    entries = _newest_first([_article(taxonomies, f"bai-{n}", n, "hoat-dong", ("chung",), "ha-noi") for n in range(1, 8)])

    related = find_related(entries, limit=10)

    assert set(related) == {e.source for e in entries}
    for source, others in related.items():
        assert source not in [o.source for o in others]
        assert len(others) == 6
        assert len({o.source for o in others}) == 6


def test_related_single_entry_has_none(taxonomies: Taxonomies) -> None:
    only = _article(taxonomies, "mot", 1, tags=("x",), province="ha-noi")

    assert find_related([only]) == {only.source: []}


def test_related_empty_input() -> None:
    assert find_related([]) == {}


@pytest.mark.parametrize("limit", [1, 3, 4])
def test_related_at_most_limit(taxonomies: Taxonomies, limit: int) -> None:
    entries = _newest_first([_article(taxonomies, f"bai-{n}", n, "hoat-dong") for n in range(1, 11)])

    related = find_related(entries, limit=limit)

    assert all(len(others) == limit for others in related.values())


def test_related_ties_prefer_nearest_in_time(taxonomies: Taxonomies) -> None:
    entries = _newest_first([_article(taxonomies, f"bai-{n:02d}", n, "hoat-dong") for n in range(1, 11)])

    related = find_related(entries, limit=2)

    assert set(_sources(related["articles/news/bai-05.md"])) == {"bai-04", "bai-06"}


def test_related_unrelated_entries_stay_apart(taxonomies: Taxonomies) -> None:
    entries = _newest_first(
        [
            _article(taxonomies, "a", 2, "hoat-dong", ("x",), "ha-noi"),
            _article(taxonomies, "b", 1, "tap-huan", ("y",), "hue"),
        ]
    )

    assert find_related(entries) == {"articles/news/a.md": [], "articles/news/b.md": []}


def test_related_initiatives_by_field_then_province(taxonomies: Taxonomies) -> None:
    entries = _newest_first(
        [
            _initiative(taxonomies, "goc", 10, "giao-duc", "ha-noi"),
            _initiative(taxonomies, "cung-tinh", 9, "y-te", "ha-noi"),
            _initiative(taxonomies, "cung-linh-vuc", 1, "giao-duc", "hue"),
            _initiative(taxonomies, "khac", 5, "khac", "hue"),
        ]
    )

    related = find_related(entries)

    assert [e.slug for e in related["articles/initiatives/goc/index.md"]] == ["cung-linh-vuc", "cung-tinh"]
