"""The basic fixture site, built with the real `mkdocs build --strict`: URLs, listings, pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit import read

ARTICLE = "bai-viet/to-cong-nghe-so-cong-dong-huong-dan-nguoi-dan-cai-dat-vneid/"
HA_GIANG = "bai-viet/thanh-nien-ha-giang-livestream-ban-cam-sanh/"
TUYEN_QUANG = "bai-viet/tap-huan-an-toan-thong-tin-cho-doan-vien-tuyen-quang/"
OPINION = "bai-viet/thanh-nien-va-chuyen-doi-so-tu-nhan-thuc-den-hanh-dong/"
HOSTILE = "bai-viet/bai-co-ma-doc-trong-noi-dung/"
INITIATIVE = "vinh-danh/ung-dung-so-tay-nong-san-so/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sitekit import SITES, make_site, mkdocs_build

    site = make_site(tmp_path_factory.mktemp("basic") / "site-src", SITES / "basic")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


def links_in(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_build_article_urls_exist(site: Path) -> None:
    for url in (ARTICLE, HA_GIANG, TUYEN_QUANG, OPINION, HOSTILE, INITIATIVE):
        assert (site / "site" / url / "index.html").is_file(), url


def test_build_article_page_shows_vietnamese_metadata(site: Path) -> None:
    html = read(site, ARTICLE)
    assert '<html lang="vi"' in html
    assert "Thứ Năm, 03/10/2024 08:30" in html
    assert "Nguyễn Thu Hà, Trần Minh Đức" in html
    assert "Tỉnh đoàn Bắc Giang" in html
    # Written under the legacy name, linked to today's unit.
    assert "Bắc Giang (nay là Bắc Ninh)" in html
    assert 'href="../../tinh-thanh/bac-ninh/"' in html
    assert 'href="../../chuyen-muc/to-cong-nghe-so/"' in html
    assert 'href="../../the/vneid/"' in html and 'href="../../the/dich-vu-cong/"' in html


def test_build_offset_dates_shown_in_vietnam_time(site: Path) -> None:
    # 2022-10-10 01:15 UTC is 08:15 in Viet Nam, a Monday.
    html = read(site, OPINION)
    assert "Thứ Hai, 10/10/2022 08:15" in html
    assert "Cập nhật Thứ Tư, 12/10/2022 09:00" in html


IMAGE_URL = re.compile(r"^((?:\.\./)*)anh/[0-9a-f]{20}/[^/]+$")


def published_file(site: Path, page: str, url: str) -> Path:
    """The built file a page-relative image URL points at (content-addressed under anh/)."""
    match = IMAGE_URL.match(url)
    assert match, url
    assert len(match.group(1)) // 3 == page.count("/"), url  # relative to the page, up to the site root
    return site / "site" / url[len(match.group(1)) :]


def test_build_images_are_served_as_processed_variants_only(site: Path) -> None:
    html = read(site, ARTICLE)
    folder = site / "site" / ARTICLE
    # The editor's originals (EXIF, GPS) are never published; the stripped variants are, once, under anh/.
    assert {p.name for p in folder.iterdir()} == {"index.html", "index.html.gz"}  # the page, precompressed
    assert not list((site / "site").rglob("cover.jpg")) and not list((site / "site").rglob("anh-trong-bai.png"))
    cover = html.split('class="nr-article__cover"')[1].split("</figure>")[0]
    webp = re.search(r'<source type="image/webp" srcset="([^" ]+) 64w"', cover)
    jpeg = re.search(r' src="([^"]+)"', cover)
    assert webp and jpeg and webp.group(1).endswith("/cover-64.webp") and jpeg.group(1).endswith("/cover-64.jpg")
    assert published_file(site, ARTICLE, webp.group(1)).is_file() and published_file(site, ARTICLE, jpeg.group(1)).is_file()
    assert 'width="64" height="36"' in cover
    assert 'alt="Đoàn viên hướng dẫn người cao tuổi dùng điện thoại"' in cover
    body = html.split('class="nr-article__body"')[1]
    inline = re.search(r'srcset="([^" ]+anh-trong-bai-32\.webp) 32w"', body)
    assert inline and published_file(site, ARTICLE, inline.group(1)).is_file()
    assert 'alt="Người dân xếp hàng được hỗ trợ"' in body


def test_build_bodies_are_sanitised(site: Path) -> None:
    body = read(site, HOSTILE).split('class="nr-article__body"')[1].split("</div>")[0]
    assert "Đoạn văn an toàn" in body
    assert "pwned" not in body
    assert "javascript:" not in body
    assert "onclick" not in body and "onerror" not in body


def test_build_category_listing_membership(site: Path) -> None:
    html = read(site, "chuyen-muc/to-cong-nghe-so/")
    assert f'href="../../{ARTICLE}"' in html
    assert HA_GIANG not in html
    empty = read(site, "chuyen-muc/tap-huan/")
    assert "Chưa có bài viết." in empty


def test_build_province_listing_groups_legacy_names_under_todays_unit(site: Path) -> None:
    html = read(site, "tinh-thanh/tuyen-quang/")
    assert f'href="../../{HA_GIANG}"' in html  # written under Hà Giang
    assert f'href="../../{TUYEN_QUANG}"' in html
    assert HOSTILE not in html
    # The legacy key gets no listing of its own, only a redirect to today's unit.
    redirect = read(site, "tinh-thanh/ha-giang/")
    assert "url=../../tinh-thanh/tuyen-quang/" in redirect


def test_build_tag_and_year_listings(site: Path) -> None:
    tag = read(site, "the/dich-vu-cong/")
    assert ARTICLE in tag and TUYEN_QUANG in tag and HA_GIANG not in tag
    year = read(site, "luu-tru/2022/")
    assert OPINION in year and ARTICLE not in year


def test_build_home_has_featured_latest_blocks_and_initiatives(site: Path) -> None:
    html = read(site, "")
    featured = html.split('id="nr-featured"')[1].split("</section>")[0]
    assert ARTICLE in featured
    latest = html.split('id="nr-latest"')[1].split("</section>")[0]
    # Newest first: the 2025 articles before the 2022 one.
    assert latest.index(HOSTILE) < latest.index(OPINION)
    assert "Vinh danh sáng kiến số" in html and INITIATIVE in html


def test_build_articles_are_not_in_navigation(site: Path) -> None:
    html = read(site, "")
    nav = html.split("md-nav--primary")[1].split("md-nav--secondary")[0]
    assert "bai-viet/" not in nav
    assert "chuyen-muc/" in nav


def test_build_related_articles_share_tags(site: Path) -> None:
    html = read(site, ARTICLE)
    related = html.split('id="nr-related-heading"')[1]
    assert 'href="../tap-huan-an-toan-thong-tin-cho-doan-vien-tuyen-quang/"' in related  # shares "dịch vụ công"


def test_build_initiative_page_shows_only_allowed_member_data(site: Path) -> None:
    html = read(site, INITIATIVE)
    assert "Lê Minh Khôi" in html and "Trưởng nhóm" in html and "Trường THPT chuyên Bắc Giang" in html
    assert "Phạm Gia Hân" in html and "14 tuổi" in html
    assert "Giải Nhất" in html and "Nông nghiệp" in html
    photo = re.search(r'srcset="([^" ]+/anh-1-48\.webp) 48w', html)
    assert photo and published_file(site, INITIATIVE, photo.group(1)).is_file()
    assert not (site / "site" / INITIATIVE / "anh-1.jpg").exists()
    listing = read(site, "vinh-danh/")
    assert INITIATIVE.split("/")[1] in listing


def test_build_alias_redirects_to_current_url(site: Path) -> None:
    html = read(site, "bai-viet/to-cong-nghe-so-cai-vneid/")
    assert f'content="0; url=../../{ARTICLE}"' in html
    assert f'rel="canonical" href="https://chuyendoiso.tainangviet.vn/{ARTICLE}"' in html


def test_build_every_internal_link_resolves(site: Path) -> None:
    out = site / "site"
    for page in out.rglob("index.html"):
        for href in links_in(page.read_text(encoding="utf-8")):
            if href.startswith(("http", "mailto:", "#", "data:")) or "assets/" in href:
                continue
            path = href.split("#")[0].split("?")[0]
            target = (out / path.lstrip("/")) if path.startswith("/") else (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(out)} links to missing {href}"


def test_build_all_articles_listing(site: Path) -> None:
    html = read(site, "bai-viet/")
    for url in (ARTICLE, HA_GIANG, TUYEN_QUANG, OPINION, HOSTILE):
        assert url.split("/")[1] in html
    assert INITIATIVE.split("/")[1] not in html
