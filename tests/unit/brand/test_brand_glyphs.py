"""The kit font draws every character the site puts on a card: no boxes for Vietnamese letters."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from brand_kits import KIT, PROJECT, STACKED_HEAVY

from newsroom.brand import load_brand, missing_glyphs
from newsroom.content.taxonomy import load_taxonomies


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front matter"
    raw = yaml.safe_load(text.split("\n---", 2)[0].removeprefix("---\n"))
    assert isinstance(raw, dict), f"{path}: front matter is not a mapping"
    return raw


def sample_texts() -> dict[str, str]:
    """Every title and description of the sample content, by 'file: key'."""
    texts = {}
    for path in sorted((PROJECT / "articles").rglob("*.md")):
        meta = front_matter(path)
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                texts[f"{path.relative_to(PROJECT)}: {key}"] = str(meta[key])
    return texts


def test_brand_samples_are_found() -> None:
    texts = sample_texts()
    assert len(texts) >= 80  # 43 sample entries, each with a title and a description


@pytest.mark.parametrize("weight", ["regular", "bold"])
def test_brand_font_covers_every_sample_title_and_description(weight: str) -> None:
    brand = load_brand(KIT)
    font = getattr(brand.typeface, weight).path
    texts = sample_texts()
    missing = missing_glyphs(texts.values(), [font])
    where = {ch: [name for name, text in texts.items() if ch in text][:3] for ch in missing}
    assert not missing, f"{font.name} lacks {where}"


def test_brand_font_covers_kickers_and_kit_texts() -> None:
    brand = load_brand(KIT)
    taxonomies = load_taxonomies()
    texts = [brand.name, brand.short_name, brand.tagline, STACKED_HEAVY, "…"]
    texts += [term.name for vocabulary in (taxonomies.categories, taxonomies.fields, taxonomies.awards) for term in vocabulary]
    texts += [term.name for term in taxonomies.provinces.units.values()]
    texts += [province.name for province in taxonomies.provinces.legacy.values()]
    texts += [text.upper() for text in texts]  # kickers are set in capitals
    assert not missing_glyphs(texts, [brand.typeface.regular.path, brand.typeface.bold.path])


def test_brand_missing_glyphs_reports_what_the_font_lacks() -> None:
    brand = load_brand(KIT)
    missing = missing_glyphs(["Chuyển đổi số 中文 ✓"], [brand.typeface.bold.path])
    assert set(missing) >= {"中", "文"}
    assert "ể" not in missing and " " not in missing
