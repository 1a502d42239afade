"""Social cards in a built site: every card a real JPEG of the card size, at most 120 KB; every page's
link preview and every feed that points to a card says image/jpeg, with the card's real length."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from PIL import Image

from newsroom import routes
from newsroom.brand.cards import MAX_BYTES
from newsroom.site_constants import CARD_HEIGHT, CARD_WIDTH
from sitekit import SITES, build_env, make_site, mkdocs_build

SITE = "https://chuyendoiso.tainangviet.vn/"
OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')
OG_TYPE = re.compile(r'<meta property="og:image:type" content="([^"]+)">')


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("cards") / "src", SITES / "feed_items")
    result = mkdocs_build(site, env=build_env(SOURCE_DATE_EPOCH="1790000000"))
    assert result.returncode == 0, result.stderr
    return site / "site"


def test_build_every_card_is_a_jpeg_of_the_card_size_under_120_kb(out: Path) -> None:
    cards = sorted((out / routes.CARDS).rglob("*"))
    cards = [card for card in cards if card.is_file()]
    assert len(cards) > 10 and (out / routes.DEFAULT_CARD).is_file()
    for card in cards:
        assert card.suffix == ".jpg", card
        assert card.stat().st_size <= MAX_BYTES <= 120 * 1024, card
        with Image.open(card) as image:
            assert image.format == "JPEG" and image.size == (CARD_WIDTH, CARD_HEIGHT), card
            image.load()  # the whole file decodes, not only its header


def test_build_link_previews_point_to_jpeg_cards(out: Path) -> None:
    pages = [p for p in out.rglob("index.html") if "nhung" not in p.parts]
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        image = OG_IMAGE.search(html)
        if image is None:
            continue  # a redirect page
        assert OG_TYPE.findall(html) == ["image/jpeg"], page
        path = urlsplit(image.group(1)).path.lstrip("/")
        assert path.startswith(routes.CARDS) and path.endswith(".jpg"), page
        with Image.open(out / path) as card:
            assert card.format == "JPEG", page
        checked += 1
    assert checked > 10


def test_build_feeds_declare_the_cards_as_jpeg_with_their_length(out: Path) -> None:
    found = 0
    for feed in [*out.rglob("feed.xml"), *out.rglob("feed.atom")]:
        tree = etree.parse(str(feed))
        for node in tree.iter("{*}enclosure", "enclosure", "{*}content", "{*}link"):
            url = node.get("url") or (node.get("href") if node.get("rel") == "enclosure" else None)
            if not url or not urlsplit(url).path.startswith("/" + routes.CARDS):
                continue
            card = out / urlsplit(url).path.lstrip("/")
            assert node.get("type") == "image/jpeg", (feed, url)
            length = node.get("length") or node.get("fileSize")
            assert length is not None and int(length) == card.stat().st_size, (feed, url)
            found += 1
    assert found >= 2  # the article without a cover, in RSS and Atom at least
