"""The image pipeline inside a real build: a warm rebuild encodes nothing; a bad image is a clear error."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image

from sitekit import SITES, build_env, make_site, mkdocs_build


def encoded_count(output: str) -> tuple[int, int]:
    match = re.search(r"Ảnh: (\d+) ảnh xử lý mới, (\d+) ảnh dùng lại", output)
    assert match, output
    return int(match[1]), int(match[2])


def test_build_second_build_encodes_no_image(tmp_path: Path) -> None:
    site = make_site(tmp_path / "warm", SITES / "basic")
    env = build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache"))
    first = mkdocs_build(site, env=env)
    assert first.returncode == 0, first.stderr
    assert encoded_count(first.stderr) == (4, 0)  # cover, body image, initiative photo, the hostile page's image
    second = mkdocs_build(site, env=env)
    assert second.returncode == 0, second.stderr
    assert encoded_count(second.stderr) == (0, 4)


def test_build_bad_image_names_the_article_field_and_image(tmp_path: Path) -> None:
    site = make_site(tmp_path / "bad", SITES / "bad_images")
    result = mkdocs_build(site, env=build_env(NEWSROOM_CACHE_DIR=str(tmp_path / "cache")))
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert "articles/news/anh-hong/index.md:7 [cover]: ảnh 'articles/news/anh-hong/cover.jpg'" in out


ODD_NAMES = ["tom & ca.jpg", "anh#so1.jpg", "50% giam.png", "hoi?.jpg", "bìa ảnh.jpg"]


def test_build_file_names_with_odd_characters_give_encoded_urls_that_resolve(tmp_path: Path) -> None:
    site = make_site(tmp_path / "names")
    bundle = site / "articles" / "news" / "ten-tep"
    bundle.mkdir(parents=True)
    for name in ODD_NAMES:
        Image.new("RGB", (40, 30), "#c8102e").save(bundle / name)
    (bundle / "index.md").write_text(
        "---\ntitle: Tên tệp lạ\ndate: 2025-10-01 08:00\nauthors: [Kiểm thử]\ncategory: hoat-dong\n"
        'description: "Ảnh có tên lạ."\ncover: "bìa ảnh.jpg"\ncover_alt: "Bìa & ảnh"\n---\n'
        "\nMở đầu.\n\n![Tôm & cá](<tom & ca.jpg>)\n\n![Số 1](anh%23so1.jpg)\n\n"
        '<img src="50%25 giam.png" alt="Giảm &amp; giá">\n\n![Hỏi](hoi%3F.jpg)\n',
        encoding="utf-8",
    )
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    out = site / "site"
    page = out / "bai-viet" / "ten-tep-la" / "index.html"
    html = page.read_text(encoding="utf-8")

    def resolves(url: str, base: Path) -> bool:
        path = unquote(urlsplit(url).path)
        target = (out / path.lstrip("/")) if path.startswith("/") else (base / path)
        return target.resolve().is_file()

    urls = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    candidates = [part.split()[0] for url in urls for part in url.split(",") if "anh/" in part]
    assert len(candidates) >= 10
    assert all(" " not in c and "#" not in c and "?" not in c for c in candidates), candidates
    assert all(resolves(c, page.parent) for c in candidates), candidates
    for alt in ('alt="Tôm &amp; cá"', 'alt="Giảm &amp; giá"', 'alt="Bìa &amp; ảnh"'):
        assert alt in html  # escaped once, not "&amp;amp;"
    assert "&amp;amp;" not in html
    enclosure = re.search(r'<enclosure url="https://chuyendoiso.tainangviet.vn/([^"]+)"', (out / "feed.xml").read_text("utf-8"))
    assert enclosure and " " not in enclosure[1] and resolves("/" + enclosure[1], out)
    feed = json.loads((out / "feed.json").read_text("utf-8"))
    images = re.findall(r'src="https://chuyendoiso.tainangviet.vn/([^"]+)"', feed["items"][0]["content_html"])
    assert len(images) >= 4 and all(" " not in u and resolves("/" + u, out) for u in images), images


def test_build_shared_photo_folder_is_published_once_for_every_article_showing_it(tmp_path: Path) -> None:
    site = make_site(tmp_path / "shared")
    (site / "articles" / "hinh-anh").mkdir(parents=True)
    Image.new("RGB", (60, 40), "#0b5394").save(site / "articles" / "hinh-anh" / "le-ra-quan.jpg")
    head = "---\ntitle: {title}\ndate: 2025-10-0{day} 08:00\nauthors: [Kiểm thử]\ncategory: hoat-dong\ndescription: Ảnh dùng chung.\n"
    (site / "articles" / "news" / "a").mkdir(parents=True)
    (site / "articles" / "news" / "a" / "index.md").write_text(
        head.format(title="Bài A", day=1) + "cover: ../../hinh-anh/le-ra-quan.jpg\ncover_alt: Lễ ra quân\n---\n\nMở đầu.\n",
        encoding="utf-8",
    )
    (site / "articles" / "news" / "b.md").write_text(
        head.format(title="Bài B", day=2) + "---\n\nMở đầu.\n\n![Lễ ra quân](../hinh-anh/le-ra-quan.jpg)\n", encoding="utf-8"
    )
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    out = site / "site"

    published = sorted(p.relative_to(out).as_posix() for p in out.rglob("le-ra-quan*"))
    assert published and len({p.rsplit("/", 1)[0] for p in published}) == 1, published  # one folder, once
    assert not (out / "hinh-anh").exists()
    for slug in ("bai-a", "bai-b"):
        page = out / "bai-viet" / slug / "index.html"
        urls = re.findall(r'src="([^"]*le-ra-quan[^"]*)"', page.read_text(encoding="utf-8"))
        assert urls and all((page.parent / unquote(u)).resolve().is_file() for u in urls), (slug, urls)
