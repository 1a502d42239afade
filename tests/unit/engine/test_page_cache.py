"""The page cache's key: every input of a page changes it; what has no stable form is never cached."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from markupsafe import Markup

from newsroom.content.model import Asset, Image
from newsroom.engine.page_cache import CachedPage, PageCache, Uncacheable, fingerprint, shared_salt


@dataclass(frozen=True)
class View:
    title: str
    cover: Image | None
    tags: tuple[str, ...] = ()
    extra: object = None


COVER = Image(Asset(Path("/site/articles/a/cover.jpg"), "cover.jpg"), "Ảnh bìa")


def no_digest(asset: Asset) -> str:
    return ""


def test_the_same_view_gives_the_same_key_and_any_field_changes_it() -> None:
    view = View("Tiêu đề", COVER, ("VNeID",))
    assert fingerprint(view, no_digest) == fingerprint(View("Tiêu đề", COVER, ("VNeID",)), no_digest)
    for other in (View("Tiêu đề khác", COVER, ("VNeID",)), View("Tiêu đề", None, ("VNeID",)), View("Tiêu đề", COVER)):
        assert fingerprint(other, no_digest) != fingerprint(view, no_digest)


def test_an_image_with_new_bytes_changes_the_key_of_every_page_showing_it() -> None:
    view = View("Tiêu đề", COVER)
    assert fingerprint(view, lambda asset: "aaa") != fingerprint(view, lambda asset: "bbb")


def test_markup_and_text_are_told_apart_and_dicts_are_order_free() -> None:
    assert fingerprint(View("<b>x</b>", None), no_digest) != fingerprint(View(Markup("<b>x</b>"), None), no_digest)
    assert fingerprint({"a": 1, "b": 2}, no_digest) == fingerprint({"b": 2, "a": 1}, no_digest)


def test_a_value_without_a_stable_form_makes_the_page_uncacheable(tmp_path: Path) -> None:
    with pytest.raises(Uncacheable):
        fingerprint(View("x", None, extra=object()), no_digest)
    cache = PageCache(tmp_path, "salt")
    assert cache.key(View("x", None, extra=object()), no_digest) is None
    assert cache.key(View("x", None), no_digest) is not None


def test_kept_pages_come_back_and_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, "salt")
    key = cache.key(View("x", None), no_digest)
    assert key is not None and cache.get(key) is None
    cache.put(key, CachedPage(html="<html>Trang</html>", body="<p>Thân bài</p>"))
    assert cache.get(key) == CachedPage(html="<html>Trang</html>", body="<p>Thân bài</p>")
    assert cache.reused == 1
    for path in tmp_path.rglob(key):
        path.write_bytes(b"{not json")
    assert cache.get(key) is None
    assert PageCache(tmp_path, "another salt").key(View("x", None), no_digest) != key


def test_a_template_or_code_edit_changes_the_shared_salt(tmp_path: Path) -> None:
    config, templates, code = tmp_path / "mkdocs.yml", tmp_path / "overrides", tmp_path / "hooks"
    config.write_text("site_name: x\n", encoding="utf-8")
    templates.mkdir()
    code.mkdir()
    (templates / "main.html").write_text("{{ page.content }}", encoding="utf-8")
    (code / "hook.py").write_text("x = 1\n", encoding="utf-8")
    salts = [shared_salt(config, [templates], code, {"brand": "a"})]
    (templates / "main.html").write_text("<main>{{ page.content }}</main>", encoding="utf-8")
    salts.append(shared_salt(config, [templates], code, {"brand": "a"}))
    (code / "hook.py").write_text("x = 2\n", encoding="utf-8")
    salts.append(shared_salt(config, [templates], code, {"brand": "a"}))
    config.write_text("site_name: y\n", encoding="utf-8")
    salts.append(shared_salt(config, [templates], code, {"brand": "a"}))
    salts.append(shared_salt(config, [templates], code, {"brand": "b"}))
    assert len(set(salts)) == len(salts)
    assert shared_salt(config, [templates], code, {"brand": "b"}) == salts[-1]


def test_the_build_memo_gives_the_same_keys_for_the_same_content_and_sees_every_change() -> None:
    # One memo per build: an entry met in many pages is walked once, keys stay content keys.
    memo: dict[int, tuple[object, str]] = {}
    shared = View("Bài", COVER, ("VNeID",))
    first = fingerprint(View("Trang", None, extra=(shared, shared)), no_digest, memo)
    assert len(memo) >= 2  # the inner view and the cover image
    again = fingerprint(View("Trang", None, extra=(View("Bài", COVER, ("VNeID",)), shared)), no_digest, {})
    assert first == again
    changed = fingerprint(View("Trang", None, extra=(View("Bài", COVER, ("Zalo",)), shared)), no_digest, memo)
    assert changed != first
