"""Word documents for the import-word tests, made with python-docx the way an editor's Word saves them."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.text.paragraph import Paragraph
from PIL import Image

from sitekit import BIN, build_env

TITLE = "Tuổi trẻ Đông Anh đưa dịch vụ công lên điện thoại"
ALTS = ("Đoàn viên hướng dẫn người dân cài VNeID", "Điểm hỗ trợ dịch vụ công ở nhà văn hoá xã")
SLUG = "tuoi-tre-dong-anh-dua-dich-vu-cong-len-dien-thoai"
NOW = "1760000000"  # 2025-10-09 15:53 in Vietnam: the article lands in articles/news/2025/
FILLED = ("--province", "ha-noi", "--category", "dich-vu-cong", "--author", "Nguyễn Thu Hà",
          "--description", "Đoàn viên Đông Anh hướng dẫn người dân nộp hồ sơ trực tuyến.")
"""The required fields a Word document does not hold, given on the command line."""
LINK = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A real Word hyperlink (w:hyperlink with an external relationship); python-docx has no API for it."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    words = OxmlElement("w:t")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def picture(color: str, fmt: str, size: tuple[int, int] = (1200, 800)) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", size, color).save(data, fmt)
    data.seek(0)
    return data


def article_docx(path: Path, title: str = TITLE) -> Path:
    """Headings, bold and italic, a bullet list, a numbered list, a table, a link and two pictures (PNG, JPEG)."""
    document = docx.Document()
    document.add_heading(title, level=1)
    intro = document.add_paragraph("Sáng 3/10, Đoàn Thanh niên huyện Đông Anh ra quân ")
    intro.add_run("hướng dẫn người dân").bold = True
    intro.add_run(" cài đặt VNe\u200bID và nộp hồ sơ ")
    intro.add_run("trực tuyến").italic = True
    intro.add_run(".")
    document.add_heading("Những việc đã làm", level=2)
    for item in ("Cài đặt ứng dụng VNeID mức 2", "Nộp hồ sơ khai sinh trực tuyến", "Thanh toán lệ phí không dùng tiền mặt"):
        document.add_paragraph(item, style="List Bullet")
    first = document.add_picture(picture("#1565c0", "PNG"), width=Inches(5))
    first._inline.docPr.set("descr", ALTS[0])  # Word's "Alt Text" pane writes docPr/@descr
    document.add_heading("Kết quả sau một tháng", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, cells in enumerate((("Xã", "Số hồ sơ"), ("Uy Nỗ", "128"), ("Cổ Loa", "96"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("Các bước tiếp theo:")
    document.add_paragraph("Mở thêm điểm hỗ trợ ở nhà văn hoá", style="List Number")
    document.add_paragraph("Tập huấn cho đoàn viên mới", style="List Number")
    closing = document.add_paragraph("Người dân tra cứu thủ tục tại ")
    add_hyperlink(closing, LINK, "Cổng Dịch vụ công quốc gia")
    closing.add_run(".")
    second = document.add_picture(picture("#2e7d32", "JPEG"), width=Inches(5))
    second._inline.docPr.set("descr", ALTS[1])
    document.save(str(path))
    return path


def newsroom(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `newsroom` command on a fixture site, "now" pinned to NOW."""
    return subprocess.run([str(BIN / "newsroom"), "--root", str(site), *args], capture_output=True, text=True,
                          env=build_env(SOURCE_DATE_EPOCH=NOW), timeout=300)


def ready_to_publish(index: Path) -> None:
    """What the editor does once the article is read: delete the draft line."""
    text = index.read_text(encoding="utf-8")
    assert "draft: true\n" in text
    index.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
