"""Pagefind's filter, meta and entry files rewritten in one canonical order (search/canonical.py)."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from newsroom.search.canonical import MARKER, Cbor, canonicalise_index, decode_cbor, encode_cbor, pagefind_hash

FILTERS: dict[str, dict[str, list[int]]] = {
    "Mục": {"Góc nhìn": [4], "Vinh danh sáng kiến": [1, 2], "Thương mại điện tử": [6], "Tổ công nghệ số cộng đồng": [5]},
    "Tỉnh/thành": {"Bắc Ninh": [1, 5], "Tuyên Quang": [6], "Đắk Lắk": [0, 3]},
    "Năm": {"2022": [4], "2023": [6], "2024": [1, 5], "2025": [0, 2, 3]},
}


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(MARKER + data, mtime=0))


def _read(path: Path) -> Cbor:
    return decode_cbor(gzip.decompress(path.read_bytes())[len(MARKER) :])


def write_bundle(folder: Path, seed: int) -> Path:
    """A Pagefind 1.5 bundle whose filters come in a shuffled order, as Pagefind's hash map gives them."""
    shuffle = random.Random(seed).shuffle
    names = list(FILTERS)
    shuffle(names)
    meta_filters: list[Cbor] = []
    for name in names:
        values = list(FILTERS[name].items())
        shuffle(values)
        pairs: list[Cbor] = [[value, list[Cbor](reversed(pages) if seed % 2 else pages)] for value, pages in values]
        data = encode_cbor([name, pairs])
        file_hash = f"vi_{pagefind_hash(data)[:7]}"
        _write(folder / "filter" / f"{file_hash}.pf_filter", data)
        meta_filters.append([name, file_hash])
    sorts: list[Cbor] = [["date", [0, 1, 2]], ["title", [2, 1, 0]]]
    shuffle(sorts)
    meta = encode_cbor(["1.5.2", [["vi_1795b8b", 76]], [["00", "đuong", "vi_25b1bb3"]], meta_filters, sorts, ["date", "title"]])
    meta_hash = f"vi_{pagefind_hash(meta)[:10]}"
    _write(folder / f"pagefind.{meta_hash}.pf_meta", meta)
    entry = {"version": "1.5.2", "languages": {"vi": {"hash": meta_hash, "wasm": None, "page_count": 7}}, "include_characters": ["_"]}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry, separators=(",", ":")), encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_canonical_cbor_round_trips_pagefind_encoding() -> None:
    values: list[Cbor] = [0, 23, 24, 255, 256, 65535, 65536, 2**32, -1, -25, "", "Đắk Lắk", b"\x00\x01", [], [[1, "a"], [2**40]]]
    for value in values:
        assert decode_cbor(encode_cbor(value)) == value
    assert encode_cbor([1, "a"]) == b"\x82\x01\x61a"  # shortest form, as minicbor writes


def test_canonical_hash_names_files_as_pagefind_does() -> None:
    # Pagefind 1.5.2 named this filter file (of the basic fixture site) vi_c347197.pf_filter.
    data = encode_cbor(["Tỉnh/thành", [["Bắc Ninh", [1, 5]], ["Tuyên Quang", [6]]]])
    assert f"vi_{pagefind_hash(data)[:7]}" == "vi_c347197"


def test_canonical_index_is_the_same_whatever_order_pagefind_wrote(tmp_path: Path) -> None:
    bundles = [write_bundle(tmp_path / str(seed), seed) for seed in range(6)]
    assert len({tuple(_files(b)) for b in bundles}) > 1  # the shuffles give other file names
    for bundle in bundles:
        canonicalise_index(bundle)
    assert all(_files(bundle) == _files(bundles[0]) for bundle in bundles)
    entry = json.loads((bundles[0] / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_path = bundles[0] / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta"
    meta = _read(meta_path)
    assert isinstance(meta, list) and isinstance(meta[3], list)
    assert [pair[0] for pair in meta[3] if isinstance(pair, list)] == sorted(FILTERS)
    assert meta[4] == [["date", [0, 1, 2]], ["title", [2, 1, 0]]]
    for pair in meta[3]:
        assert isinstance(pair, list) and isinstance(pair[0], str) and isinstance(pair[1], str)
        data = _read(bundles[0] / "filter" / f"{pair[1]}.pf_filter")
        assert data == [pair[0], [[value, sorted(pages)] for value, pages in sorted(FILTERS[pair[0]].items())]]
        assert pair[1] == f"vi_{pagefind_hash(encode_cbor(data))[:7]}"
    assert len(list((bundles[0] / "filter").iterdir())) == len(FILTERS)  # the old files are gone
    assert len(list(bundles[0].glob("*.pf_meta"))) == 1


def test_canonical_index_is_idempotent(tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path / "b", 3)
    canonicalise_index(bundle)
    first = _files(bundle)
    canonicalise_index(bundle)
    assert _files(bundle) == first


def test_canonical_index_of_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path / "b", 1)
    meta = next(bundle.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(MARKER + b"\xa1\x01\x02"))  # a CBOR map: not Pagefind 1.5's meta
    with pytest.raises(PluginError, match="Không chuẩn hoá được chỉ mục tìm kiếm Pagefind.*Pagefind 1.5"):
        canonicalise_index(bundle)
