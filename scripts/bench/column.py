"""This project's layout: a copy of the project (as tests/sitekit.make_site) with articles/ from the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

from .corpus import PROJECT, Article, Corpus, Initiative, body_markdown, link, quote
from .tool import BIN, Site

SOURCE_DATE_EPOCH = "1790000000"  # 2026-09-21: every generated entry is published


def article_markdown(article: Article) -> str:
    tags = ", ".join(article.tags)
    return (
        "---\n"
        f"title: {quote(article.title)}\n"
        f"date: {article.date}\n"
        f"slug: {article.slug}\n"
        f"authors: [{article.author}]\n"
        f"category: {article.category}\n"
        f"tags: [{tags}]\n"
        f"province: {article.province}\n"
        f"description: {quote(article.description)}\n"
        "cover: cover.jpg\n"
        f"cover_alt: {quote('Ảnh bìa minh họa của bài ' + article.slug)}\n"
        "---\n\n" + body_markdown(article, ("anh-1.jpg", "anh-2.jpg"))
    )


def initiative_markdown(item: Initiative) -> str:
    members = "\n".join(f"  - {{name: {name}, age: {age}, role: {role}}}" for name, age, role in item.members)
    award = f"award: {item.award}\n" if item.award else ""
    return (
        "---\n"
        f"title: {quote(item.title)}\n"
        f"date: {item.date}\n"
        f"slug: {item.slug}\n"
        f"description: {quote(item.description)}\n"
        f"team: {quote(item.team)}\n"
        f"members:\n{members}\n"
        f"province: {item.province}\n"
        f"field: {item.field}\n"
        f"{award}"
        "images:\n"
        f"  - {{src: anh-1.jpg, alt: {quote('Ảnh thứ nhất của ' + item.slug)}}}\n"
        f"  - {{src: anh-2.jpg, alt: {quote('Ảnh thứ hai của ' + item.slug)}}}\n"
        "---\n\n" + "\n\n".join(item.paragraphs) + "\n"
    )


def write_articles(corpus: Corpus, articles: Path) -> None:
    """The corpus as this project's `articles/` (bundles: index.md with its images)."""
    for article in corpus.articles:
        bundle = articles / "news" / str(article.year) / article.slug
        bundle.mkdir(parents=True, exist_ok=True)
        (bundle / "index.md").write_text(article_markdown(article), encoding="utf-8")
        link(corpus.image(article.cover), bundle / "cover.jpg")
        link(corpus.image(article.body_images[0]), bundle / "anh-1.jpg")
        link(corpus.image(article.body_images[1]), bundle / "anh-2.jpg")
    for item in corpus.initiatives:
        bundle = articles / "initiatives" / str(item.year) / item.slug
        bundle.mkdir(parents=True, exist_ok=True)
        (bundle / "index.md").write_text(initiative_markdown(item), encoding="utf-8")
        link(corpus.image(item.images[0]), bundle / "anh-1.jpg")
        link(corpus.image(item.images[1]), bundle / "anh-2.jpg")
    (articles / "news").mkdir(parents=True, exist_ok=True)
    (articles / "initiatives").mkdir(parents=True, exist_ok=True)


def lay_out(corpus: Corpus, dest: Path) -> Site:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "overrides", "assets"):
        shutil.copytree(PROJECT / name, dest / name)
    (dest / "hooks").symlink_to(PROJECT / "hooks", target_is_directory=True)
    write_articles(corpus, dest / "articles")
    edited = corpus.articles[len(corpus.articles) // 2]
    cache = dest / ".cache"
    return Site(
        name="this column",
        root=dest,
        command=[str(BIN / "mkdocs"), "build", "--strict"],
        output=dest / "site",
        caches=[cache],
        edit_target=dest / "articles" / "news" / str(edited.year) / edited.slug / "index.md",
        env={"NEWSROOM_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )


def page_url(slug: str) -> str:
    return f"bai-viet/{slug}/"
