"""Social cards: size, text inside the safe area, wrapping and ellipsis, the cache, another kit."""

from __future__ import annotations

import io
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from brand_kits import (
    CARDS,
    COVER,
    INITIATIVE_IMAGE,
    INITIATIVE_TITLE,
    KIT,
    LONG_TITLE,
    STACKED_HEAVY,
    STACKED_TITLE,
    fixture_kit,
)
from PIL import Image

from newsroom.brand import Brand, CardError, TextBlock, draw_social_card, layout_card, load_brand, render_social_card, wrap_text
from newsroom.brand.cards import MAX_BYTES
from newsroom.brand.layout import load_font
from newsroom.cache import ContentCache


@pytest.fixture(scope="module")
def brand() -> Brand:
    return load_brand(KIT)


@pytest.fixture
def cache(tmp_path: Path) -> ContentCache:
    return ContentCache(tmp_path / ".cache", "social-cards", "test")


def inside(box: tuple[int, int, int, int], area: tuple[int, int, int, int]) -> bool:
    return area[0] <= box[0] and area[1] <= box[1] and box[2] <= area[2] and box[3] <= area[3]


def open_jpeg(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert len(data) <= MAX_BYTES
    return image


def rgb_at(image: Image.Image, xy: tuple[int, int]) -> tuple[int, ...]:
    """The RGB pixel at `xy` (getpixel is typed for every mode; an RGB image always gives a tuple)."""
    pixel = image.convert("RGB").getpixel(xy)
    assert isinstance(pixel, tuple), pixel
    return pixel


def near(pixel: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    """JPEG moves a flat colour by a step or two."""
    return all(abs(a - b) <= 3 for a, b in zip(pixel, expected, strict=True))


def test_brand_card_is_1200_by_630(brand: Brand, cache: ContentCache) -> None:
    with open_jpeg(render_social_card(brand, STACKED_TITLE, "Tổ công nghệ số cộng đồng", None, cache)) as card:
        assert card.size == (1200, 630)
    with open_jpeg(render_social_card(brand, LONG_TITLE, "Hoạt động hưởng ứng", COVER, cache)) as card:
        assert card.size == (1200, 630)


@pytest.mark.parametrize(
    "title",
    [LONG_TITLE, STACKED_TITLE, STACKED_HEAVY, "Ngắn", "Mộtchữdàiliềnnhaukhôngcókhoảngtrắngnàođểngắtdòngcảmàvẫnphảivừakhung" * 2],
)
@pytest.mark.parametrize("thumbnail", [False, True])
def test_brand_card_text_stays_in_the_safe_area(brand: Brand, title: str, thumbnail: bool) -> None:
    layout = layout_card(brand, title, "Tổ công nghệ số cộng đồng", thumbnail)
    assert 1 <= len(layout.title.lines) <= 3
    assert inside(layout.title.bbox, layout.safe_area), (layout.title.bbox, layout.safe_area)
    assert layout.kicker is not None and inside(layout.kicker.bbox, layout.safe_area)
    assert layout.kicker.bbox[3] < layout.title.bbox[1]  # the kicker sits above the title
    for block in layout.blocks:
        assert inside(block.bbox, (0, 0, 1200, 630))
    if thumbnail:
        assert layout.thumbnail is not None
        assert layout.safe_area[2] < min(x for x, _ in layout.thumbnail)


def test_brand_card_long_title_is_cut_with_an_ellipsis(brand: Brand) -> None:
    title = layout_card(brand, LONG_TITLE, None, True).title
    assert title.truncated and len(title.lines) == 3
    assert title.lines[-1].text.endswith("…")
    assert not title.lines[-1].text.endswith(",…")
    shown = title.text.removesuffix("…")
    assert LONG_TITLE.startswith(shown)


def test_brand_card_short_title_is_whole_and_large(brand: Brand) -> None:
    title = layout_card(brand, STACKED_TITLE, None, False).title
    assert not title.truncated and title.text == STACKED_TITLE
    assert title.font_size == 64


def test_brand_card_lines_leave_room_for_stacked_marks(brand: Brand) -> None:
    title: TextBlock = layout_card(brand, STACKED_TITLE + " " + STACKED_TITLE, None, True).title
    assert len(title.lines) >= 2
    for upper, lower in zip(title.lines, title.lines[1:], strict=False):
        assert upper.bbox[3] <= lower.bbox[1], "the marks of a line run into the line above"


def test_brand_card_title_is_nfc(brand: Brand, cache: ContentCache) -> None:
    decomposed = unicodedata.normalize("NFD", STACKED_TITLE)
    assert decomposed != STACKED_TITLE
    assert layout_card(brand, decomposed, None, False).title.text == STACKED_TITLE
    assert render_social_card(brand, decomposed, None, None, cache) == render_social_card(brand, STACKED_TITLE, None, None, cache)


def test_brand_card_second_render_is_a_cache_hit(brand: Brand, cache: ContentCache) -> None:
    first = render_social_card(brand, INITIATIVE_TITLE, "Bến Tre", INITIATIVE_IMAGE, cache)
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (0, 1, 1)
    second = render_social_card(brand, INITIATIVE_TITLE, "Bến Tre", INITIATIVE_IMAGE, cache)
    assert second == first
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (1, 1, 1)


def test_brand_card_cache_key_covers_every_input(brand: Brand, cache: ContentCache, tmp_path: Path) -> None:
    cover = tmp_path / "cover.jpg"
    cover.write_bytes(COVER.read_bytes())
    render_social_card(brand, INITIATIVE_TITLE, "Bến Tre", cover, cache)
    render_social_card(brand, INITIATIVE_TITLE, "Vĩnh Long", cover, cache)
    render_social_card(brand, INITIATIVE_TITLE + "!", "Bến Tre", cover, cache)
    render_social_card(brand, INITIATIVE_TITLE, "Bến Tre", None, cache)
    cover.write_bytes(INITIATIVE_IMAGE.read_bytes())  # same path, other bytes
    render_social_card(brand, INITIATIVE_TITLE, "Bến Tre", cover, cache)
    assert (cache.stats.hits, cache.stats.misses) == (0, 5)


def test_brand_card_is_reproducible(brand: Brand, tmp_path: Path) -> None:
    one = render_social_card(brand, LONG_TITLE, "Hà Nội", COVER, ContentCache(tmp_path / "a", "cards", "1"))
    two = render_social_card(brand, LONG_TITLE, "Hà Nội", COVER, ContentCache(tmp_path / "b", "cards", "1"))
    assert one == two


def test_brand_second_kit_changes_the_card(brand: Brand, cache: ContentCache, tmp_path: Path) -> None:
    green = load_brand(fixture_kit(tmp_path / "xanh-la"))
    ours = render_social_card(brand, STACKED_TITLE, "Huế", None, cache)
    theirs = render_social_card(green, STACKED_TITLE, "Huế", None, cache)
    assert ours != theirs
    assert cache.stats.misses == 2
    with open_jpeg(theirs) as card:
        assert near(rgb_at(card, (20, 300)), (0, 107, 63))  # the green primary as the ground
    with open_jpeg(ours) as card:
        assert near(rgb_at(card, (20, 300)), (11, 61, 145))


def test_brand_card_unreadable_thumbnail_names_the_file(brand: Brand, cache: ContentCache, tmp_path: Path) -> None:
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a jpeg")
    with pytest.raises(CardError, match="hong.jpg"):
        render_social_card(brand, STACKED_TITLE, None, broken, cache)
    with pytest.raises(CardError, match="khong-co.jpg"):
        render_social_card(brand, STACKED_TITLE, None, tmp_path / "khong-co.jpg", cache)


def test_brand_wrap_breaks_a_word_wider_than_the_line(brand: Brand) -> None:
    font = load_font(brand.typeface.bold.path, 40)
    lines, truncated = wrap_text("Chuyểnđổisốtoàndântoàndiện", font, 200, 5)
    assert not truncated and len(lines) > 1
    assert "".join(lines) == "Chuyểnđổisốtoàndântoàndiện"


def test_brand_sample_cards_are_written_for_review(brand: Brand, tmp_path: Path) -> None:
    """Three cards to look at: a long title, stacked diacritics, an initiative (test-results/cards/)."""
    cache = ContentCache(tmp_path / ".cache", "cards", "1")
    samples = {
        "tieu-de-dai.jpg": render_social_card(brand, LONG_TITLE, "Hoạt động hưởng ứng", COVER, cache),
        "dau-chong.jpg": render_social_card(brand, STACKED_TITLE, "Tổ công nghệ số cộng đồng", None, cache),
        "sang-kien.jpg": render_social_card(brand, INITIATIVE_TITLE, "Bến Tre · Giải Nhất", INITIATIVE_IMAGE, cache),
    }
    CARDS.mkdir(parents=True, exist_ok=True)
    for name, data in samples.items():
        (CARDS / name).write_bytes(data)
        with open_jpeg(data) as card:
            assert card.size == (1200, 630)


def test_brand_cards_drawn_in_threads_match_serial_ones(brand: Brand) -> None:
    """Fonts are per thread, so a thread pool may draw cards at once (the build may parallelise)."""
    jobs = [(f"{STACKED_TITLE} {i}", "Huế", COVER.read_bytes() if i % 2 else None) for i in range(6)]
    serial = [draw_social_card(brand, *job) for job in jobs]
    with ThreadPoolExecutor(max_workers=3) as pool:
        parallel = list(pool.map(lambda job: draw_social_card(brand, *job), jobs))
    assert parallel == serial
