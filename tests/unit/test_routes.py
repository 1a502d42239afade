"""The route table is the only place that spells the site's URLs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from newsroom import routes

PACKAGE = Path(__file__).resolve().parents[2] / "hooks" / "newsroom"
TEMPLATES = Path(__file__).resolve().parents[2] / "overrides"
# Fragments that only a URL contains; each is spelled once, in routes.py.
URL_FRAGMENTS = re.compile(
    r"bai-viet/|chuyen-muc/|tinh-thanh/|luu-tru/|vinh-danh/|nhung/|trang/|(^|/)feed($|\.(xml|atom|json))|"
    r"^the/|^rss/|bo-nhan-dien/|assets/the/|assets/brand/|widget\.js"
)


def _string_literals(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    docstrings.add(id(stmt.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_routes_no_url_literal_outside_the_route_table() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {value!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "routes.py"
        for line, value in _string_literals(path)
        if URL_FRAGMENTS.search(value)
    ]
    assert found == []


def test_routes_no_url_literal_in_templates() -> None:
    quoted = re.compile(r"""(['"])([^'"<>{}]*)\1""")
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}: {match.group(2)!r}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in quoted.finditer(line)
        if URL_FRAGMENTS.search(match.group(2))
    ]
    assert found == []


def test_routes_detector_sees_a_literal(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""Docstring with bai-viet/ is fine."""\nURL = f"bai-viet/{1}/"\nX = "chuyen-muc/" + "a"\n', encoding="utf-8")
    assert [v for _, v in _string_literals(module) if URL_FRAGMENTS.search(v)] == ["bai-viet/", "chuyen-muc/"]


def test_routes_urls() -> None:
    assert routes.entry("bai-viet", "x") == "bai-viet/x/"
    assert routes.listing_page("the/a/", 1) == "the/a/"
    assert routes.listing_page("the/a/", 3) == "the/a/trang/3/"
    assert routes.feed(routes.COLUMN_FEED_KEY, "rss") == "feed.xml"
    assert routes.feed(routes.feed_key(routes.category("tap-huan")), "atom") == "chuyen-muc/tap-huan/feed.atom"
    assert routes.feed_sitemap(routes.COLUMN_FEED_KEY) is None
    assert routes.feed_sitemap("tinh-thanh/ha-noi") == "tinh-thanh/ha-noi/sitemap.xml"
    assert routes.widget_script("vinh-danh") == "nhung/vinh-danh/widget.js"
    assert routes.card("bai-viet/x/") == "assets/the/bai-viet/x.jpg"
    assert routes.gallery(2024) == "vinh-danh/nam-2024/"
    assert routes.page_source(routes.HOME) == "index.md"
