"""Material for MkDocs' blog plugin with tags and mkdocs-rss-plugin: the setup a Material user would pick.

Posts are bundles under docs/blog/posts/<slug>/ with their cover and body images beside them. Material's
blog plugin does no image processing: the originals are published as they are (per post).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .corpus import CATEGORIES, PROVINCES, Article, Corpus, body_markdown, link, quote
from .tool import BIN, Site

CONFIG = """\
site_name: Chuyên mục Chuyển đổi số (Material blog)
site_url: https://chuyendoiso.tainangviet.vn/
theme:
  name: material
  language: vi
  font: false
plugins:
  - blog:
      blog_dir: blog
      post_url_format: "{slug}"
      pagination_per_page: 12
      archive: true
      categories: true
  - tags
  - rss:
      match_path: "blog/posts/.*"
      use_git: false
      date_from_meta:
        as_creation: date
      categories:
        - categories
        - tags
nav:
  - Trang chủ: index.md
  - Tin bài: blog/index.md
  - Thẻ: tags.md
"""


def post_markdown(article: Article, category_name: str) -> str:
    tags = ", ".join(quote(tag) for tag in (*article.tags, PROVINCES_NAMES.get(article.province, article.province)))
    return (
        "---\n"
        f"title: {quote(article.title)}\n"
        f"date: {article.date}:00\n"
        f"slug: {article.slug}\n"
        f"authors: []\n"
        f"categories: [{quote(category_name)}]\n"
        f"tags: [{tags}]\n"
        f"description: {quote(article.description)}\n"
        "---\n\n"
        + body_markdown(article, ("anh-1.jpg", "anh-2.jpg"), more=True).replace(
            "<!-- more -->", f"<!-- more -->\n\n![Ảnh bìa của bài {article.slug}](cover.jpg)"
        )
    )


PROVINCES_NAMES: dict[str, str] = {key: key for key in PROVINCES}


def lay_out(corpus: Corpus, dest: Path) -> Site:
    import yaml

    from .corpus import DATA

    categories = {key: value["name"] for key, value in yaml.safe_load((DATA / "categories.yml").read_text(encoding="utf-8")).items()}
    assert set(categories) == set(CATEGORIES)
    units = yaml.safe_load((DATA / "provinces.yml").read_text(encoding="utf-8"))["units"]
    PROVINCES_NAMES.update({key: value["name"] for key, value in units.items()})
    shutil.rmtree(dest, ignore_errors=True)
    docs = dest / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Chuyên mục Chuyển đổi số\n\nTin bài mới nhất: [Tin bài](blog/index.md).\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Tin bài\n", encoding="utf-8")
    (docs / "tags.md").write_text("# Thẻ\n\n<!-- material/tags -->\n", encoding="utf-8")
    for article in corpus.articles:
        bundle = docs / "blog" / "posts" / article.slug
        bundle.mkdir()
        (bundle / "index.md").write_text(post_markdown(article, categories[article.category]), encoding="utf-8")
        link(corpus.image(article.cover), bundle / "cover.jpg")
        link(corpus.image(article.body_images[0]), bundle / "anh-1.jpg")
        link(corpus.image(article.body_images[1]), bundle / "anh-2.jpg")
    edited = corpus.articles[len(corpus.articles) // 2]
    return Site(
        name="Material blog",
        root=dest,
        command=[str(BIN / "mkdocs"), "build"],
        output=dest / "site",
        caches=[dest / ".cache"],
        edit_target=docs / "blog" / "posts" / edited.slug / "index.md",
        note="blog + tags + rss plugins; no image processing (originals published per post); initiatives not laid out",
    )
