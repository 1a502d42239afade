"""The listing lead (plan/lead.py): a description cut after a whole word at LISTING_LEAD_CHARS."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsroom.content.model import Article
from newsroom.content.taxonomy import Taxonomies
from newsroom.plan.lead import LISTING_LEAD_CHARS, listing_lead
from newsroom.plan.views import build_card


def test_lead_short_description_is_whole() -> None:
    text = "a" * LISTING_LEAD_CHARS
    assert listing_lead(text) == text


def test_lead_long_description_is_cut_after_a_word() -> None:
    assert listing_lead("abcd " * 60) == ("abcd " * 40).rstrip() + "…"  # 200 characters with the ellipsis
    assert listing_lead("dân, " * 60) == ("dân, " * 40).rstrip(" ,") + "…"  # no comma before the ellipsis


def test_lead_one_overlong_word_is_cut_inside() -> None:
    lead = listing_lead("x" * 300)
    assert lead == "x" * (LISTING_LEAD_CHARS - 1) + "…"


def test_lead_is_what_a_listing_card_shows(taxonomies: Taxonomies) -> None:
    description = "Đoàn viên hướng dẫn người dân dùng dịch vụ công trực tuyến. " * 4
    article = Article(
        kind="news",
        source="articles/news/a.md",
        title="Bài",
        slug="bai",
        date=datetime(2024, 10, 1, 8, 0, tzinfo=timezone(timedelta(hours=7))),
        description=description,
        body="Nội dung",
        body_line=7,
        authors=("A",),
        category=taxonomies.categories.parse("hoat-dong"),
    )

    card = build_card(article, "published")

    assert card.description == listing_lead(description) != description
