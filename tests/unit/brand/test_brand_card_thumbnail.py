"""A social card is drawn from an already-resized variant of its cover, never from the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import make_image, news_text, parse_article, write
from PIL import Image

from newsroom.brand import load_brand
from newsroom.brand.card_painter import CardPainter
from newsroom.brand.cards import THUMBNAIL_SIZE
from newsroom.brand.site_brand import KIT_DIR
from newsroom.cache import ContentCache
from newsroom.images.library import MediaLibrary
from newsroom.plan.social import entry_card
from sitekit import PROJECT


@pytest.mark.parametrize(("size", "width"), [((1600, 1200), 800), ((900, 1800), 480), ((400, 300), 400)])
def test_card_thumbnail_is_the_smallest_variant_that_covers_the_box(
    tmp_path: Path, size: tuple[int, int], width: int
) -> None:
    root = tmp_path / "site"
    make_image(root / "articles/news/2024/bai/anh-bia.jpg", size)
    write(root, "articles/news/2024/bai/index.md", news_text(extra=["cover: anh-bia.jpg", 'cover_alt: "Ảnh bìa"']))
    article = parse_article(root, "articles/news/2024/bai/index.md")
    media = MediaLibrary(tmp_path / "cache", root)
    assert media.process([article]) == []
    assert article.cover is not None
    source = article.cover.asset.src

    found = media.card_thumbnail(source, THUMBNAIL_SIZE)

    assert found is not None
    path, key = found
    assert path != source and path.is_relative_to(tmp_path / "cache")
    with Image.open(path) as variant:
        assert variant.format == "JPEG" and variant.width == width  # covers 460×546 where the source allows
        if width < size[0]:
            assert variant.width >= THUMBNAIL_SIZE[0] and variant.height >= THUMBNAIL_SIZE[1]
    assert key == media.published[source].digest + f"-{width}.jpg"

    # The painter keys and draws the card from that variant: the original is never read.
    painter = CardPainter(load_brand(PROJECT / KIT_DIR), ContentCache(tmp_path / "cache", "cards", "t"), media.card_thumbnail)
    source.write_bytes(b"not an image any more")  # reading the original would now fail
    card = painter.submit(entry_card(article))
    unkept, problems = painter.collect()
    assert problems == [] and unkept == {} and card.is_file()
    with Image.open(card) as image:
        assert image.format == "JPEG"
