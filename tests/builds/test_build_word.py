"""`newsroom import-word` in a real site: a .docx made with python-docx (headings, lists, a table, a link,
two pictures) → the bundle → `newsroom check` → `mkdocs build --strict` → the article page's HTML."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from docx_kit import ALTS, FILLED, LINK, NOW, SLUG, TITLE, article_docx, newsroom, ready_to_publish
from sitekit import build_env, make_site, mkdocs_build, read


def imported_site(tmp_path: Path) -> tuple[Path, Path]:
    """A fixture site with the Word article imported, checked and made ready to publish (draft line removed)."""
    site = make_site(tmp_path / "site")
    document = article_docx(tmp_path / "Bài Đông Anh.docx")
    bare = newsroom(site, "import-word", str(document))
    assert bare.returncode == 0, bare.stderr
    index = site / "articles" / "news" / "2025" / SLUG / "index.md"
    assert "'newsroom check' sẽ còn hỏi 2 điều" in bare.stdout and "[authors]" in bare.stdout and "[description]" in bare.stdout
    refused = newsroom(site, "check")
    assert refused.returncode == 1 and "[authors]: thiếu trường bắt buộc" in refused.stderr
    for path in index.parent.iterdir():
        path.unlink()
    index.parent.rmdir()

    made = newsroom(site, "import-word", str(document), *FILLED)
    assert made.returncode == 0, made.stderr
    assert "sẽ còn hỏi" not in made.stdout
    assert f"Đã tạo articles/news/2025/{SLUG}/index.md" in made.stdout
    assert "2 mục, 1 bảng, 1 liên kết, 2 ảnh (anh-1.png, anh-2.jpg)" in made.stdout
    checked = newsroom(site, "check")
    assert checked.returncode == 0, checked.stderr
    assert "1 bản nháp" in checked.stdout
    assert "\u200b" not in index.read_text(encoding="utf-8")
    ready_to_publish(index)
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH=NOW))
    assert result.returncode == 0, result.stderr
    return site, index


def test_build_word_document_becomes_the_article_page(tmp_path: Path) -> None:
    site, index = imported_site(tmp_path)
    assert sorted(p.name for p in index.parent.iterdir()) == ["anh-1.png", "anh-2.jpg", "index.md"]
    page = lxml.html.fromstring(read(site, f"bai-viet/{SLUG}/"))
    article = page.xpath("//article")[0]
    assert article.xpath("string(.//h1)").strip() == TITLE
    assert len(article.xpath(".//h1")) == 1  # the document's first heading is the title, not a second h1
    assert [" ".join(h.text_content().split()).removesuffix("¶").strip() for h in article.xpath(".//h2")] == [
        "Những việc đã làm", "Kết quả sau một tháng"]
    assert [li.text_content() for li in article.xpath(".//ul/li")][:3] == [
        "Cài đặt ứng dụng VNeID mức 2", "Nộp hồ sơ khai sinh trực tuyến", "Thanh toán lệ phí không dùng tiền mặt"]
    assert [li.text_content() for li in article.xpath(".//ol/li")] == ["Mở thêm điểm hỗ trợ ở nhà văn hoá", "Tập huấn cho đoàn viên mới"]
    assert [th.text_content() for th in article.xpath(".//table//th")] == ["Xã", "Số hồ sơ"]
    assert [[td.text_content() for td in tr.xpath("td")] for tr in article.xpath(".//table//tbody/tr")] == [
        ["Uy Nỗ", "128"], ["Cổ Loa", "96"]]
    assert article.xpath(f'.//a[@href="{LINK}"]/text()') == ["Cổng Dịch vụ công quốc gia"]
    strong = article.xpath(".//p/strong/text()")
    assert "hướng dẫn người dân" in strong and "trực tuyến" in article.xpath(".//p/em/text()")
    assert "VNeID" in article.text_content() and "\u200b" not in article.text_content()
    pictures = article.xpath(".//picture")
    assert len(pictures) == 2
    images = [p.xpath(".//img")[0] for p in pictures]
    assert [img.get("alt") for img in images] == list(ALTS)
    for img in images:
        assert re.match(r"^(\.\./)+anh/[0-9a-f]+/", img.get("src")), img.get("src")  # the processed variants, never the original
        built = (site / "site" / f"bai-viet/{SLUG}/" / img.get("src")).resolve()
        assert built.is_file() and built.stat().st_size > 0
