"""`newsroom import-word BAI.docx`: a Word document → a draft news article bundle.

The work lives in `newsroom.importer.word`; mammoth and markdownify are imported when the command
runs. The province, category and unit follow `newsroom new`; slugs already used are found the
same way (`_taken_slugs`).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from .. import routes
from ..content.dates import build_now, to_vn
from ..content.errors import FieldError
from ..content.taxonomy import load_taxonomies
from ..content.text import is_slug, slugify

SECTION_RE = re.compile(r"^#{2,6} ", re.MULTILINE)
TABLE_RE = re.compile(r"^\| ?-{3,}", re.MULTILINE)
EMPTY_ALT_RE = re.compile(r"!\[\]\(")
LINK_RE = re.compile(r"(?<!!)\[[^\]\n]*\]\((?:https?|mailto|tel):")
RETRY = "sửa tài liệu hoặc lệnh rồi chạy lại; chưa có gì được ghi"


def add_parser(commands: Any) -> None:
    word = commands.add_parser(
        "import-word",
        help="nhập tin bài từ tệp Word .docx (thành bản nháp)",
        description="Nhập một tệp Word .docx thành tin bài (bản nháp) trong articles/news/<năm>/<đường-dẫn>/: "
        "tiêu đề lấy từ dòng tiêu đề đầu tiên (kiểu Heading), các mục, danh sách, bảng, liên kết, chữ đậm, nghiêng "
        "và ảnh trong tài liệu. Các trường chưa có (tác giả, tóm tắt...) để 'newsroom check' nhắc.",
    )
    word.add_argument("document", type=Path, metavar="TỆP.docx", help="tài liệu Word cần nhập")
    word.add_argument("--category", default="hoat-dong", help="chuyên mục (mặc định: hoat-dong)")
    word.add_argument("--province", help="tỉnh, thành: mã hoặc tên (mặc định: theo newsroom config, không có thì ha-noi)")
    word.add_argument("--author", action="append", default=[], metavar="TÊN", help="tác giả; ghi nhiều lần nếu nhiều người")
    word.add_argument("--description", default="", metavar="TÓM_TẮT", help="một, hai câu tóm tắt bài (tối đa 300 ký tự)")
    word.add_argument("--title", default="", help="tiêu đề, thay cho dòng tiêu đề của tài liệu")
    word.add_argument("--slug", default="", help="đường dẫn của bài (mặc định: từ tiêu đề, bỏ dấu)")


def command_import_word(root: Path, args: argparse.Namespace) -> int:
    from ..importer.word.bundle import Bundle, Fields, front_matter, remaining_problems, write_bundle
    from ..importer.word.convert import WordError, convert
    from ..importer.word.markdown import to_article
    from . import editor_settings
    from .main import _taken_slugs

    def refuse(message: str, hint: str) -> int:
        print(f"Không nhập được: {message}\n    Gợi ý: {hint}", file=sys.stderr)
        return 1

    taxonomies = load_taxonomies()
    try:  # the defaults of `newsroom new`: --province, then editor.yml (newsroom config), then Hà Nội
        defaults = editor_settings.new_defaults(root, taxonomies, args.province)
        configured_authors = editor_settings.load_editor_settings(root).authors
    except editor_settings.SettingsError as exc:
        return refuse(str(exc), "sửa hoặc xoá editor.yml, hoặc chạy lại newsroom config")
    except FieldError as exc:
        return refuse(f"--province: {exc.message}", exc.hint or RETRY)
    try:
        taxonomies.categories.parse(args.category)
    except FieldError as exc:
        return refuse(f"--category: {exc.message}", exc.hint or RETRY)
    document: Path = args.document
    try:
        converted = convert(document)
    except WordError as refused:
        return refuse(refused.message, refused.hint)
    article = to_article(converted.html)
    name = document.name
    if not article.title and not article.body.strip():
        return refuse(f"'{name}' không có chữ nào (tài liệu trống, hoặc chỉ có ảnh).",
                      "kiểm tra có đúng tệp không; nếu bài là ảnh chụp văn bản, hãy gõ lại nội dung trong Word")
    title = " ".join(args.title.split()) or article.title or converted.core.title
    if not title:
        return refuse(f"'{name}' không có dòng tiêu đề.",
                      "trong Word, đặt dòng tiêu đề ở kiểu 'Heading 1' (Tiêu đề 1), hoặc thêm --title \"Tiêu đề bài\"")
    if args.slug and not is_slug(args.slug):
        return refuse(f"--slug '{args.slug}' không phải đường dẫn hợp lệ.",
                      f"chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ: --slug {slugify(args.slug) or 'ten-bai-viet'}")
    slug = args.slug or slugify(title)
    if not slug:
        return refuse(f"tiêu đề '{title}' không tạo được đường dẫn.", "thêm --slug ten-bai-viet")
    now = to_vn(build_now())
    rel = f"articles/news/{now.year}/{slug}/index.md"
    if (root / rel).parent.exists():
        return refuse(f"đã có thư mục {Path(rel).parent} (bài nhập trước, hoặc bài khác cùng tiêu đề).",
                      "đặt đường dẫn khác bằng --slug ten-khac; muốn nhập lại thì xoá thư mục cũ trước")
    if slug in _taken_slugs(root, "news"):
        return refuse(f"đường dẫn /{routes.entry(routes.SECTIONS['news'], slug)} đã thuộc về một bài khác.", "đặt đường dẫn khác bằng --slug ten-khac")
    authors = tuple(a.strip() for a in args.author if a.strip()) or tuple(configured_authors)
    fields = Fields(category=args.category, province=defaults.province, unit=defaults.unit,
                    authors=authors, description=args.description.strip())
    images = tuple(converted.images.images)
    text = front_matter(title, now, slug, fields, taxonomies, name, *(i.name for i in images[:1])) + "\n" + article.body
    bundle = Bundle(rel=rel, text=text, images=images)
    problems = remaining_problems(bundle, taxonomies)
    try:
        write_bundle(bundle, root)
    except OSError as exc:
        return refuse(f"không ghi được {rel} ({exc.strerror or exc}).", "kiểm tra quyền ghi thư mục articles/news/")

    parts = [f"{len(SECTION_RE.findall(article.body))} mục", f"{len(TABLE_RE.findall(article.body))} bảng",
             f"{len(LINK_RE.findall(article.body))} liên kết",
             f"{len(images)} ảnh" + (f" ({', '.join(i.name for i in images)})" if images else "")]
    print(f"Đã tạo {rel} từ '{name}' (bản nháp, địa chỉ /{routes.entry(routes.SECTIONS['news'], slug)}).")
    print(f"  Tiêu đề: {title}")
    print(f"  Nội dung: {', '.join(parts)}.")
    notes = list(converted.images.warnings)
    if not args.title.strip() and not article.title:
        notes.append("Tài liệu không có dòng tiêu đề (kiểu Heading): tiêu đề lấy từ Thuộc tính của tệp (File → Info).")
    unlabelled = len(EMPTY_ALT_RE.findall(article.body))
    if unlabelled:
        notes.append(f"{unlabelled} ảnh chưa có mô tả cho người khiếm thị: ghi mô tả vào giữa ![ và ] trong index.md "
                     "(hoặc trong Word: chuột phải vào ảnh → Xem/Sửa văn bản thay thế, rồi nhập lại).")
    if article.invisible:
        notes.append(f"Đã xoá {article.invisible} ký tự vô hình (khoảng trắng độ rộng 0, gạch nối mềm...) trong văn bản.")
    if article.typed_bullets:
        notes.append(f"{article.typed_bullets} đoạn gõ dấu đầu dòng (•, -, +) đã thành danh sách thật.")
    for note in notes:
        print(f"  Lưu ý: {note}")
    if problems:
        print(f"\n'newsroom check' sẽ còn hỏi {len(problems)} điều, sửa trong {rel}:")
        for problem in problems:
            print(f"  - {problem.format()}")
    print("\nĐọc lại bài trong bản xem trước (make serve), xoá dòng 'draft: true' khi sẵn sàng, rồi chạy 'newsroom check'.")
    return 0
