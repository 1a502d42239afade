"""Editor bodies: attributes cut to the allowlist before the TOC sees them, URLs of images checked."""

from __future__ import annotations

import re

import markdown
import pytest

from newsroom.content.text import toc_slugify
from newsroom.engine.sanitize import SafeAttributes, safe_id, sanitize_html


def _convert(text: str) -> tuple[str, list[dict[str, object]]]:
    """The site's Markdown extensions (mkdocs.yml) plus SafeAttributes, as BodyRenderer builds them."""
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "md_in_html", "footnotes", "admonition", SafeAttributes()],
        extension_configs={"toc": {"permalink": True, "slugify": toc_slugify}},
    )
    html = sanitize_html(md.convert(text))
    return html, list(md.toc_tokens)


def _ids(tokens: list[dict[str, object]]) -> list[str]:
    return [str(token["id"]) for token in tokens]


@pytest.mark.parametrize(
    "heading",
    [
        "## Mục { id='a\"><img src=x onerror=alert(1)>' }",
        '<div markdown="1">\n<h2 id=\'b"><img src=x onerror=alert(7)>\'>Mục</h2>\n</div>',
        "## Mục { id=\"x' onmouseover='alert(2)\" }",
        "## Mục { id='javascript:alert(3)//' }",
    ],
)
def test_sanitize_heading_id_set_by_an_editor_is_a_slug_in_toc_and_page(heading: str) -> None:
    html, tokens = _convert(f"Mở đầu.\n\n{heading}\n\nVăn bản.\n")

    (token,) = tokens
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_:.-]*", str(token["id"])), token
    assert f'id="{token["id"]}"' in html
    assert "<img" not in html and "onerror=" not in html and "onmouseover=" not in html


def test_sanitize_plain_editor_ids_and_footnote_links_are_kept() -> None:
    html, tokens = _convert("Có chú thích[^1].\n\n## Mục { #muc-rieng }\n\n[^1]: Theo báo cáo năm 2025.\n")

    assert _ids(tokens) == ["muc-rieng"]
    assert 'id="fnref:1"' in html and 'href="#fn:1"' in html
    assert 'id="fn:1"' in html and 'href="#fnref:1"' in html


def test_sanitize_attributes_outside_the_allowlist_never_reach_the_html() -> None:
    html, _ = _convert('## Mục { onclick="alert(3)" style="position:fixed" data-pagefind-meta="title" }\n\nChữ\n{: hidden }\n')

    assert "onclick" not in html and "style=" not in html and "data-pagefind" not in html and "hidden" not in html
    assert "<p>Chữ</p>" in html


@pytest.mark.parametrize(
    "html",
    [
        '<img src="a.jpg" srcset="javascript:alert(4) 1x" alt="x">',
        '<img src="a.jpg" srcset="a.jpg 1x, data:image/svg+xml,&lt;svg onload=alert(5)&gt; 2x" alt="x">',
        '<picture><source srcset="https://tracker.example/p.gif 1x"><img src="a.jpg" alt="x"></picture>',
    ],
)
def test_sanitize_srcset_with_a_foreign_url_is_removed(html: str) -> None:
    clean = sanitize_html(html)

    assert "srcset" not in clean
    assert 'src="a.jpg"' in clean


@pytest.mark.parametrize(
    "src", ["https://tracker.example/p.gif", "//tracker.example/p.gif", "data:image/png;base64,AAAA", " javascript:alert(1)"]
)
def test_sanitize_image_from_outside_the_site_loses_its_src(src: str) -> None:
    assert "src=" not in sanitize_html(f'<img src="{src}" alt="x">')


def test_sanitize_local_images_and_links_stay() -> None:
    clean = sanitize_html(
        '<p><img src="anh/a-480.webp" srcset="anh/a-480.webp 480w, /anh/b-960.webp 960w" alt="Tôm &amp; cá"></p>'
    )

    assert 'src="anh/a-480.webp"' in clean
    assert 'srcset="anh/a-480.webp 480w, /anh/b-960.webp 960w"' in clean
    assert 'alt="Tôm &amp; cá"' in clean


@pytest.mark.parametrize(
    ("value", "expected"), [("muc-1", "muc-1"), ("fn:1", "fn:1"), ('a"><b>', "a-b"), ("2025", "muc-2025"), ('"<>', None)]
)
def test_sanitize_safe_id(value: str, expected: str | None) -> None:
    assert safe_id(value) == expected
