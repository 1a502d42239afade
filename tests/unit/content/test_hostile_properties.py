"""Hostile input, generated: every example is a valid entry or clear errors naming the file, never a traceback.

The OWASP-style vectors (tests/xss_vectors.py) go into bodies and every front-matter text field;
hypothesis generates front matter (wrong types, odd Unicode, nesting, YAML tags, duplicate keys,
BOMs, CRLF) and bodies mixing Markdown, raw HTML and the vectors. Examples are derandomised so
CI runs the same cases every time.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from content_kit import INITIATIVE_FIELDS, NEWS_FIELDS, front_matter, make_image, news_text
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from live_markup import live_markup
from newsroom.content.errors import ContentError, SourceError
from newsroom.content.model import Entry, Kind
from newsroom.content.reader import Source, parse_source
from newsroom.content.schema import EntryErrors, parse_entry
from newsroom.content.taxonomy import load_taxonomies
from newsroom.engine.pages import BodyRenderer
from sitekit import PROJECT
from xss_vectors import VECTORS

REL = "articles/news/bai.md"
TAXONOMIES = load_taxonomies()
PROPERTY = settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    """The build's own body renderer: the site's Markdown extensions, SafeAttributes and nh3."""
    return BodyRenderer(load_config(str(PROJECT / "mkdocs.yml")))


def outcome(root: Path, rel: str, text: str | bytes) -> Entry | list[ContentError]:
    """Parse like the build does: an entry, or the errors it reports. Anything else fails the test."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    kind: Kind = "news" if rel.startswith("articles/news/") else "initiative"
    source = Source(kind, path, rel, bundle=path.parent if path.name == "index.md" else None)
    try:
        return parse_entry(parse_source(source), root, TAXONOMIES)
    except SourceError as failure:
        errors = [failure.error]
    except EntryErrors as problems:
        errors = problems.errors
    assert errors
    for error in errors:
        assert error.path == rel and error.message.strip(), error
        assert not _CONTROL_RE.search(error.format()), error.format()
    return errors


# --- the vectors, one by one ------------------------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS, ids=[f"v{n}" for n in range(len(VECTORS))])
def test_hostile_vector_in_a_body_is_refused_with_its_line_or_rendered_dead(
    root: Path, renderer: BodyRenderer, vector: str
) -> None:
    result = outcome(root, REL, news_text(body=f"\nMở đầu.\n\n{vector}\n\nĐoạn cuối của bài.\n"))
    if isinstance(result, list):
        assert all(error.line for error in result), result  # refused: the editor is told where
        return
    html, tokens = renderer.render(REL, result.body)
    assert live_markup(html) == []
    assert all(re.fullmatch(r"[A-Za-z][\w:.-]*", str(t["id"])) for t in tokens)


def test_hostile_vectors_mostly_reach_the_sanitiser(root: Path) -> None:
    # The test above would prove little if the schema refused every vector before rendering.
    accepted = [v for v in VECTORS if not isinstance(outcome(root, REL, news_text(body=f"\nMở đầu.\n\n{v}\n")), list)]
    assert len(accepted) >= 45, len(accepted)


NEWS_TEXT_FIELDS = ("title", "description", "authors", "tags", "cover_alt", "unit")
INITIATIVE_TEXT_FIELDS = ("title", "description", "team", "members", "images")


def _yaml(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


@pytest.mark.parametrize("vector", VECTORS, ids=[f"v{n}" for n in range(len(VECTORS))])
def test_hostile_vector_in_every_front_matter_text_field_is_kept_as_text(root: Path, vector: str) -> None:
    make_image(root / "articles/news/bai/anh.jpg")
    make_image(root / "articles/initiatives/sk/anh-1.jpg")
    text = vector.replace("\n", " ")
    news = outcome(
        root,
        "articles/news/bai/index.md",
        news_text(
            title=_yaml(f"Bài {text}"),
            description=_yaml(text),
            authors=_yaml([text]),
            tags=_yaml([text, "an toàn"]),
            cover="anh.jpg",
            cover_alt=_yaml(text),
            unit=_yaml(text),
        ),
    )
    member = {"name": text, "age": 20, "role": text, "school": text}
    initiative = outcome(
        root,
        "articles/initiatives/sk/index.md",
        front_matter(
            {
                **INITIATIVE_FIELDS,
                "title": _yaml(f"Sáng kiến {text}"),
                "description": _yaml(text),
                "team": _yaml(text),
                "members": _yaml([member]),
                "images": _yaml([{"src": "anh-1.jpg", "alt": text}]),
            }
        ),
    )
    fields = {*NEWS_TEXT_FIELDS, *INITIATIVE_TEXT_FIELDS}
    for result in (news, initiative):
        # Text fields take any text up to their length (a vector is words, escaped where it is shown:
        # build tests); what they refuse is named by its field.
        assert not isinstance(result, list) or all(e.field in fields for e in result), result
    assert not isinstance(news, list) or len(vector) > 150, news


# --- generated front matter -------------------------------------------------------------------

ODD_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]),  # YAML files are UTF-8: no lone surrogates
    max_size=80,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    ODD_TEXT,
    st.sampled_from(["2024-10-05", "2024-10-05 08:30", "0001-01-01", "9999-12-31 23:59-07:00", "2024-02-30", "hôm nay"]),
    st.sampled_from(VECTORS),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ODD_TEXT, inner, max_size=3), max_leaves=12
)
KEYS = st.one_of(
    st.sampled_from([*NEWS_FIELDS, "tags", "cover", "cover_alt", "slug", "aliases", "draft", "featured", "updated"]), ODD_TEXT
)
RAW_LINES = st.sampled_from(
    [
        "title: !!python/object/apply:os.system ['echo pwned']",
        "description: !!binary aGVsbG8=",
        "tags: !custom [a, b]",
        "category: &c hoat-dong",
        "province: *c",
        "title: lặp lại",
        "date: 2024-10-05\t08:30",
        "? [a, b]\n: c",
        "authors: [" * 30 + "]" * 30,
        "description: |\n  nhiều\n  dòng",
        "slug: Tiêu Đề",
        "true: 1",
        "1: 2",
        "~: null",
        "draft: yes",
    ]
)


@st.composite
def front_matter_files(draw: st.DrawFn) -> bytes:
    fields: dict[str, Any] = dict(NEWS_FIELDS)
    for key, value in draw(st.dictionaries(KEYS, VALUES, max_size=6)).items():
        fields[key] = _yaml(value)
    for key in draw(st.lists(st.sampled_from(list(NEWS_FIELDS)), max_size=2)):
        fields[key] = None  # a required field left out
    lines = [
        f"{_yaml(key) if key.strip() != key or not key else key}: {value}" for key, value in fields.items() if value is not None
    ]
    lines += draw(st.lists(RAW_LINES, max_size=3))
    text = "---\n" + "\n".join(lines) + "\n---\n\n" + draw(ODD_TEXT) + "\nNội dung bài.\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if draw(st.booleans()) else data


@PROPERTY
@given(front_matter_files())
def test_generated_front_matter_gives_an_entry_or_errors_naming_the_file(root: Path, data: bytes) -> None:
    result = outcome(root, REL, data)
    event("errors" if isinstance(result, list) else "entry")


# --- generated bodies -------------------------------------------------------------------------

BODY_PIECES = st.one_of(
    st.sampled_from(VECTORS),
    ODD_TEXT,
    st.sampled_from(
        [
            "## Mục { #muc }",
            "## Mục { id='x\"><b>' }",
            "- một\n    - hai\n        - ba",
            "> trích\n> > lồng",
            "```html\n<script>alert(1)</script>\n```",
            "`<style>`",
            "Chú thích[^1].\n\n[^1]: Theo báo cáo.",
            "| a | b |\n|---|---|\n| <img src=x onerror=alert(101)> | 2 |",
            '<div markdown="1">\n**đậm** <span onclick="alert(102)">x</span>\n</div>',
            '!!! note "Lưu ý <b>"\n    Nội dung.',
            '??? tip "Mở <i>"\n    Ẩn.',
            "<details><summary>Tóm tắt</summary>Chi tiết</details>",
            "&lt;script&gt;alert(103)&lt;/script&gt;",
            '[liên kết](https://tainangviet.vn/ "tiêu đề")',
            "<!-- ghi chú -->",
        ]
    ),
)


@PROPERTY
@given(st.lists(BODY_PIECES, min_size=1, max_size=6))
def test_generated_bodies_are_refused_with_a_line_or_render_with_nothing_live(
    root: Path, renderer: BodyRenderer, pieces: list[str]
) -> None:
    result = outcome(root, REL, news_text(body="\nMở đầu.\n\n" + "\n\n".join(pieces) + "\n"))
    event("errors" if isinstance(result, list) else "rendered")
    if isinstance(result, list):
        return
    html, _ = renderer.render(REL, result.body)
    assert live_markup(html) == [], html
