"""LinkedFile puts cached bytes into site/ by hard link (a copy where it cannot); GeneratedFile can say "unchanged"."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from newsroom.engine.files import GeneratedFile, LinkedFile


def linked(tmp_path: Path, data: bytes = b"anh") -> tuple[LinkedFile, Path, Path]:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "anh-1.webp").write_bytes(data)
    site = tmp_path / "site"
    file = LinkedFile("anh-1.webp", src_dir=str(cache), dest_dir=str(site), use_directory_urls=True)
    return file, cache / "anh-1.webp", site / "anh-1.webp"


def test_linked_file_is_a_hard_link_to_the_cache(tmp_path: Path) -> None:
    file, source, dest = linked(tmp_path)
    dest.parent.mkdir()
    dest.write_bytes(b"cu")  # a stale file from the previous build is replaced
    file.copy_file()
    assert dest.read_bytes() == b"anh"
    assert os.path.samefile(source, dest)


def test_linked_file_copies_when_no_link_can_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file, source, dest = linked(tmp_path)

    def refuse(src: str, dst: str) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    file.copy_file()
    assert dest.read_bytes() == b"anh"
    assert not os.path.samefile(source, dest)


def test_linked_file_with_given_bytes_writes_them(tmp_path: Path) -> None:
    file, source, dest = linked(tmp_path)
    file.content_bytes = b"the-moi"
    file.copy_file()
    assert dest.read_bytes() == b"the-moi"
    assert source.read_bytes() == b"anh"  # the cache is never written through the site


def test_generated_file_unchanged_is_never_modified(tmp_path: Path) -> None:
    file = GeneratedFile("bai-viet/a/index.md", src_dir=None, dest_dir=str(tmp_path / "site"), use_directory_urls=True)
    file.content_string = "# A"
    assert file.is_modified()  # MkDocs renders in-memory pages every time...
    file.unchanged = True
    assert not file.is_modified()  # ...unless the preview knows the page written before is still right
