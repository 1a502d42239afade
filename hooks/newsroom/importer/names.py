"""Names as a sheet writes them → taxonomy terms: provinces, fields and awards.

A sheet says "TP. Hồ Chí Minh", "tinh Bac Giang", "Giải Nhất" or "Văn hóa - Du lịch"; each is folded
(`fold_key`: no case, tone marks or punctuation) and compared with the keys and display names.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from ..content.errors import FieldError
from ..content.taxonomy import Province, Provinces, Term, Vocabulary
from ..content.text import fold_key

MERGER_DAY = date(2025, 7, 1)
"""From this day the 34 units are in force (Resolution 202/2025/QH15)."""
PREFIXES = ("thanh-pho-", "tp-", "tinh-", "t-")
NICKNAMES = {"tphcm": "ho-chi-minh", "hcm": "ho-chi-minh", "sai-gon": "ho-chi-minh", "tp-hcm": "ho-chi-minh"}
NOMINATED = frozenset({"", "de-cu", "chua-co", "chua-co-giai", "khong", "khong-co"})


def _compact(folded: str) -> str:
    return folded.replace("-", "")


def _closest(value: str, names: dict[str, str]) -> str | None:
    """A hint naming the display name closest to `value`, compared folded; `names` maps folded → display."""
    folded = fold_key(value)
    found = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.6)
    return f"có phải ý bạn là '{names[found[0]]}'?" if found else None


@dataclass(frozen=True)
class Match:
    key: str
    """The key written into the front matter."""
    province: Province
    note: str | None = None
    """Said in the dry run when the name was resolved (a legacy province)."""


def match_province(value: str, provinces: Provinces, on: date) -> Match:
    """The province named by `value`; a pre-2025 name resolves to today's unit for entries dated from
    1 July 2025, and stays as written (grouped under today's unit by the site) for earlier ones."""
    folded = fold_key(value)
    if not folded:
        raise FieldError("chưa ghi tỉnh, thành", "ví dụ: Hà Nội, TP. Hồ Chí Minh, Bắc Ninh")
    known: dict[str, Province] = {key: Province(key=key, name=unit.name, unit=unit) for key, unit in provinces.units.items()}
    known.update(provinces.legacy)
    by_compact = {_compact(key): province for key, province in known.items()}
    by_compact.update({_compact(fold_key(province.name)): province for province in known.values()})
    candidates = [folded, NICKNAMES.get(folded, folded)]
    candidates += [folded[len(prefix):] for prefix in PREFIXES if folded.startswith(prefix)]
    for candidate in candidates:
        province = by_compact.get(_compact(NICKNAMES.get(candidate, candidate)))
        if province is None:
            continue
        if not province.is_legacy:
            return Match(province.key, province)
        if on >= MERGER_DAY:
            unit = province.unit
            note = f"{province.name} (tỉnh cũ) nay thuộc {unit.name}: ghi {unit.name}"
            return Match(unit.key, Province(key=unit.key, name=unit.name, unit=unit), note)
        return Match(province.key, province, f"{province.name} (tỉnh cũ, trước 1/7/2025) được xếp vào {province.unit.name}")
    names = {fold_key(p.name): p.name for p in known.values()}
    raise FieldError(
        f"'{value}' không phải tên tỉnh, thành",
        _closest(value, names) or "ghi tên một trong 34 tỉnh, thành hiện nay (hoặc tên tỉnh cũ), ví dụ: Hà Nội, Bắc Ninh",
    )


def match_term(value: str, vocabulary: Vocabulary, *, strip: tuple[str, ...] = ()) -> Term:
    """A field or award by its key or display name, folded; `strip` lists prefixes that may be left out."""
    folded = fold_key(value)
    table: dict[str, Term] = {}
    for term in vocabulary:
        for name in (term.key, fold_key(term.name)):
            table[_compact(name)] = term
            for prefix in strip:
                if name.startswith(prefix):
                    table[_compact(name[len(prefix):])] = term
    for candidate in (folded, *(folded[len(p):] for p in strip if folded.startswith(p))):
        term = table.get(_compact(candidate))
        if term is not None:
            return term
    names = {fold_key(t.name): t.name for t in vocabulary}
    listing = ", ".join(t.name for t in vocabulary)
    raise FieldError(f"'{value}' không phải {vocabulary.label} trong danh sách", _closest(value, names) or f"chọn một trong: {listing}")


def match_award(value: str, awards: Vocabulary) -> Term | None:
    """An award, or None for a nominated initiative (empty, "Đề cử")."""
    if fold_key(value) in NOMINATED:
        return None
    return match_term(value, awards, strip=("giai-",))
