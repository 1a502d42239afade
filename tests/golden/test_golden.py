"""Golden files: the built feeds, widgets and one page of each kind, byte for byte (after normalise)."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_kit import EXPECTED, GOLDEN, mismatch, normalise


@pytest.mark.parametrize("site_path", sorted(GOLDEN))
def test_golden_file_matches_the_build(golden_site: Path, update_golden: bool, site_path: str) -> None:
    built = golden_site / site_path
    assert built.is_file(), f"the golden build wrote no {site_path}"
    actual = normalise(site_path, built.read_text(encoding="utf-8"))
    stored = EXPECTED / site_path
    if update_golden:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(actual, encoding="utf-8")
        return
    assert stored.is_file(), f"no golden copy tests/golden/expected/{site_path}: run make golden and review it"
    problem = mismatch(site_path, stored.read_text(encoding="utf-8"), actual)
    if problem:
        pytest.fail(problem, pytrace=False)


def test_golden_copies_are_all_listed() -> None:
    """A golden copy nobody compares any more is stale: delete it (or list it in GOLDEN)."""
    stored = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()}
    assert stored - set(GOLDEN) == set()


def test_golden_site_keeps_drafts_and_scheduled_out(golden_site: Path) -> None:
    """The fixture's draft and 2030 article exist as files but never reach the built site."""
    for path in golden_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".atom", ".json", ".js"}:
            text = path.read_text(encoding="utf-8")
            assert "zzgoldendraft" not in text and "zzgoldenscheduled" not in text, path


def test_golden_mismatch_is_a_unified_diff_naming_both_sides() -> None:
    expected = "<p>một</p>\n<p>hai</p>\n"
    actual = "<p>một</p>\n<p>ba</p>\n"
    message = mismatch("index.html", expected, actual)
    assert message is not None
    assert "--- tests/golden/expected/index.html" in message
    assert "+++ site/index.html (this build)" in message
    assert "-<p>hai</p>\n+<p>ba</p>" in message
    assert "make golden" in message
    assert mismatch("index.html", expected, expected) is None


def test_golden_normalise_hides_only_volatile_hashes_and_sizes() -> None:
    html = '<link href="assets/stylesheets/main.57a0d79d.min.css"><img src="anh/05330448b3b5bc232513/anh-1-48.jpg">'
    assert normalise("x.html", html) == '<link href="assets/stylesheets/main.HASH.min.css"><img src="anh/HASH/anh-1-48.jpg">\n'
    xml = '<enclosure url="u" length="66033" type="image/jpeg"/><media:content fileSize="12"/>'
    assert normalise("feed.xml", xml) == '<enclosure url="u" length="BYTES" type="image/jpeg"/><media:content fileSize="BYTES"/>\n'
    assert normalise("feed.json", '{"a":[1,{"size_in_bytes":5,"t":"Tiếng Việt"}]}') == (
        '{\n  "a": [\n    1,\n    {\n      "size_in_bytes": 0,\n      "t": "Tiếng Việt"\n    }\n  ]\n}\n'
    )
    assert normalise("x.html", "<p>bai-viet/2024/ abc12345</p>") == "<p>bai-viet/2024/ abc12345</p>\n"
