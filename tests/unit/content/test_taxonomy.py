"""The taxonomies (content/data/): 34 provinces with the 63 earlier names, categories, fields, awards."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from newsroom.content.errors import FieldError
from newsroom.content.taxonomy import Taxonomies, load_taxonomies

DATA = Path(__file__).resolve().parents[3] / "hooks" / "newsroom" / "content" / "data"
PROVINCES = yaml.safe_load((DATA / "provinces.yml").read_text(encoding="utf-8"))
UNITS: dict[str, dict[str, str]] = PROVINCES["units"]
LEGACY: dict[str, dict[str, str]] = PROVINCES["legacy"]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_taxonomy_34_units() -> None:
    assert len(UNITS) == 34
    assert len(load_taxonomies().provinces.units) == 34


def test_taxonomy_63_earlier_units() -> None:
    # The earlier units are the legacy keys plus today's units that kept their name; Huế is the new
    # name of Thừa Thiên Huế (a legacy key), so it is not one of the 63.
    assert "thua-thien-hue" in LEGACY
    assert len(LEGACY) + len(UNITS) - 1 == 63


def test_taxonomy_legacy_and_unit_keys_are_disjoint() -> None:
    assert not set(LEGACY) & set(UNITS)


@pytest.mark.parametrize("key", sorted(LEGACY))
def test_taxonomy_legacy_key_resolves_to_todays_unit(taxonomies: Taxonomies, key: str) -> None:
    province = taxonomies.provinces.parse(key)

    assert province.key == key
    assert province.name == _nfc(LEGACY[key]["name"])  # the article keeps its own name
    assert province.unit.key == LEGACY[key]["now"]
    assert province.unit.name == _nfc(UNITS[LEGACY[key]["now"]]["name"])
    assert province.is_legacy


@pytest.mark.parametrize("key", sorted(UNITS))
def test_taxonomy_unit_key_resolves_to_itself(taxonomies: Taxonomies, key: str) -> None:
    province = taxonomies.provinces.parse(key)

    assert province.key == province.unit.key == key
    assert province.name == province.unit.name == _nfc(UNITS[key]["name"])
    assert not province.is_legacy


def test_taxonomy_province_key_is_trimmed_and_nfc(taxonomies: Taxonomies) -> None:
    assert taxonomies.provinces.parse("  ha-noi ").key == "ha-noi"


@pytest.mark.parametrize("value", ["ha-noii", "Hà Nội", "ha noi", "", "  ", 5, None, ["ha-noi"]])
def test_taxonomy_province_unknown_raises(taxonomies: Taxonomies, value: object) -> None:
    with pytest.raises(FieldError) as failure:
        taxonomies.provinces.parse(value)

    assert failure.value.hint


def test_taxonomy_province_near_miss_hint(taxonomies: Taxonomies) -> None:
    with pytest.raises(FieldError) as failure:
        taxonomies.provinces.parse("thua-thien-huee")

    assert "'thua-thien-hue'" in (failure.value.hint or "")


def test_taxonomy_categories_are_the_designed_ones(taxonomies: Taxonomies) -> None:
    assert list(taxonomies.categories.terms) == [
        "hoat-dong", "to-cong-nghe-so", "dich-vu-cong", "thuong-mai-dien-tu", "tap-huan",
        "hoc-truc-tuyen", "an-toan-mang", "khoi-nghiep-so", "ha-tang-so", "goc-nhin",
    ]  # fmt: skip
    assert taxonomies.categories.parse("hoat-dong").name == "Hoạt động hưởng ứng"
    assert taxonomies.categories.parse("khoi-nghiep-so").name == "Khởi nghiệp, lập nghiệp số"


def test_taxonomy_fields_are_the_designed_ones(taxonomies: Taxonomies) -> None:
    assert set(taxonomies.fields.terms) == {
        "giao-duc", "y-te", "nong-nghiep", "dich-vu-cong", "thuong-mai-dien-tu",
        "moi-truong", "an-toan-mang", "van-hoa-du-lich", "giao-thong", "khac",
    }  # fmt: skip


def test_taxonomy_awards_are_the_designed_ones(taxonomies: Taxonomies) -> None:
    names = {term.key: term.name for term in taxonomies.awards}
    assert names == {
        "nhat": "Giải Nhất", "nhi": "Giải Nhì", "ba": "Giải Ba",
        "khuyen-khich": "Giải Khuyến khích", "tieu-bieu": "Sản phẩm tiêu biểu",
    }  # fmt: skip


def test_taxonomy_vocabulary_unknown_key_did_you_mean(taxonomies: Taxonomies) -> None:
    with pytest.raises(FieldError) as failure:
        taxonomies.categories.parse("hoat-dongg")

    assert "'hoat-dongg'" in failure.value.message
    assert "'hoat-dong'" in (failure.value.hint or "")


def test_taxonomy_vocabulary_not_text_lists_keys(taxonomies: Taxonomies) -> None:
    with pytest.raises(FieldError) as failure:
        taxonomies.awards.parse(1)

    assert "nhat" in (failure.value.hint or "")


def test_taxonomy_names_are_nfc(taxonomies: Taxonomies) -> None:
    names = [t.name for t in taxonomies.categories] + [t.name for t in taxonomies.provinces.units.values()]
    names += [p.name for p in taxonomies.provinces.legacy.values()]
    assert all(name == _nfc(name) for name in names)
