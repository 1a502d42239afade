"""Open a .docx, read its core properties, and turn its body into HTML with mammoth.

A missing file, another format (.doc, .odt, .pdf, a renamed file) and a damaged document are
refused with a WordError naming the file and saying what to do; mammoth's own notes (unknown
paragraph styles and the like) concern Word's layout, not the text, and are not shown.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import lxml.etree

from .images import ImageCollector

STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
"""
"""Besides mammoth's defaults (Heading 1-6, lists, bold, italic, tables, links): Word's Title style is
a heading (the article's title), its Subtitle an ordinary paragraph."""

SAVE_AS_DOCX = "mở tệp bằng Word (hoặc LibreOffice), chọn 'Lưu thành' (Save As) → 'Word Document (*.docx)', rồi nhập tệp .docx"
OTHER_FORMATS = {
    ".doc": "tệp Word cũ (.doc)", ".odt": "tệp OpenDocument (.odt)", ".rtf": "tệp RTF", ".pdf": "tệp PDF",
    ".docm": "tệp Word có macro (.docm)", ".dotx": "mẫu Word (.dotx)",
}
MAX_UNPACKED = 400 * 2**20
"""A document whose parts unpack to more than this is refused before mammoth reads it (a zip bomb,
or photos no article needs at full size)."""
CORE = {"dc": "http://purl.org/dc/elements/1.1/"}


class WordError(Exception):
    """A document that cannot be imported: the message names the file; the hint says what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def format(self) -> str:
        return f"{self.message}\n    Gợi ý: {self.hint}"


@dataclass(frozen=True)
class CoreProperties:
    """What File → Info in Word shows (docProps/core.xml); every field may be empty."""

    title: str = ""
    description: str = ""


@dataclass(frozen=True)
class Converted:
    html: str
    core: CoreProperties
    images: ImageCollector


def convert(path: Path) -> Converted:
    """The document's body as HTML (pictures saved into the collector, `src` their bundle names)."""
    import mammoth

    name = path.name
    if not path.exists():
        raise WordError(f"không có tệp '{path}'.", "kiểm tra tên và thư mục của tệp (đặt tên trong ngoặc kép nếu có dấu cách)")
    if not path.is_file():
        raise WordError(f"'{path}' không phải một tệp.", "ghi tên một tệp Word .docx, ví dụ: newsroom import-word bai-viet.docx")
    suffix = path.suffix.lower()
    if suffix != ".docx":
        what = OTHER_FORMATS.get(suffix, f"tệp '{suffix}'" if suffix else "tệp không có đuôi .docx")
        raise WordError(f"'{name}' là {what}, không phải tài liệu Word .docx.", SAVE_AS_DOCX)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(item.file_size for item in archive.infolist())
            if unpacked > MAX_UNPACKED:
                raise WordError(f"'{name}' quá lớn: giải nén ra {unpacked // 2**20} MB (tối đa {MAX_UNPACKED // 2**20} MB).",
                                "giảm dung lượng ảnh trong Word (Định dạng ảnh → Nén ảnh / Compress Pictures) hoặc tách bài")
            if "word/document.xml" not in names:
                raise WordError(f"'{name}' không phải tài liệu Word .docx (không có phần nội dung word/document.xml).", SAVE_AS_DOCX)
            core = _core_properties(archive.read("docProps/core.xml")) if "docProps/core.xml" in names else CoreProperties()
    except (zipfile.BadZipFile, OSError) as exc:
        if isinstance(exc, PermissionError):
            raise WordError(f"không đọc được '{name}': không có quyền đọc tệp.", "đóng tệp trong Word rồi thử lại") from None
        raise WordError(f"'{name}' không phải tài liệu Word .docx hợp lệ (tệp hỏng, hoặc tệp khác đổi đuôi thành .docx).",
                        SAVE_AS_DOCX) from None
    collector = ImageCollector()

    def save_image(image: mammoth.documents.Image) -> dict[str, str]:
        try:
            with image.open() as stream:
                data = stream.read()
        except Exception:  # a picture linked to a file outside the document: never read (external_file_access)
            collector.linked()
            return {}
        saved = collector.add(image.content_type, data)
        return {"src": saved} if saved else {}

    try:
        with path.open("rb") as stream:
            result = mammoth.convert_to_html(stream, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(save_image),
                                             external_file_access=False)
    except WordError:
        raise
    except Exception:  # mammoth raises KeyError, ValueError, XML errors... on a damaged document
        raise WordError(f"'{name}' bị hỏng: không đọc được nội dung tài liệu.",
                        "mở tệp bằng Word; nếu Word đề nghị sửa (Repair), đồng ý, lưu lại thành .docx rồi nhập lại") from None
    return Converted(html=str(result.value), core=core, images=collector)


def _core_properties(xml: bytes) -> CoreProperties:
    try:
        tree = lxml.etree.fromstring(xml, parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    except lxml.etree.XMLSyntaxError:
        return CoreProperties()

    def text(path: str) -> str:
        found = tree.find(path, CORE)
        return " ".join((found.text or "").split()) if found is not None else ""

    return CoreProperties(title=text("dc:title"), description=text("dc:description"))
