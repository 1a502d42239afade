"""load_catalog with a cache: unchanged files are not parsed again, and any change of an input is seen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from content_kit import NOW, make_image, news_text, write

from newsroom.content import cached
from newsroom.content.catalog import Catalog, load_catalog
from newsroom.content.errors import ContentError, ContentErrors
from newsroom.content.model import Article, Entry
from newsroom.content.reader import ParsedSource
from newsroom.content.schema import parse_entry
from newsroom.content.taxonomy import DATA_DIR, Taxonomies, load_taxonomies

Maker = Callable[..., str]
COVER = "articles/news/2024/co-anh/anh-bia.jpg"
COVERED = "articles/news/2024/co-anh/index.md"


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source of every file the cached loader parses (its calls of parse_entry)."""
    calls: list[str] = []

    def counting(parsed: ParsedSource, project: Path, tx: Taxonomies, looked_at: list[Path] | None = None) -> Entry:
        calls.append(parsed.source.rel)
        return parse_entry(parsed, project, tx, looked_at)

    monkeypatch.setattr(cached, "parse_entry", counting)
    return calls


@pytest.fixture
def site(root: Path, news: Maker, initiative: Maker) -> Path:
    """A single-file article, an initiative bundle and an article bundle with a cover."""
    news("don-le.md")
    initiative()
    make_image(root / COVER)
    write(
        root,
        COVERED,
        news_text(title='"Bài có ảnh bìa"', extra=["cover: anh-bia.jpg", 'cover_alt: "Đoàn viên ra quân"']),
    )
    return root


def _load(root: Path, taxonomies: Taxonomies, cache_dir: Path | None) -> Catalog:
    return load_catalog(root, taxonomies, NOW, cache_dir=cache_dir)


def _errors(root: Path, taxonomies: Taxonomies, cache_dir: Path | None) -> list[ContentError]:
    with pytest.raises(ContentErrors) as failure:
        _load(root, taxonomies, cache_dir)
    return failure.value.errors


def _blobs(cache_dir: Path) -> list[Path]:
    return [path for path in (cache_dir / cached.NAMESPACE).glob("??/*") if path.is_file()]


def test_catalog_cache_second_load_reuses_every_entry(
    site: Path, taxonomies: Taxonomies, cache_dir: Path, parses: list[str]
) -> None:
    first = _load(site, taxonomies, cache_dir)
    assert len(parses) == 3

    second = _load(site, taxonomies, cache_dir)

    assert len(parses) == 3  # nothing parsed again
    assert second.entries == first.entries == _load(site, taxonomies, None).entries
    covered = next(e for e in second.entries if e.source == COVERED)
    assert isinstance(covered, Article) and covered.cover is not None
    assert covered.cover.asset.src == (site / COVER).resolve()


def test_catalog_cache_edited_text_is_parsed_again(
    site: Path, taxonomies: Taxonomies, cache_dir: Path, parses: list[str]
) -> None:
    _load(site, taxonomies, cache_dir)
    parses.clear()
    write(site, "articles/news/2024/don-le.md", news_text(title='"Tiêu đề đã sửa"'))

    catalog = _load(site, taxonomies, cache_dir)

    assert parses == ["articles/news/2024/don-le.md"]
    assert {e.title for e in catalog.entries} >= {"Tiêu đề đã sửa"}


def test_catalog_cache_entry_with_errors_is_never_cached(
    site: Path, taxonomies: Taxonomies, cache_dir: Path, parses: list[str]
) -> None:
    _load(site, taxonomies, cache_dir)
    write(site, "articles/news/2024/don-le.md", news_text(category="khong-co"))
    parses.clear()

    first = _errors(site, taxonomies, cache_dir)
    second = _errors(site, taxonomies, cache_dir)

    assert parses == ["articles/news/2024/don-le.md"] * 2
    assert first == second == _errors(site, taxonomies, None)
    assert [(e.path, e.field) for e in first] == [("articles/news/2024/don-le.md", "category")]


def test_catalog_cache_changed_taxonomy_revalidates(site: Path, cache_dir: Path, tmp_path: Path, parses: list[str]) -> None:
    _load(site, load_taxonomies(), cache_dir)
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    categories = data / "categories.yml"
    text = categories.read_text(encoding="utf-8")
    assert "hoat-dong:" in text
    categories.write_text(text.replace("hoat-dong:", "hoat-dong-cu:"), encoding="utf-8")
    parses.clear()

    errors = _errors(site, load_taxonomies(data), cache_dir)

    assert len(parses) == 3  # the taxonomies are part of every entry's key
    assert {(e.path, e.field) for e in errors} == {(COVERED, "category"), ("articles/news/2024/don-le.md", "category")}


def test_catalog_cache_deleted_cover_is_an_error(site: Path, taxonomies: Taxonomies, cache_dir: Path) -> None:
    _load(site, taxonomies, cache_dir)
    (site / COVER).unlink()

    errors = _errors(site, taxonomies, cache_dir)

    assert errors == _errors(site, taxonomies, None)
    assert [(e.path, e.field) for e in errors] == [(COVERED, "cover")]


def test_catalog_cache_cover_replaced_by_a_link_is_an_error(site: Path, taxonomies: Taxonomies, cache_dir: Path) -> None:
    _load(site, taxonomies, cache_dir)
    elsewhere = make_image(site / "articles/news/2024/co-anh/anh-khac.png")
    (site / COVER).unlink()
    (site / COVER).symlink_to(elsewhere)

    errors = _errors(site, taxonomies, cache_dir)

    assert errors == _errors(site, taxonomies, None)
    assert COVER in {e.path for e in errors}  # find_sources refuses the link ...
    assert (COVERED, "cover") in {(e.path, e.field) for e in errors}  # ... and the cover no longer validates


def test_catalog_cache_cover_deleted_while_parsing_is_not_cached(
    root: Path, taxonomies: Taxonomies, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shared image (no bundle listing in the key): only the stat noted after parsing guards it.
    shared = make_image(root / "articles/news/2024/hinh-anh/chung.jpg")
    rel = write(root, "articles/news/2024/anh-chung.md", news_text(extra=["cover: hinh-anh/chung.jpg", 'cover_alt: "Ảnh"']))

    def then_delete(parsed: ParsedSource, project: Path, tx: Taxonomies, looked_at: list[Path] | None = None) -> Entry:
        entry = parse_entry(parsed, project, tx, looked_at)
        shared.unlink()  # after the checks, before the cache notes the file's stat
        return entry

    monkeypatch.setattr(cached, "parse_entry", then_delete)
    _load(root, taxonomies, cache_dir)
    monkeypatch.setattr(cached, "parse_entry", parse_entry)

    assert [(e.path, e.field) for e in _errors(root, taxonomies, cache_dir)] == [(rel, "cover")]


def test_catalog_cache_deleted_shared_image_is_an_error(root: Path, taxonomies: Taxonomies, cache_dir: Path) -> None:
    shared = make_image(root / "articles/news/2024/hinh-anh/chung.jpg")
    rel = write(root, "articles/news/2024/anh-chung.md", news_text(body="\n![Ảnh chung](hinh-anh/chung.jpg)\n"))
    _load(root, taxonomies, cache_dir)
    shared.unlink()

    errors = _errors(root, taxonomies, cache_dir)

    assert errors == _errors(root, taxonomies, None)
    assert [e.path for e in errors] == [rel]


def test_catalog_cache_replaced_cover_is_validated_again(
    site: Path, taxonomies: Taxonomies, cache_dir: Path, parses: list[str]
) -> None:
    _load(site, taxonomies, cache_dir)
    parses.clear()
    (site / COVER).unlink()
    make_image(site / COVER, size=(40, 30))

    catalog = _load(site, taxonomies, cache_dir)

    assert parses == [COVERED]
    assert catalog.entries == _load(site, taxonomies, None).entries


def test_catalog_cache_new_file_in_bundle_is_seen(site: Path, taxonomies: Taxonomies, cache_dir: Path, parses: list[str]) -> None:
    _load(site, taxonomies, cache_dir)
    parses.clear()
    (site / "articles/news/2024/co-anh/tai-lieu.pdf").write_bytes(b"%PDF-1.4\n")

    with pytest.raises(ContentErrors) as unused:  # a file the article does not use: reported by name
        _load(site, taxonomies, cache_dir)
    assert [e.path for e in unused.value.errors] == ["articles/news/2024/co-anh/tai-lieu.pdf"]
    assert parses == [COVERED]

    index = site / COVERED
    index.write_text(index.read_text(encoding="utf-8") + "\n[Tải tài liệu](tai-lieu.pdf)\n", encoding="utf-8")
    catalog = _load(site, taxonomies, cache_dir)
    covered = next(e for e in catalog.entries if e.source == COVERED)
    assert "tai-lieu.pdf" in {asset.name for asset in covered.assets}


def test_catalog_cache_corrupt_blob_is_a_miss(site: Path, taxonomies: Taxonomies, cache_dir: Path, parses: list[str]) -> None:
    first = _load(site, taxonomies, cache_dir)
    blobs = _blobs(cache_dir)
    assert len(blobs) == 3
    blobs[0].write_bytes(b"\x80\x05not a pickle")
    blobs[1].write_bytes(b"")
    blobs[2].write_bytes(blobs[2].read_bytes()[:20])
    parses.clear()

    second = _load(site, taxonomies, cache_dir)

    assert len(parses) == 3
    assert second.entries == first.entries
    assert len(parses) == 3 and _load(site, taxonomies, cache_dir).entries == first.entries
    assert len(parses) == 3  # the rewritten blobs are good again


def test_catalog_cache_unreadable_hash_memo_is_empty(site: Path, taxonomies: Taxonomies, cache_dir: Path) -> None:
    first = _load(site, taxonomies, cache_dir)
    for memo in (cache_dir / cached.NAMESPACE).glob("tep-*.json"):
        memo.write_text("{không phải json", encoding="utf-8")

    assert _load(site, taxonomies, cache_dir).entries == first.entries


def test_catalog_cache_non_utf8_file_reports_as_uncached(root: Path, taxonomies: Taxonomies, cache_dir: Path) -> None:
    (root / "articles/news/2024").mkdir(parents=True)
    (root / "articles/news/2024/latin1.md").write_bytes(news_text(title='"Café"').encode("latin-1", errors="replace"))

    assert _errors(root, taxonomies, cache_dir) == _errors(root, taxonomies, None)


def test_source_hashes_unchanged_settled_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "bai.md"
    path.write_text("nội dung", encoding="utf-8")
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(path, ns=(hour_ago, hour_ago))
    memo = tmp_path / "memo.json"

    hashes = cached.SourceHashes.load(memo)
    sha, data = hashes.read(path, _stamp(path))
    hashes.save()
    again, unread = cached.SourceHashes.load(memo).read(path, _stamp(path))

    assert data == "nội dung".encode()
    assert (again, unread) == (sha, None)


def test_source_hashes_just_written_file_is_read_again(tmp_path: Path) -> None:
    # Written within the same mtime tick, a same-size edit would keep the stat: such a file's
    # hash is not remembered until it has settled.
    path = tmp_path / "bai.md"
    path.write_text("phiên bản 1", encoding="utf-8")
    memo = tmp_path / "memo.json"
    hashes = cached.SourceHashes.load(memo)
    hashes.read(path, _stamp(path))
    hashes.save()
    stamp = _stamp(path)
    path.write_text("phiên bản 2", encoding="utf-8")
    os.utime(path, ns=(stamp[4], stamp[4]))

    _sha, data = cached.SourceHashes.load(memo).read(path, _stamp(path))

    assert data == "phiên bản 2".encode()


def _stamp(path: Path) -> cached.Stamp:
    stamp = cached._stamp(str(path))
    assert stamp is not None
    return stamp


def test_catalog_cache_salt_is_the_same_in_every_process() -> None:
    """The entry cache keys on repr(taxonomies): a set inside it would change order with each
    process's hash seed, and every run would miss the cache (as `Provinces.cities` once did)."""
    script = "from newsroom.content.taxonomy import load_taxonomies; print(repr(load_taxonomies()))"
    hooks = str(Path(__file__).resolve().parents[3] / "hooks")
    reprs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": hooks},
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(reprs) == 1
