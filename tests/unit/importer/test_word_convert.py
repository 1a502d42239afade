"""importer.word.convert: open a .docx with mammoth; refuse what is not one, naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from docx_kit import ALTS, LINK, TITLE, article_docx
from newsroom.importer.word.convert import WordError, convert


def test_word_convert_the_kit_document_into_html_with_its_pictures(tmp_path: Path) -> None:
    converted = convert(article_docx(tmp_path / "bai.docx"))
    html = converted.html
    assert f"<h1>{TITLE}</h1>" in html
    assert "<h2>Những việc đã làm</h2>" in html and "<h2>Kết quả sau một tháng</h2>" in html
    assert "<ul><li>Cài đặt ứng dụng VNeID mức 2</li>" in html
    assert "<ol><li>Mở thêm điểm hỗ trợ ở nhà văn hoá</li>" in html
    assert "<table>" in html and "<td><p>Uy Nỗ</p></td>" in html
    assert f'<a href="{LINK}">Cổng Dịch vụ công quốc gia</a>' in html
    assert "<strong>hướng dẫn người dân</strong>" in html and "<em>trực tuyến</em>" in html
    assert f'<img alt="{ALTS[0]}" src="anh-1.png" />' in html and f'<img alt="{ALTS[1]}" src="anh-2.jpg" />' in html
    assert [i.name for i in converted.images.images] == ["anh-1.png", "anh-2.jpg"]


def test_word_convert_title_style_is_a_heading_and_core_title_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Tiêu đề trong Thuộc tính"
    document.add_heading("Tiêu đề kiểu Title", level=0)
    document.add_paragraph("Nội dung.")
    document.save(str(tmp_path / "a.docx"))
    converted = convert(tmp_path / "a.docx")
    assert converted.html.startswith("<h1>Tiêu đề kiểu Title</h1>")
    assert converted.core.title == "Tiêu đề trong Thuộc tính"


def test_word_convert_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WordError) as refused:
        convert(tmp_path / "khong-co.docx")
    assert refused.value.message == f"không có tệp '{tmp_path / 'khong-co.docx'}'."
    assert "kiểm tra tên" in refused.value.hint


def test_word_convert_a_folder(tmp_path: Path) -> None:
    (tmp_path / "bai.docx").mkdir()
    with pytest.raises(WordError, match="không phải một tệp"):
        convert(tmp_path / "bai.docx")


@pytest.mark.parametrize(("name", "what"), [("bai.doc", "tệp Word cũ (.doc)"), ("bai.pdf", "tệp PDF"),
                                            ("bai.odt", "tệp OpenDocument (.odt)"), ("bai.txt", "tệp '.txt'"),
                                            ("bai", "tệp không có đuôi .docx")])
def test_word_convert_other_formats_refused_with_save_as_hint(tmp_path: Path, name: str, what: str) -> None:
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    with pytest.raises(WordError) as refused:
        convert(tmp_path / name)
    assert refused.value.message == f"'{name}' là {what}, không phải tài liệu Word .docx."
    assert "Lưu thành" in refused.value.hint and "Word Document (*.docx)" in refused.value.hint


def test_word_convert_renamed_file_and_zip_without_document(tmp_path: Path) -> None:
    (tmp_path / "doi-ten.docx").write_bytes(b"%PDF-1.4 not a zip")
    with pytest.raises(WordError, match="'doi-ten.docx' không phải tài liệu Word .docx hợp lệ"):
        convert(tmp_path / "doi-ten.docx")
    with zipfile.ZipFile(tmp_path / "zip.docx", "w") as archive:
        archive.writestr("readme.txt", "x")
    with pytest.raises(WordError, match=r"không có phần nội dung word/document.xml"):
        convert(tmp_path / "zip.docx")


def test_word_convert_damaged_document_xml(tmp_path: Path) -> None:
    good = article_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "hong.docx", "w") as broken:
        for item in source.infolist():
            data = source.read(item)
            broken.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(WordError) as refused:
        convert(tmp_path / "hong.docx")
    assert refused.value.message == "'hong.docx' bị hỏng: không đọc được nội dung tài liệu."
    assert "Repair" in refused.value.hint


def test_word_convert_linked_picture_is_never_read_and_is_reported(tmp_path: Path) -> None:
    """A picture inserted as "Link to File" names a file on the editor's computer: it is skipped, not opened."""
    secret = tmp_path / "anh-ngoai.png"
    secret.write_bytes(b"\x89PNG not read")
    good = article_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "lien-ket.docx", "w") as linked:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b'Target="media/image1.png"', f'Target="{secret.as_uri()}" TargetMode="External"'.encode())
            if item.filename == "word/document.xml":
                rels = source.read("word/_rels/document.xml.rels").decode()
                rel_id = rels.split('Target="media/image1.png"')[0].rsplit('Id="', 1)[1].split('"')[0]
                data = data.replace(f'r:embed="{rel_id}"'.encode(), f'r:link="{rel_id}"'.encode())
            linked.writestr(item, data)
    converted = convert(tmp_path / "lien-ket.docx")
    assert [i.name for i in converted.images.images] == ["anh-1.jpg"]  # the second picture, numbered first
    assert len(converted.images.warnings) == 1
    assert converted.images.warnings[0].startswith("Ảnh thứ 1 trong tài liệu chỉ là liên kết tới một tệp ngoài tài liệu")
    assert 'src="anh-1.jpg"' in converted.html and "anh-ngoai" not in converted.html


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Theo Cục Thống kê, 2025.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def test_word_convert_a_real_footnote_reaches_the_markdown_as_one(tmp_path: Path) -> None:
    from newsroom.importer.word.markdown import to_article

    document = docx.Document()
    document.add_heading("Số liệu", level=1)
    paragraph = document.add_paragraph("Có 128 hồ sơ")
    reference = OxmlElement("w:r")
    mark = OxmlElement("w:footnoteReference")
    mark.set(qn("w:id"), "1")
    reference.append(mark)
    paragraph._p.append(reference)
    paragraph.add_run(" trong tháng.")
    document.save(str(tmp_path / "plain.docx"))
    with zipfile.ZipFile(tmp_path / "plain.docx") as source, zipfile.ZipFile(tmp_path / "chu-thich.docx", "w") as noted:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
            noted.writestr(item, data)
        noted.writestr("word/footnotes.xml", FOOTNOTES_XML)
    article = to_article(convert(tmp_path / "chu-thich.docx").html)
    assert article.body == "Có 128 hồ sơ[^1] trong tháng.\n\n[^1]: Theo Cục Thống kê, 2025.\n"


def test_word_convert_a_document_that_unpacks_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsroom.importer.word import convert as module

    monkeypatch.setattr(module, "MAX_UNPACKED", 10_000)
    with pytest.raises(WordError) as refused:
        convert(article_docx(tmp_path / "lon.docx"))
    assert refused.value.message.startswith("'lon.docx' quá lớn: giải nén ra")
    assert "Nén ảnh" in refused.value.hint
