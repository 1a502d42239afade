"""The desk (/bien-tap/): under the real `mkdocs serve` it lists the drafts and scheduled entries
with their share cards; `mkdocs build` never writes it."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

from preview_kit import Preview
from sitekit import SITES, build_env, make_site, mkdocs_build

EPOCH_2026 = "1790000000"  # 2026-09-21: the fixture's 2030 entry is still scheduled
DRAFT_TITLE = "Bản nháp chưa hoàn thiện"
SCHEDULED_TITLE = "Phát động chiến dịch năm 2030"


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def test_desk_lists_drafts_and_scheduled_entries_with_their_cards_under_serve(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", SITES / "drafts_and_scheduled")
    preview = Preview(site, tmp_path / "cache", SOURCE_DATE_EPOCH=EPOCH_2026)
    try:
        preview.wait(lambda: preview.get("bien-tap/") is not None, "the desk")
        status, desk = preview.get("bien-tap/") or (0, "")
        assert status == 200 and "<h1>Bàn biên tập</h1>" in desk
        assert 'content="noindex' in desk
        drafts, scheduled = _section(desk, "nr-desk-drafts"), _section(desk, "nr-desk-scheduled")
        assert "Bản nháp (1)" in drafts and DRAFT_TITLE in drafts and SCHEDULED_TITLE not in drafts
        assert "Hẹn giờ (1)" in scheduled and SCHEDULED_TITLE in scheduled
        assert "Lên trang lúc 01/10/2030 07:00" in scheduled  # Vietnam time, dd/mm/yyyy HH:MM
        # Each item: its share card as a social network shows it (image, domain, title) and its preview link.
        for section, title in ((drafts, DRAFT_TITLE), (scheduled, SCHEDULED_TITLE)):
            assert "chuyendoiso.tainangviet.vn" in section and f'<p class="nr-share__title">{title}</p>' in section
            cards = re.findall(r'<img src="([^"]+\.jpg)"', section)
            links = re.findall(r'href="([^"]+)">Xem trước trang này', section)
            assert len(cards) == 1 and len(links) == 1
            desk_url = preview.url + "bien-tap/"
            with urllib.request.urlopen(urljoin(desk_url, cards[0]), timeout=30) as response:  # noqa: S310 - loopback
                assert response.headers["Content-Type"] == "image/jpeg" and response.read(3) == b"\xff\xd8\xff"
            page = preview.text(urljoin(desk_url, links[0]).removeprefix(preview.url))
            assert f"<title>{title}" in page
        recent = _section(desk, "nr-desk-recent")
        assert recent.count('class="nr-desk__item"') == 3  # all three entries (fewer than ten)
        counts = _section(desk, "nr-desk-counts")
        assert re.search(r"<th scope=\"row\">Tin bài</th><td>1</td><td>1</td><td>1</td><td>3</td>", counts), counts
        assert "Hà Nội" in counts
    finally:
        preview.stop()


def test_mkdocs_build_has_no_desk(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", SITES / "drafts_and_scheduled")
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH=EPOCH_2026))
    assert result.returncode == 0, result.stderr
    assert (site / "site" / "index.html").is_file()
    assert not (site / "site" / "bien-tap").exists()
    assert "bien-tap" not in (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
