"""Names as people write them → taxonomy terms: provinces, categories, fields and awards.

One matcher for the front matter and the sheet importer. "TP. Hồ Chí Minh", "tinh Bac Giang",
"Thừa Thiên Huế", "Giải Nhất" or "Hoạt động hưởng ứng" is folded (`fold_key`: no case, tone marks
or punctuation) and compared with the keys and the display names the site shows.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from .errors import FieldError
from .notices import Understood
from .paste import strip_invisible
from .taxonomy import Province, Provinces, Taxonomies, Term, Vocabulary
from .text import did_you_mean, fold_key, nfc

MERGER_DAY = date(2025, 7, 1)
"""From this day the 34 units are in force (Resolution 202/2025/QH15)."""
PREFIXES = ("thanh-pho-", "tp-", "tinh-", "t-")
NICKNAMES = {"tphcm": "ho-chi-minh", "hcm": "ho-chi-minh", "sai-gon": "ho-chi-minh", "tp-hcm": "ho-chi-minh"}
NOMINATED = frozenset({"", "de-cu", "chua-co", "chua-co-giai", "khong", "khong-co"})
PROVINCE_HINT = "dùng mã của 34 tỉnh, thành hiện nay hoặc mã tỉnh cũ (trước 1/7/2025), ví dụ: ha-noi, bac-giang"


def _compact(folded: str) -> str:
    return folded.replace("-", "")


def _closest(value: str, names: dict[str, str]) -> str | None:
    """A hint naming the display name closest to `value`, compared folded; `names` maps folded → display."""
    folded = fold_key(value)
    found = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.6)
    return f"có phải ý bạn là '{names[found[0]]}'?" if found else None


def _known(provinces: Provinces) -> dict[str, Province]:
    known: dict[str, Province] = {key: Province(key=key, name=unit.name, unit=unit) for key, unit in provinces.units.items()}
    known.update(provinces.legacy)
    return known


def find_province(value: str, provinces: Provinces) -> Province | None:
    """The province (today's unit or an earlier one) that `value` names, by key or name, or None."""
    folded = fold_key(value)
    if not folded:
        return None
    known = _known(provinces)
    by_compact = {_compact(key): province for key, province in known.items()}
    by_compact.update({_compact(fold_key(province.name)): province for province in known.values()})
    candidates = [folded, NICKNAMES.get(folded, folded)]
    candidates += [folded[len(prefix) :] for prefix in PREFIXES if folded.startswith(prefix)]
    for candidate in candidates:
        province = by_compact.get(_compact(NICKNAMES.get(candidate, candidate)))
        if province is not None:
            return province
    return None


def province_hint(value: str, provinces: Provinces) -> str | None:
    """'có phải ý bạn là …?' naming the closest province, or None."""
    return _closest(value, {fold_key(p.name): p.name for p in _known(provinces).values()})


def read_province(value: object, provinces: Provinces) -> tuple[Province, str | None]:
    """A front-matter province: its key, or a name as written ("Hà Nội", "TP. Hồ Chí Minh").

    Returns the province and, when the editor wrote a name rather than the key, the key to write.
    An earlier province ("Thừa Thiên Huế") keeps its own key; the site groups it under today's unit.
    """
    if not isinstance(value, str) or not value.strip():
        raise FieldError(f"cần một mã tỉnh, thành, nhận được {value!r}", "ví dụ: ha-noi, bac-giang")
    key = strip_invisible(nfc(value)).strip()
    if key in provinces.units:
        unit = provinces.units[key]
        return Province(key=key, name=unit.name, unit=unit), None
    if key in provinces.legacy:
        return provinces.legacy[key], None
    province = find_province(key, provinces)
    if province is not None:
        return province, province.key
    hint = did_you_mean(key, [*provinces.units, *provinces.legacy]) or province_hint(key, provinces) or PROVINCE_HINT
    raise FieldError(f"'{key}' không phải mã tỉnh, thành hợp lệ", hint)


def unit_name(province: Province, provinces: Provinces) -> str:
    """The provincial Youth Union of today's unit: 'Thành Đoàn Hà Nội', 'Tỉnh đoàn Bắc Ninh'."""
    unit = province.unit
    return f"Thành Đoàn {unit.name}" if unit.key in provinces.cities else f"Tỉnh đoàn {unit.name}"


@dataclass(frozen=True)
class Match:
    key: str
    """The key written into the front matter."""
    province: Province
    note: str | None = None
    """Said in the dry run when the name was resolved (a legacy province)."""


def match_province(value: str, provinces: Provinces, on: date) -> Match:
    """The province named by `value` (the importer's rule); a pre-2025 name resolves to today's unit
    for entries dated from 1 July 2025, and stays as written (grouped under today's unit by the site)
    for earlier ones."""
    if not fold_key(value):
        raise FieldError("chưa ghi tỉnh, thành", "ví dụ: Hà Nội, TP. Hồ Chí Minh, Bắc Ninh")
    province = find_province(value, provinces)
    if province is None:
        raise FieldError(
            f"'{value}' không phải tên tỉnh, thành",
            province_hint(value, provinces)
            or "ghi tên một trong 34 tỉnh, thành hiện nay (hoặc tên tỉnh cũ), ví dụ: Hà Nội, Bắc Ninh",
        )
    if not province.is_legacy:
        return Match(province.key, province)
    if on >= MERGER_DAY:
        unit = province.unit
        note = f"{province.name} (tỉnh cũ) nay thuộc {unit.name}: ghi {unit.name}"
        return Match(unit.key, Province(key=unit.key, name=unit.name, unit=unit), note)
    return Match(province.key, province, f"{province.name} (tỉnh cũ, trước 1/7/2025) được xếp vào {province.unit.name}")


def find_term(value: str, vocabulary: Vocabulary, *, strip: tuple[str, ...] = ()) -> Term | None:
    """A term by its key or display name, folded; `strip` lists prefixes that may be left out."""
    folded = fold_key(value)
    table: dict[str, Term] = {}
    for term in vocabulary:
        for name in (term.key, fold_key(term.name)):
            table[_compact(name)] = term
            for prefix in strip:
                if name.startswith(prefix):
                    table[_compact(name[len(prefix) :])] = term
    for candidate in (folded, *(folded[len(p) :] for p in strip if folded.startswith(p))):
        term = table.get(_compact(candidate))
        if term is not None:
            return term
    return None


def match_term(value: str, vocabulary: Vocabulary, *, strip: tuple[str, ...] = ()) -> Term:
    """A field or award by its key or display name (the importer's wording of the refusal)."""
    term = find_term(value, vocabulary, strip=strip)
    if term is not None:
        return term
    names = {fold_key(t.name): t.name for t in vocabulary}
    listing = ", ".join(t.name for t in vocabulary)
    raise FieldError(
        f"'{value}' không phải {vocabulary.label} trong danh sách", _closest(value, names) or f"chọn một trong: {listing}"
    )


def read_term(value: object, vocabulary: Vocabulary, *, strip: tuple[str, ...] = ()) -> tuple[Term, str | None]:
    """A front-matter category, field or award: its key, or its name as the site shows it.

    Returns the term and, when the editor wrote the name ("Hoạt động hưởng ứng"), the key to write.
    """
    if not isinstance(value, str) or not value.strip():
        raise FieldError(f"cần một mã {vocabulary.label}, nhận được {value!r}", vocabulary.listing())
    key = strip_invisible(nfc(value)).strip()
    if key in vocabulary.terms:
        return vocabulary.terms[key], None
    term = find_term(key, vocabulary, strip=strip)
    if term is not None:
        return term, term.key
    by_name = {fold_key(t.name): t for t in vocabulary}
    found = difflib.get_close_matches(fold_key(key), list(by_name), n=1, cutoff=0.6)
    hint = did_you_mean(key, vocabulary.terms) or (
        f"có phải ý bạn là '{by_name[found[0]].key}' ({by_name[found[0]].name})?" if found else vocabulary.listing()
    )
    raise FieldError(f"'{key}' không phải mã {vocabulary.label} hợp lệ", hint)


def match_award(value: str, awards: Vocabulary) -> Term | None:
    """An award, or None for a nominated initiative (empty, "Đề cử")."""
    if fold_key(value) in NOMINATED:
        return None
    return match_term(value, awards, strip=("giai-",))


def province_value(value: object, taxonomies: Taxonomies) -> Province | Understood:
    """The schema's province parser: the province, wrapped in `Understood` when a name was written."""
    province, key = read_province(value, taxonomies.provinces)
    if key is None:
        return province
    meaning = province.name if not province.is_legacy else f"{province.name}, tỉnh cũ nay thuộc {province.unit.name}"
    return Understood(province, key, meaning)


def term_value(value: object, vocabulary: Vocabulary, *, strip: tuple[str, ...] = ()) -> Term | Understood:
    """The schema's category, field and award parser: the term, wrapped in `Understood` for a name."""
    term, key = read_term(value, vocabulary, strip=strip)
    return term if key is None else Understood(term, key, term.name)
