"""Sized and captioned body images (images/body_figures.py): `![..](x.jpg "Chú thích"){ .anh-nho }` → <figure>."""

from __future__ import annotations

import markdown
import pytest

from newsroom.engine.sanitize import SafeAttributes, sanitize_html
from newsroom.images.body_figures import Figures, body_images

EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes"]
"""The body extensions of mkdocs.yml that touch images."""


def render(text: str) -> str:
    """A body as the build renders it: the site's extensions, Figures, SafeAttributes, then nh3."""
    md = markdown.Markdown(extensions=[*EXTENSIONS, Figures(), SafeAttributes()])
    return sanitize_html(md.convert(text))


def test_figures_small_captioned_image_becomes_a_figure() -> None:
    html = render('![Đoàn viên](anh.jpg "Đoàn viên hướng dẫn người dân"){ .anh-nho }')
    assert html == (
        '<figure class="nr-hinh anh-nho"><img alt="Đoàn viên" class="anh-nho" src="anh.jpg">'
        "<figcaption>Đoàn viên hướng dẫn người dân</figcaption></figure>"
    )


def test_figures_medium_image_without_caption() -> None:
    assert render("![Ảnh](anh.jpg){ .anh-vua }") == '<figure class="nr-hinh anh-vua"><img alt="Ảnh" class="anh-vua" src="anh.jpg"></figure>'


def test_figures_caption_alone_keeps_the_full_width() -> None:
    html = render('![Ảnh](anh.jpg "Chú thích")')
    assert html == '<figure class="nr-hinh"><img alt="Ảnh" src="anh.jpg"><figcaption>Chú thích</figcaption></figure>'


@pytest.mark.parametrize(
    "text",
    [
        "![Ảnh](anh.jpg)",  # nothing asked for: the plain paragraph
        "![Ảnh](anh.jpg){ .khac }",  # a class that is not a size
        'Trong câu ![Ảnh](anh.jpg "Chú thích"){ .anh-nho } giữa chữ.',  # not alone in its paragraph
    ],
)
def test_figures_other_images_stay_as_they_are(text: str) -> None:
    html = render(text)
    assert html.startswith("<p>") and "<figure" not in html


def test_figures_caption_is_text_never_markup() -> None:
    html = render('![Ảnh](anh.jpg "<script>alert(1)</script> & <b>đậm</b>"){ .anh-nho }')
    assert "<script" not in html and "<b>" not in html
    assert "<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;</figcaption>" in html


def test_figures_inside_a_quote() -> None:
    html = render('> ![Ảnh](anh.jpg "Trong trích dẫn"){ .anh-vua }\n')
    assert html.startswith("<blockquote>") and '<figure class="nr-hinh anh-vua">' in html


def test_figures_body_images_reads_the_sizes_the_editor_wrote() -> None:
    body = (
        "Mở đầu.\n\n![Một](mot.jpg)\n\n![Hai](<hai anh.jpg> \"Chú thích\"){ .anh-nho }\n\n"
        '<img src="ba.jpg" class="anh-vua" alt="Ba">\n\n```\n![Không phải ảnh](trong-ma.jpg)\n```\n'
    )
    found = [(image.target, image.size) for image in body_images(body)]
    assert found == [("mot.jpg", None), ("hai anh.jpg", "anh-nho"), ("ba.jpg", "anh-vua")]
    first = next(body_images(body))
    assert body[first.offset :].startswith("![Một](mot.jpg)") and first.markup == "![Một](mot.jpg)"
