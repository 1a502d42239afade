"""importer.word.markdown: mammoth's HTML → the article's title and Markdown body.

Each body is also rendered with Python-Markdown and the column's extensions, since what counts is
what the page shows, not the Markdown's spelling.
"""

from __future__ import annotations

import markdown
import pytest

from newsroom.importer.word.markdown import escape_markdown, to_article

EXTENSIONS = ["tables", "attr_list", "md_in_html", "footnotes", "admonition", "toc"]


def render(body: str) -> str:
    return str(markdown.markdown(body, extensions=EXTENSIONS))


def test_word_markdown_first_heading_is_the_title_and_the_rest_start_at_h2() -> None:
    article = to_article("<p>TỈNH ĐOÀN HÀ NỘI</p><h1>Ngày hội  số</h1><p>Mở đầu.</p><h1>Phần một</h1><h2>Chi tiết</h2>")
    assert article.title == "Ngày hội số"
    assert article.body == "TỈNH ĐOÀN HÀ NỘI\n\nMở đầu.\n\n## Phần một\n\n### Chi tiết\n"


def test_word_markdown_title_style_then_heading_2_sections() -> None:
    article = to_article("<h1>Tiêu đề</h1><h3>Mục</h3><h4>Ý nhỏ</h4><p>x</p>")
    assert article.title == "Tiêu đề"
    assert article.body.startswith("## Mục\n\n### Ý nhỏ\n")


def test_word_markdown_without_heading_has_no_title() -> None:
    article = to_article("<p>Chỉ có đoạn văn.</p>")
    assert article.title == "" and article.body == "Chỉ có đoạn văn.\n"


def test_word_markdown_bold_italic_lists_table_link() -> None:
    html = ("<h1>T</h1><p>Chữ <strong>đậm</strong> và <em>nghiêng</em>.</p><ul><li>Một</li><li>Hai</li></ul>"
            "<ol><li>Bước một</li><li>Bước hai</li></ol>"
            "<table><tr><td><p>Xã</p></td><td><p>Số</p></td></tr><tr><td><p>Uy Nỗ</p></td><td><p>12</p></td></tr></table>"
            '<p>Xem <a href="https://dichvucong.gov.vn/">Cổng</a>.</p>')
    body = to_article(html).body
    assert "Chữ **đậm** và *nghiêng*." in body
    assert "- Một\n- Hai\n" in body and "1. Bước một\n2. Bước hai\n" in body
    assert "| Xã | Số |\n| --- | --- |\n| Uy Nỗ | 12 |" in body
    assert "[Cổng](https://dichvucong.gov.vn/)" in body
    page = render(body)
    assert "<th>Xã</th>" in page and "<td>Uy Nỗ</td>" in page
    assert '<a href="https://dichvucong.gov.vn/">Cổng</a>' in page


def test_word_markdown_nested_list_is_indented_four_spaces_as_python_markdown_reads() -> None:
    body = to_article("<ul><li>Cha<ul><li>Con</li></ul></li><li>Sau</li></ul>").body
    assert body == "- Cha\n    - Con\n- Sau\n"
    page = render(body)
    assert page.count("<ul>") == 2 and "<li>Con</li>" in page


def test_word_markdown_removes_invisible_characters_and_counts_them() -> None:
    article = to_article("<h1>VNe\u200bID</h1><p>Định\u00addanh\u200b điện\ufeff tử \u200d\u2060mức 2</p>")
    assert article.title == "VNeID"
    assert article.body == "Địnhdanh điện tử mức 2\n"
    assert article.invisible == 6


def test_word_markdown_text_is_nfc() -> None:
    decomposed = "Tie\u0302\u0301ng Vie\u0323\u0302t"
    assert to_article(f"<p>{decomposed}</p>").body == "Tiếng Việt\n"


def test_word_markdown_typed_bullets_become_a_real_list() -> None:
    article = to_article("<p>Gồm:</p><p>•\tMột</p><p>- <strong>Hai</strong></p><p>\uf0b7 Ba</p><p>Hết.</p><p>+ Khác</p>")
    assert article.body == "Gồm:\n\n- Một\n- **Hai**\n- Ba\n\nHết.\n\n- Khác\n"
    assert article.typed_bullets == 4
    assert render(article.body).count("<li>") == 4


def test_word_markdown_internal_and_unsafe_links_keep_only_their_text() -> None:
    html = ('<p><a href="#_Toc12">Mục lục</a> <a id="_bookmark1"></a>chữ '
            '<a href="javascript:alert(1)">xấu</a> <a href="file:///C:/a.docx">tệp</a> '
            '<a href="mailto:doan@example.vn">thư</a></p>')
    body = to_article(html).body
    assert body == "Mục lục chữ xấu tệp [thư](mailto:doan@example.vn)\n"


def test_word_markdown_link_with_spaces_and_parentheses_stays_one_link() -> None:
    body = to_article('<p><a href="https://vi.wikipedia.org/wiki/Đông Anh (huyện)">Đông Anh</a></p>').body
    assert body == "[Đông Anh](https://vi.wikipedia.org/wiki/Đông%20Anh%20%28huyện%29)\n"
    assert 'href="https://vi.wikipedia.org/wiki/Đông%20Anh%20%28huyện%29"' in render(body)


def test_word_markdown_images_keep_alt_and_a_skipped_one_leaves_nothing() -> None:
    article = to_article('<p><img src="anh-1.jpg" alt="Đoàn viên [Đông Anh]\n hướng dẫn" /></p><p><img alt="EMF" /></p><p>Hết</p>')
    assert article.body == "![Đoàn viên Đông Anh hướng dẫn](anh-1.jpg)\n\nHết\n"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("A & B", "A &amp; B"),
        ("*không nghiêng* và _không_", "*không nghiêng* và _không_"),
        ("# không phải tiêu đề", "# không phải tiêu đề"),
        ("1. không phải danh sách", "1. không phải danh sách"),
        ("- không phải danh sách", "- không phải danh sách"),
        ("+ không phải danh sách", "+ không phải danh sách"),
        ("> không phải trích dẫn", "&gt; không phải trích dẫn"),
        ("năm 2025. Sau đó 3) a - b > c", "năm 2025. Sau đó 3) a - b &gt; c"),
        ("[liên kết](x) và ![ảnh](y)", "[liên kết](x) và ![ảnh](y)"),
        ("Đoạn {: .lop #ma }", "Đoạn {: .lop #ma }"),
        ("`mã` và \\ gạch", "`mã` và \\ gạch"),
        ("a | b", "a | b"),
    ],
)
def test_word_markdown_text_that_looks_like_syntax_stays_words(text: str, shown: str) -> None:
    page = render(escape_markdown(text))
    assert page == f"<p>{shown}</p>"


def test_word_markdown_escaped_html_text_does_not_become_markup() -> None:
    body = to_article("<p>&lt;img src=x onerror=alert(1)&gt; &lt;!-- chú thích</p>").body
    page = render(body)
    assert "<img" not in page and "<!--" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &lt;!-- chú thích" in page


def test_word_markdown_empty_document_has_no_body() -> None:
    article = to_article("<p></p><p> </p>")
    assert article.title == "" and article.body == ""
    assert to_article("").body == ""


def test_word_markdown_footnotes_and_endnotes_become_markdown_footnotes() -> None:
    """The shape mammoth writes (see also the real document in test_word_convert)."""
    html = ('<h1>T</h1><p>Theo số liệu<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> và báo cáo'
            '<sup><a href="#endnote-2" id="endnote-ref-2">[2]</a></sup>, lại<sup><a href="#footnote-9" id="footnote-ref-9">[3]</a></sup>.</p>'
            '<p>Tiếp.</p><ol><li id="footnote-1"><p>Cục Thống kê, 2025 <a href="#footnote-ref-1">↑</a></p></li>'
            '<li id="endnote-2"><p>Báo cáo của <strong>Tỉnh đoàn</strong>.</p><p>Dòng hai.</p><p> <a href="#endnote-ref-2">↑</a></p></li>'
            '<li id="footnote-9"><p> <a href="#footnote-ref-9">↑</a></p></li></ol><dl></dl>')
    body = to_article(html).body
    assert body == ("Theo số liệu[^1] và báo cáo[^2], lại.\n\nTiếp.\n\n[^1]: Cục Thống kê, 2025\n\n"
                    "[^2]: Báo cáo của **Tỉnh đoàn**.\n\n    Dòng hai.\n")  # the empty third note leaves nothing
    page = markdown.markdown(body, extensions=["footnotes"])
    assert page.count('class="footnote-ref"') == 2 and "Dòng hai." in page and "↑" not in page


def test_word_markdown_escapes_only_where_markdown_would_read_syntax() -> None:
    """The editor reads index.md: backslashes only where they are needed."""
    assert escape_markdown("năm 2025. Sau đó 3) a - b > c + d # e") == "năm 2025. Sau đó 3) a - b > c + d # e"
    assert escape_markdown("1. Mở đầu") == "1\\. Mở đầu"
    assert escape_markdown("> trích") == "\\> trích"
    assert escape_markdown("- gạch") == "\\- gạch"
    assert escape_markdown("dòng một\n2. dòng hai\n# ba") == "dòng một\n2\\. dòng hai\n\\# ba"
