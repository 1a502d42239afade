"""Taxonomies: provinces with the 2025 merger, categories, fields, awards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import FieldError
from .text import did_you_mean, nfc

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Term:
    """One entry of a taxonomy: a key used in front matter and URLs, and its display name."""

    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Province:
    """A province as an article names it, and the unit it belongs to today.

    `key`/`name` are what the editor wrote (a legacy name stays on the article);
    `unit` is today's provincial-level unit, which listings and feeds group by.
    """

    key: str
    name: str
    unit: Term

    @property
    def is_legacy(self) -> bool:
        return self.key != self.unit.key


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms with a friendly lookup."""

    label: str
    terms: dict[str, Term]

    def parse(self, value: object) -> Term:
        if not isinstance(value, str) or not value.strip():
            raise FieldError(f"cần một mã {self.label}, nhận được {value!r}", self.listing())
        key = nfc(value.strip())
        term = self.terms.get(key)
        if term is None:
            hint = did_you_mean(key, self.terms) or self.listing()
            raise FieldError(f"'{key}' không phải mã {self.label} hợp lệ", hint)
        return term

    def listing(self) -> str:
        return "các mã hợp lệ: " + ", ".join(self.terms)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.terms.values())


@dataclass(frozen=True)
class Provinces:
    units: dict[str, Term]
    legacy: dict[str, Province]
    cities: tuple[str, ...] = ()
    """Keys of the centrally-run cities (`kind: city`): their Youth Union is a Thành Đoàn. A sorted
    tuple, not a set: the catalog cache keys on `repr(taxonomies)`, and a set's order changes with
    each process's hash seed (every run then missed the cache)."""

    def parse(self, value: object) -> Province:
        if not isinstance(value, str) or not value.strip():
            raise FieldError(f"cần một mã tỉnh, thành, nhận được {value!r}", "ví dụ: ha-noi, bac-giang")
        key = nfc(value.strip())
        if key in self.units:
            unit = self.units[key]
            return Province(key=key, name=unit.name, unit=unit)
        if key in self.legacy:
            return self.legacy[key]
        hint = did_you_mean(key, [*self.units, *self.legacy]) or (
            "dùng mã của 34 tỉnh, thành hiện nay hoặc mã tỉnh cũ (trước 1/7/2025), ví dụ: ha-noi, bac-giang"
        )
        raise FieldError(f"'{key}' không phải mã tỉnh, thành hợp lệ", hint)


@dataclass(frozen=True)
class Taxonomies:
    provinces: Provinces
    categories: Vocabulary
    fields: Vocabulary
    awards: Vocabulary


def _read(name: str, data_dir: Path) -> Any:
    with open(data_dir / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _vocabulary(label: str, raw: dict[str, dict[str, str]]) -> Vocabulary:
    return Vocabulary(
        label=label,
        terms={
            key: Term(key=key, name=nfc(item["name"]), description=nfc(item.get("description", ""))) for key, item in raw.items()
        },
    )


def load_taxonomies(data_dir: Path = DATA_DIR) -> Taxonomies:
    """Read the four taxonomy files; they are project data, so a broken one is a bug, not an editor error.

    Read again on every call, never kept for the process: each build calls it once, so a
    `mkdocs serve` rebuild sees an edit of `data/`."""
    raw_provinces = _read("provinces.yml", data_dir)
    units = {key: Term(key=key, name=nfc(item["name"])) for key, item in raw_provinces["units"].items()}
    legacy = {
        key: Province(key=key, name=nfc(item["name"]), unit=units[item["now"]]) for key, item in raw_provinces["legacy"].items()
    }
    return Taxonomies(
        provinces=Provinces(
            units=units,
            legacy=legacy,
            cities=tuple(sorted(key for key, item in raw_provinces["units"].items() if item.get("kind") == "city")),
        ),
        categories=_vocabulary("chuyên mục", _read("categories.yml", data_dir)),
        fields=_vocabulary("lĩnh vực", _read("fields.yml", data_dir)),
        awards=_vocabulary("giải thưởng", _read("awards.yml", data_dir)),
    )
