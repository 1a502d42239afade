"""Titles a share card cuts (checks/card_titles.py): the card's own layout, remembered in .cache/."""

from __future__ import annotations

from pathlib import Path

import pytest
from brand_kits import KIT, LONG_TITLE

from newsroom.brand import Brand, load_brand
from newsroom.brand.cards import card_title_lines, layout_card, title_is_cut
from newsroom.checks.card_titles import NAMESPACE, CardTitles

SHORT = "Tuổi trẻ Huế với Tổ công nghệ số"


@pytest.fixture(scope="module")
def brand() -> Brand:
    return load_brand(KIT)


def test_card_titles_title_is_cut_is_the_drawing_layout(brand: Brand) -> None:
    assert title_is_cut(brand, LONG_TITLE, "Hoạt động", True) is layout_card(brand, LONG_TITLE, "Hoạt động", True).title.truncated is True
    assert title_is_cut(brand, SHORT, "Hoạt động", True) is False
    lines = card_title_lines(brand, LONG_TITLE, "Hoạt động", True)
    assert len(lines) == 3 and lines[-1].endswith("…")


def test_card_titles_answers_from_the_memo_on_the_next_run(brand: Brand, tmp_path: Path) -> None:
    first = CardTitles(brand, tmp_path)
    cut = first.cut(LONG_TITLE, "Hoạt động", True)
    assert cut == card_title_lines(brand, LONG_TITLE, "Hoạt động", True)
    assert first.cut(SHORT, "Hoạt động", True) is None
    first.save()

    second = CardTitles(brand, tmp_path)
    assert second.cut(LONG_TITLE, "Hoạt động", True) == cut and second.cut(SHORT, "Hoạt động", True) is None
    assert second.laid_out == 0
    assert second.cut(LONG_TITLE, "Hoạt động", False) is not None and second.laid_out == 1  # the thumbnail is in the key


def test_card_titles_unreadable_memo_is_an_empty_one(brand: Brand, tmp_path: Path) -> None:
    (tmp_path / NAMESPACE).mkdir()
    (tmp_path / NAMESPACE / "tieu-de.json").write_text("{không phải json", encoding="utf-8")
    titles = CardTitles(brand, tmp_path)
    assert titles.cut(SHORT, None, False) is None and titles.laid_out == 1
    titles.save()
    assert CardTitles(brand, tmp_path).cut(SHORT, None, False) is None
