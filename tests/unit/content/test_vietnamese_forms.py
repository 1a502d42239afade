"""Vietnamese ways of writing front-matter values: accepted, said (a notice), or refused with the
editor's own value rewritten in the hint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from content_kit import errors_of, only, parse_article, parse_initiative

from newsroom.content.errors import FieldError
from newsroom.content.names import read_province, read_term, unit_name
from newsroom.content.taxonomy import Taxonomies
from newsroom.content.vn_dates import read_date

VN = timezone(timedelta(hours=7))
Maker = Callable[..., str]

# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "moment", "canonical"),
    [
        ("03/10/2025", datetime(2025, 10, 3, tzinfo=VN), "2025-10-03"),
        ("3/10/2025", datetime(2025, 10, 3, tzinfo=VN), "2025-10-03"),
        ("13/10/2025", datetime(2025, 10, 13, tzinfo=VN), "2025-10-13"),
        ("3-10-2025", datetime(2025, 10, 3, tzinfo=VN), "2025-10-03"),
        ("3.10.2025", datetime(2025, 10, 3, tzinfo=VN), "2025-10-03"),
        ("03/10/2025 08:30", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("3/10/2025 8:30", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("3/10/2025 8h30", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("3/10/2025 8h", datetime(2025, 10, 3, 8, 0, tzinfo=VN), "2025-10-03 08:00"),
        ("3/10/2025 20g15", datetime(2025, 10, 3, 20, 15, tzinfo=VN), "2025-10-03 20:15"),
        ("3/10/2025 8 giờ 30", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("3/10/2025 8 giờ 30 phút", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("ngày 3/10/2025 lúc 8h30", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("8h30 ngày 3/10/2025", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("8 giờ 30, 3/10/2025", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("2025-10-3", datetime(2025, 10, 3, tzinfo=VN), "2025-10-03"),
        ("2025-10-3 08:30", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30"),
        ("2025-1-5 8:05", datetime(2025, 1, 5, 8, 5, tzinfo=VN), "2025-01-05 08:05"),
        ("2025/10/03", datetime(2025, 10, 3, tzinfo=VN), "2025-10-03"),
        ("2025-10-3 08:30+07:00", datetime(2025, 10, 3, 8, 30, tzinfo=VN), "2025-10-03 08:30+07:00"),
    ],
)
def test_vietnamese_forms_date_accepted_day_first(written: str, moment: datetime, canonical: str) -> None:
    reading = read_date(written)

    assert reading.moment == moment
    assert reading.moment.utcoffset() == timedelta(hours=7)
    assert reading.canonical == canonical
    assert read_date(canonical).canonical is None  # the canonical form is said once, then accepted silently


@pytest.mark.parametrize("written", ["2025-10-03", "2025-10-03 08:30", "2025-10-03T08:30:00+07:00"])
def test_vietnamese_forms_canonical_date_has_no_notice(written: str) -> None:
    assert read_date(written).canonical is None


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("10/13/2025", "có phải ý bạn là 13/10/2025?"),
        ("10/13/2025 08:30", "có phải ý bạn là 13/10/2025 08:30?"),
        ("12/25/2025 8h", "có phải ý bạn là 25/12/2025 8h?"),
        ("2025-13-10", "có phải ý bạn là 2025-10-13?"),
    ],
)
def test_vietnamese_forms_month_first_refused_with_value_rewritten(written: str, hint: str) -> None:
    with pytest.raises(FieldError) as failure:
        read_date(written)

    assert f"'{written}'" in failure.value.message
    assert "không có tháng" in failure.value.message
    assert hint in (failure.value.hint or "")


@pytest.mark.parametrize(
    ("written", "said", "hint"),
    [
        ("31/02/2025", "tháng 2 năm 2025 chỉ có 28 ngày", "28/02/2025"),
        ("29/02/2024 8h", "", ""),  # 2024 is a leap year: accepted
        ("31/04/2025", "tháng 4 năm 2025 chỉ có 30 ngày", "30/04/2025"),
        ("3/10/2025 25h", "không có 25 giờ", "20h30"),
        ("3/10/2025 8h75", "phút và giây từ 00 đến 59", "8h30"),
        ("3/10/1925", "năm 1925 nằm ngoài khoảng 2000–2100", "10/10/2025"),
        ("hôm qua", "không phải ngày giờ hợp lệ", "05/10/2024"),
    ],
)
def test_vietnamese_forms_date_refusals_in_vietnamese(written: str, said: str, hint: str) -> None:
    if not said:
        assert read_date(written).moment == datetime(2024, 2, 29, 8, 0, tzinfo=VN)
        return
    with pytest.raises(FieldError) as failure:
        read_date(written)

    assert said in failure.value.message
    assert hint in (failure.value.hint or "")
    for english in ("month", "day is out of range", "must be", "invalid"):
        assert english not in failure.value.message.lower()


# --- provinces and units -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "key", "unit"),
    [
        ("Hà Nội", "ha-noi", "ha-noi"),
        ("ha noi", "ha-noi", "ha-noi"),
        ("Ha Noi", "ha-noi", "ha-noi"),
        ("TP. Hà Nội", "ha-noi", "ha-noi"),
        ("Thành phố Hà Nội", "ha-noi", "ha-noi"),
        ("TP. Hồ Chí Minh", "ho-chi-minh", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh", "ho-chi-minh"),
        ("TPHCM", "ho-chi-minh", "ho-chi-minh"),
        ("Tỉnh Bắc Ninh", "bac-ninh", "bac-ninh"),
        ("tinh bac ninh", "bac-ninh", "bac-ninh"),
        ("Thừa Thiên Huế", "thua-thien-hue", "hue"),
        ("Thua Thien Hue", "thua-thien-hue", "hue"),
        ("Huế", "hue", "hue"),
        ("Bắc Giang", "bac-giang", "bac-ninh"),
        ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau", "ho-chi-minh"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau", "ho-chi-minh"),
    ],
)
def test_vietnamese_forms_province_names(taxonomies: Taxonomies, written: str, key: str, unit: str) -> None:
    province, canonical = read_province(written, taxonomies.provinces)

    assert (province.key, province.unit.key, canonical) == (key, unit, key)
    assert read_province(key, taxonomies.provinces)[1] is None


def test_vietnamese_forms_province_typo_refused_with_suggestion(taxonomies: Taxonomies) -> None:
    with pytest.raises(FieldError) as failure:
        read_province("Hà Nộii", taxonomies.provinces)

    assert "'Hà Nộii'" in failure.value.message
    assert failure.value.hint == "có phải ý bạn là 'ha-noi'?"


@pytest.mark.parametrize(
    ("key", "unit"),
    [
        ("ha-noi", "Thành Đoàn Hà Nội"),
        ("ho-chi-minh", "Thành Đoàn Thành phố Hồ Chí Minh"),
        ("hai-phong", "Thành Đoàn Hải Phòng"),
        ("da-nang", "Thành Đoàn Đà Nẵng"),
        ("can-tho", "Thành Đoàn Cần Thơ"),
        ("hue", "Thành Đoàn Huế"),
        ("thua-thien-hue", "Thành Đoàn Huế"),
        ("bac-ninh", "Tỉnh đoàn Bắc Ninh"),
        ("bac-giang", "Tỉnh đoàn Bắc Ninh"),
        ("quang-nam", "Thành Đoàn Đà Nẵng"),
        ("lao-cai", "Tỉnh đoàn Lào Cai"),
    ],
)
def test_vietnamese_forms_unit_name_of_city_and_province(taxonomies: Taxonomies, key: str, unit: str) -> None:
    province, _ = read_province(key, taxonomies.provinces)

    assert unit_name(province, taxonomies.provinces) == unit


# --- categories, fields, awards ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vocabulary", "written", "key"),
    [
        ("categories", "Hoạt động hưởng ứng", "hoat-dong"),
        ("categories", "hoat dong huong ung", "hoat-dong"),
        ("categories", "Tập huấn", "tap-huan"),
        ("categories", "tap huan", "tap-huan"),
        ("categories", "Tổ công nghệ số cộng đồng", "to-cong-nghe-so"),
        ("fields", "Nông nghiệp", "nong-nghiep"),
        ("fields", "Văn hóa – Du lịch", "van-hoa-du-lich"),
        ("fields", "Văn hoá - Du lịch", "van-hoa-du-lich"),
        ("fields", "An toàn thông tin mạng", "an-toan-mang"),
        ("awards", "Giải Nhất", "nhat"),
        ("awards", "giải nhì", "nhi"),
        ("awards", "Giải Khuyến khích", "khuyen-khich"),
    ],
)
def test_vietnamese_forms_labels_as_shown_on_the_site(taxonomies: Taxonomies, vocabulary: str, written: str, key: str) -> None:
    terms = getattr(taxonomies, vocabulary)
    term, canonical = read_term(written, terms, strip=("giai-",) if vocabulary == "awards" else ())

    assert (term.key, canonical) == (key, key)


def test_vietnamese_forms_award_without_prefix(taxonomies: Taxonomies) -> None:
    term, canonical = read_term("Nhất", taxonomies.awards, strip=("giai-",))

    assert (term.key, canonical) == ("nhat", "nhat")


def test_vietnamese_forms_category_typo_names_key_and_label(taxonomies: Taxonomies) -> None:
    with pytest.raises(FieldError) as failure:
        read_term("Hoạt đông hưởng ứn", taxonomies.categories)

    assert failure.value.hint == "có phải ý bạn là 'hoat-dong' (Hoạt động hưởng ứng)?"


# --- whole files: accepted, with a notice per value --------------------------------------------------


def test_vietnamese_forms_news_file_accepted_with_notices(root: Path, news: Maker) -> None:
    rel = news(
        date="3/10/2025 8h30",
        category="Hoạt động hưởng ứng",
        authors="Nguyễn Văn An, Trần Thị Bình",
        extra=["tags: chuyển đổi số, thanh niên", "province: TP. Hồ Chí Minh"],
    )

    article = parse_article(root, rel)

    assert article.date == datetime(2025, 10, 3, 8, 30, tzinfo=VN)
    assert article.category.key == "hoat-dong"
    assert article.authors == ("Nguyễn Văn An", "Trần Thị Bình")
    assert [tag.name for tag in article.tags] == ["chuyển đổi số", "thanh niên"]
    assert article.province is not None and article.province.key == "ho-chi-minh"
    said = {notice.field: notice.canonical for notice in article.notices}
    assert said == {
        "date": "2025-10-03 08:30",
        "category": "hoat-dong",
        "authors": "[Nguyễn Văn An, Trần Thị Bình]",
        "tags": "[chuyển đổi số, thanh niên]",
        "province": "ho-chi-minh",
    }
    date_notice = next(n for n in article.notices if n.field == "date")
    assert date_notice.line == 3 and date_notice.path == rel
    assert date_notice.format().startswith(f"Đã hiểu: {rel}:3 [date]: '3/10/2025 8h30' → 2025-10-03 08:30")
    assert "newsroom check --fix" in (date_notice.hint or "")


def test_vietnamese_forms_tags_list_and_single_tag_unchanged(root: Path, news: Maker) -> None:
    listed = parse_article(root, news("a.md", extra=["tags: [chuyển đổi số, thanh niên]"]))
    single = parse_article(root, news("b.md", extra=["tags: chuyển đổi số"]))

    assert [t.name for t in listed.tags] == ["chuyển đổi số", "thanh niên"] and not listed.notices
    assert [t.name for t in single.tags] == ["chuyển đổi số"] and not single.notices


def test_vietnamese_forms_tags_semicolons_split(root: Path, news: Maker) -> None:
    article = parse_article(root, news(extra=["tags: VNeID; dịch vụ công"]))

    assert [t.name for t in article.tags] == ["VNeID", "dịch vụ công"]


def test_vietnamese_forms_initiative_legacy_province_and_labels(root: Path, initiative: Maker) -> None:
    rel = initiative(province='"Thừa Thiên Huế"', field="Nông nghiệp", extra=["award: Giải Nhì"], date="13/10/2024")

    entry = parse_initiative(root, rel)

    assert entry.province is not None and (entry.province.key, entry.province.unit.key) == ("thua-thien-hue", "hue")
    assert (entry.field.key, entry.award.key if entry.award else None) == ("nong-nghiep", "nhi")
    assert {n.field: n.canonical for n in entry.notices} == {
        "province": "thua-thien-hue",
        "field": "nong-nghiep",
        "award": "nhi",
        "date": "2024-10-13",
    }
    province_notice = next(n for n in entry.notices if n.field == "province")
    assert "tỉnh cũ nay thuộc Huế" in province_notice.message


def test_vietnamese_forms_month_first_in_file_refused_at_its_line(root: Path, news: Maker) -> None:
    rel = news(date='"10/13/2025 08:30"')

    error = only(errors_of(root, rel), "date")

    assert error.line == 3
    assert error.hint is not None and "có phải ý bạn là 13/10/2025 08:30?" in error.hint


def test_vietnamese_forms_pasted_invisible_characters_ignored_in_values(taxonomies: Taxonomies) -> None:
    assert read_date("3/10/2025\u200b").canonical == "2025-10-03"
    assert read_province("Hà\u200b Nội", taxonomies.provinces)[0].key == "ha-noi"
    assert read_term("\ufefftap-huan", taxonomies.categories) == (taxonomies.categories.terms["tap-huan"], None)
