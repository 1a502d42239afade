"""The views templates read: cards, entry pages, initiative details, share links (rules made once, in Python)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from content_kit import parse_article, parse_initiative

from newsroom.plan.views import build_card, build_entry_view, build_initiative_details, build_share

SITE = "https://chuyendoiso.tainangviet.vn/"
Maker = Callable[..., str]


def test_views_article_card_links_its_category_and_shows_no_status_when_published(root: Path, news: Maker) -> None:
    article = parse_article(root, news(slug="bai-a", category="tap-huan", province="ha-noi"))
    card = build_card(article, "published")
    assert (card.url, card.label.url if card.label else None, card.label.label if card.label else None) == (
        "bai-viet/bai-a/",
        "chuyen-muc/tap-huan/",
        "Tập huấn",
    )
    assert (card.date_text, card.date_iso) == ("05/10/2024", "2024-10-05T08:30:00+07:00")
    assert (card.province, card.status, card.status_label) == ("Hà Nội", None, None)


def test_views_card_labels_drafts_and_scheduled(root: Path, news: Maker) -> None:
    article = parse_article(root, news())
    assert build_card(article, "draft").status_label == "Bản nháp"
    assert (build_card(article, "scheduled").status, build_card(article, "scheduled").status_label) == ("scheduled", "Hẹn giờ đăng")


def test_views_initiative_without_award_is_nominated(root: Path, initiative: Maker) -> None:
    nominated = parse_initiative(root, initiative())
    card = build_card(nominated, "published")
    assert card.label is not None and (card.label.label, card.label.url) == ("Đề cử", "vinh-danh/")
    assert card.image is not None and card.image.alt == "Nhóm tác giả trình bày sản phẩm"
    assert build_initiative_details(nominated).award == "Đề cử"
    awarded = parse_initiative(root, initiative("co-giai", slug="co-giai", award="nhat"))
    assert build_initiative_details(awarded).award != "Đề cử"


def test_views_members_show_school_else_age_and_nothing_more(root: Path, initiative: Maker) -> None:
    members = '[{name: "An", age: 17, school: "THPT Chu Văn An", role: "Trưởng nhóm"}, {name: "Bình", age: 17}]'
    details = build_initiative_details(parse_initiative(root, initiative(members=members)))
    assert [(m.name, m.role, m.detail) for m in details.members] == [("An", "Trưởng nhóm", "THPT Chu Văn An"), ("Bình", None, "17 tuổi")]
    assert details.team_heading == "Thành viên"
    team = build_initiative_details(parse_initiative(root, initiative("nhom", slug="nhom", team='"Nhóm Mầm Xanh"')))
    assert team.team_heading == "Nhóm Mầm Xanh"


def test_views_entry_view_of_a_legacy_province_names_todays_unit(root: Path, news: Maker) -> None:
    article = parse_article(root, news(province="bac-giang", tags="[ngày hội]"))
    view = build_entry_view(article, build_card(article, "published"), [], SITE + article.url)
    assert view.province is not None
    assert (view.province.label, view.province.url) == ("Bắc Giang (nay là Bắc Ninh)", "tinh-thanh/bac-ninh/")
    assert view.search_province == "Bắc Ninh"
    assert [(t.label, t.url) for t in view.tags] == [("ngày hội", "the/ngay-hoi/")]
    assert view.status_note is None and view.initiative is None


def test_views_entry_view_says_when_a_scheduled_entry_appears(root: Path, news: Maker) -> None:
    article = parse_article(root, news(date="2024-10-20 07:00"))
    view = build_entry_view(article, build_card(article, "scheduled"), [], SITE + article.url)
    assert view.status_note == "Bài sẽ được đăng từ Chủ Nhật, 20/10/2024 07:00."
    draft = build_entry_view(article, build_card(article, "draft"), [], SITE + article.url)
    assert draft.status_note == "Trang này chỉ hiện khi xem trước, không được đăng khi xuất bản."


def test_views_share_links_quote_url_and_title() -> None:
    share = build_share(SITE + "bai-viet/a/", "Tin & ảnh: “số”")
    quoted_url = "https%3A%2F%2Fchuyendoiso.tainangviet.vn%2Fbai-viet%2Fa%2F"
    assert share.facebook == f"https://www.facebook.com/sharer/sharer.php?u={quoted_url}"
    assert share.x.startswith(f"https://x.com/intent/post?url={quoted_url}&text=Tin%20%26%20")
    assert share.email.startswith("mailto:?subject=Tin%20%26%20") and share.email.endswith(f"&body={quoted_url}")
    assert share.url == SITE + "bai-viet/a/"
