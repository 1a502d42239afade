"""Pagefind's index made byte-identical from run to run, so that two builds of the same content with the same SOURCE_DATE_EPOCH are identical.

Pagefind (1.5) builds its filter index in a Rust hash map, so each run writes the filters, and the
values inside each filter, in another order: the filter files (`filter/*.pf_filter`, named by a
hash of their bytes), the meta file that lists them (`pagefind.<hash>.pf_meta`) and the entry
file naming the meta file (`pagefind-entry.json`) differ between two builds of the same pages.
Its fragments and word index are stable already (Pagefind issue #638).

`canonicalise_index` rewrites those three kinds of file after Pagefind has run: filters sorted by
name, values by text, page numbers ascending; every file renamed by Pagefind's own naming rule
(SHA-1 of the CBOR, language prefix), so Pagefind's JavaScript loads them exactly as before. The
files are gzip-compressed CBOR behind Pagefind's `pagefind_dcd` marker; the CBOR is a small subset
(arrays, text, unsigned integers), decoded and encoded here. Anything else (another Pagefind
format) is an error that says so, never a silently unstable index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import TypeAlias

from mkdocs.exceptions import PluginError

CANONICAL_VERSION = "1"
"""Part of the kept indexes' key (search/pagefind.py): bump when the canonical form changes."""

MARKER = b"pagefind_dcd"
"""Pagefind prefixes the data of each compressed file with it (to see whether a server decompressed)."""

Cbor: TypeAlias = int | str | bytes | list["Cbor"]


class IndexFormatError(ValueError):
    """The index is not in the format this module knows (Pagefind 1.5)."""


def canonicalise_index(bundle: Path) -> None:
    """Rewrite `bundle` (a site's `pagefind/`) so its filter, meta and entry files are canonical."""
    try:
        _canonicalise(bundle)
    except (OSError, IndexFormatError, json.JSONDecodeError, KeyError, IndexError, TypeError, UnicodeDecodeError) as exc:
        raise PluginError(
            f"Không chuẩn hoá được chỉ mục tìm kiếm Pagefind trong {bundle.name}/ ({exc}). "
            "Mã nguồn này đã kiểm với Pagefind 1.5; nếu đã cài phiên bản khác, hãy cài lại đúng phiên bản "
            "trong pyproject.toml rồi dựng lại."
        ) from exc


def _canonicalise(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages: dict[str, dict[str, object]] = entry["languages"]
    for language in sorted(languages):
        meta_hash = languages[language]["hash"]
        if not isinstance(meta_hash, str):
            raise IndexFormatError(f"pagefind-entry.json: hash of {language!r} is not text")
        languages[language]["hash"] = _canonicalise_language(bundle, language, meta_hash)
    entry["languages"] = {language: languages[language] for language in sorted(languages)}
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    _write_if_changed(entry_path, text.encode("utf-8"))


def _canonicalise_language(bundle: Path, language: str, meta_hash: str) -> str:
    """Canonical filter files and meta file of one language; returns the meta file's new hash."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _list(decode_cbor(_read_compressed(meta_path)))
    if len(meta) < 5:
        raise IndexFormatError(f"{meta_path.name}: {len(meta)} fields, expected at least 5")
    filters = [_pair(item) for item in _list(meta[3])]
    sorts = [_list(item) for item in _list(meta[4])]
    old_filter_files = {bundle / "filter" / f"{file_hash}.pf_filter" for _, file_hash in filters}
    # Everything read before anything is written: a new name may be an old one.
    canonical = {
        name: encode_cbor(_canonical_filter(decode_cbor(_read_compressed(bundle / "filter" / f"{file_hash}.pf_filter"))))
        for name, file_hash in filters
    }
    new_filters: list[Cbor] = []
    taken: set[str] = set()
    written: set[Path] = set()
    for name, data in sorted(canonical.items()):
        short = _short_hash(language, data, taken)
        taken.add(short)
        path = bundle / "filter" / f"{short}.pf_filter"
        _write_compressed(path, data)
        written.add(path)
        new_filters.append([name, short])
    for stale in old_filter_files - written:
        stale.unlink()
    meta[3] = new_filters
    by_key: list[list[Cbor]] = sorted(sorts, key=lambda item: _text(item[0]))  # sort keys: hash-map order too
    meta[4] = [*by_key]
    data = encode_cbor(meta)
    new_hash = f"{language}_{pagefind_hash(data)[: len(language) + 8]}"
    new_path = bundle / f"pagefind.{new_hash}.pf_meta"
    _write_compressed(new_path, data)
    if new_path != meta_path:
        meta_path.unlink()
    return new_hash


def _canonical_filter(value: Cbor) -> Cbor:
    """A filter file's `[name, [[value, [page, …]], …]]` with values by text and pages ascending."""
    name, values = _list(value)[:2]
    packed = [_list(item) for item in _list(values)]
    ordered: list[Cbor] = [[_text(item[0]), sorted(_uint(page) for page in _list(item[1]))] for item in packed]
    ordered.sort(key=lambda item: _text(_list(item)[0]))
    return [_text(name), ordered, *_list(value)[2:]]


def pagefind_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1 as hex, each byte without a leading zero (as Rust's `{:x?}`)."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _short_hash(language: str, data: bytes, taken: set[str]) -> str:
    """Pagefind's file name for a filter: 7 characters of the hash, longer on a collision."""
    full = f"{language}_{pagefind_hash(data)}"
    length = len(language) + 8
    short = full[:length]
    while short in taken and len(short) < len(full):
        length += 2
        short = full[:length]
    return short


def _read_compressed(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MARKER):
        raise IndexFormatError(f"{path.name}: no {MARKER.decode()} marker")
    return data[len(MARKER) :]


def _write_compressed(path: Path, data: bytes) -> None:
    """Gzip as Pagefind does (best compression, no name, mtime 0), so equal data gives equal bytes."""
    _write_if_changed(path, gzip.compress(MARKER + data, compresslevel=9, mtime=0))


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    scratch = path.with_name(f".{path.name}.tmp")
    scratch.write_bytes(data)
    scratch.replace(path)


def decode_cbor(data: bytes) -> Cbor:
    """The CBOR subset Pagefind writes (minicbor, definite lengths): integers, text, bytes, arrays."""
    value, end = _decode(data, 0, depth=0)
    if end != len(data):
        raise IndexFormatError(f"{len(data) - end} bytes after the CBOR value")
    return value


def _decode(data: bytes, at: int, depth: int) -> tuple[Cbor, int]:
    if depth > 32:
        raise IndexFormatError("CBOR nested too deep")
    if at >= len(data):
        raise IndexFormatError("CBOR cut short")
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        length = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        if at + size > len(data):
            raise IndexFormatError("CBOR cut short")
        length = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise IndexFormatError(f"CBOR item {data[at - 1]:#04x} not supported")
    if major == 0:
        return length, at
    if major == 1:
        return -1 - length, at
    if major in (2, 3):
        if at + length > len(data):
            raise IndexFormatError("CBOR cut short")
        raw = data[at : at + length]
        return (raw.decode("utf-8") if major == 3 else raw), at + length
    if major == 4:
        items: list[Cbor] = []
        for _ in range(length):
            item, at = _decode(data, at, depth + 1)
            items.append(item)
        return items, at
    raise IndexFormatError(f"CBOR major type {major} not supported")


def encode_cbor(value: Cbor) -> bytes:
    """The inverse of `decode_cbor`, in minicbor's shortest form (a decoded file encodes to its bytes)."""
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _encode(value: Cbor, out: bytearray) -> None:
    if isinstance(value, bool):
        raise IndexFormatError("CBOR booleans not supported")
    if isinstance(value, int):
        if value >= 0:
            _head(0, value, out)
        else:
            _head(1, -1 - value, out)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _head(3, len(raw), out)
        out += raw
    elif isinstance(value, bytes):
        _head(2, len(value), out)
        out += value
    else:
        _head(4, len(value), out)
        for item in value:
            _encode(item, out)


def _head(major: int, length: int, out: bytearray) -> None:
    if length < 24:
        out.append(major << 5 | length)
        return
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            out.append(major << 5 | info)
            out += length.to_bytes(size, "big")
            return
    raise IndexFormatError("CBOR integer too large")


def _list(value: Cbor) -> list[Cbor]:
    if not isinstance(value, list):
        raise IndexFormatError(f"expected a CBOR array, found {type(value).__name__}")
    return value


def _text(value: Cbor) -> str:
    if not isinstance(value, str):
        raise IndexFormatError(f"expected CBOR text, found {type(value).__name__}")
    return value


def _uint(value: Cbor) -> int:
    if not isinstance(value, int):
        raise IndexFormatError(f"expected a CBOR integer, found {type(value).__name__}")
    return value


def _pair(value: Cbor) -> tuple[str, str]:
    items = _list(value)
    if len(items) < 2:
        raise IndexFormatError("expected a [name, hash] pair")
    return _text(items[0]), _text(items[1])
