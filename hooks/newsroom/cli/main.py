"""`newsroom`, the editor's command line: new, check, list, import, stats, publish, rollback, serve, build, cms.

Run it from the project folder (or any folder below it). Messages are in Vietnamese.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..cache import cache_dir_of
from ..checks.validation import validate_site
from ..cms import launcher
from ..content.catalog import Catalog, load_catalog
from ..content.dates import build_now, format_vn_datetime, to_vn
from ..content.errors import ContentErrors, ContentWarning, FieldError
from ..content.notices import ContentNotice, flow_list, yaml_scalar
from ..content.taxonomy import load_taxonomies
from ..content.text import slugify
from . import editor_settings, fix, importer, publish, serve, stats_args, word

STATUS_NAMES = {"published": "đã đăng", "draft": "bản nháp", "scheduled": "hẹn giờ"}

ARTICLE_TEMPLATE = """\
---
title: "{title}"
date: {date}
authors: {authors}
# Chuyên mục, một trong: {categories}
category: {category}
tags: []
# Mã tỉnh, thành (xem hooks/newsroom/content/data/provinces.yml), ví dụ: ha-noi, bac-ninh
province: {province}
unit: {unit}
description: "Một, hai câu tóm tắt bài viết (tối đa 300 ký tự)."
# Ảnh bìa: đặt ảnh vào thư mục này rồi bỏ dấu # ở hai dòng dưới
# cover: anh-bia.jpg
# cover_alt: "Mô tả nội dung ảnh bìa"
slug: {slug}
# Xoá dòng draft khi bài đã sẵn sàng đăng
draft: true
---

Đoạn mở đầu của bài viết.

## Tiêu đề mục

Nội dung.
"""

INITIATIVE_TEMPLATE = """\
---
title: "{title}"
date: {date}
description: "Một, hai câu giới thiệu sáng kiến (tối đa 300 ký tự)."
# team: "Tên nhóm hoặc câu lạc bộ"
# Chỉ ghi tên, tuổi hoặc trường, vai trò; không ghi ngày sinh, điện thoại, e-mail, địa chỉ
members:
  - {{name: "Họ và tên", age: 17, school: "Tên trường", role: "Trưởng nhóm"}}
# Bắt buộc consent: true nếu có thành viên dưới 16 tuổi (đã có đồng ý của người giám hộ)
# consent: true
province: {province}
unit: {unit}
# Lĩnh vực, một trong: {fields}
field: {field}
# Giải thưởng (bỏ trống nếu mới được đề cử), một trong: {awards}
# award: nhat
# Đặt ảnh vào thư mục này, đúng tên như dưới đây
images:
  - {{src: anh-1.jpg, alt: "Mô tả nội dung ảnh"}}
slug: {slug}
# Xoá dòng draft khi bài đã sẵn sàng đăng
draft: true
---

Sáng kiến giải quyết vấn đề gì, sản phẩm hoạt động ra sao, kết quả và hướng phát triển.
"""


def find_root(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file() and (folder / "articles").is_dir():
            return folder
    raise SystemExit("Không tìm thấy thư mục dự án (có mkdocs.yml và articles/). Hãy chạy lệnh trong thư mục dự án.")


def _load(root: Path) -> Catalog:
    return load_catalog(root, load_taxonomies(), build_now(), cache_dir=cache_dir_of(root))


def command_check(root: Path) -> int:
    """Validate as the build does (checks/validation.py): errors on stderr and exit 1; notices
    (values understood in another form) before the verdict, warnings (which never stop the build)
    after it; exit 0 when there are only notices and warnings."""
    started = time.monotonic()
    checked = validate_site(root, load_taxonomies(), build_now(), cache_dir_of(root))
    _print_notices(checked.notices)
    if checked.failed or checked.catalog is None:
        print(ContentErrors(list(checked.errors)).format(), file=sys.stderr)
        _print_warnings(checked.warnings, sys.stderr)
        return 1
    catalog = checked.catalog
    counts = {status: 0 for status in STATUS_NAMES}
    for entry in catalog.entries:
        counts[catalog.status(entry)] += 1
    summary = ", ".join(f"{counts[s]} {name}" for s, name in STATUS_NAMES.items())
    images = len(checked.media.published)
    seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
    print(f"Không có lỗi: {len(catalog.entries)} tệp nội dung ({summary}), {images} ảnh đã kiểm tra, trong {seconds} giây.")
    _print_warnings(checked.warnings, sys.stdout)
    return 0


def _print_notices(notices: Sequence[ContentNotice]) -> None:
    """What was understood: shown, never an error; `check --fix` writes the canonical forms."""
    for notice in notices:
        print(notice.format())
    if notices:
        print("Ghi các giá trị trên theo dạng chuẩn: newsroom check --fix (chạy thử), rồi newsroom check --fix --write\n")


def _print_warnings(warnings: Sequence[ContentWarning], out: TextIO) -> None:
    if warnings:
        print(f"{len(warnings)} cảnh báo (bài vẫn được đăng, nên sửa):", file=out)
        for warning in warnings:
            print(f"  - {warning.format()}", file=out)


def command_list(root: Path, status_filter: str | None) -> int:
    try:
        catalog = _load(root)
    except ContentErrors as problems:
        print(problems.format(), file=sys.stderr)
        return 1
    shown = 0
    for status, name in STATUS_NAMES.items():
        if status_filter and status != status_filter:
            continue
        entries = [e for e in catalog.entries if catalog.status(e) == status]
        print(f"\n{name.upper()} ({len(entries)})")
        for entry in entries:
            kind = "tin" if entry.kind == "news" else "sáng kiến"
            print(f"  {format_vn_datetime(entry.date):<26} {kind:<10} /{entry.url:<60} {entry.source}")
            shown += 1
    return 0


def command_new(root: Path, kind: str, title: str, category: str, province: str | None, field: str) -> int:
    taxonomies = load_taxonomies()
    slug = slugify(title)
    if not slug:
        print("Tiêu đề cần có chữ hoặc số để tạo đường dẫn.", file=sys.stderr)
        return 2
    try:
        defaults = editor_settings.new_defaults(root, taxonomies, province)
        (taxonomies.categories if kind == "article" else taxonomies.fields).parse(category if kind == "article" else field)
    except editor_settings.SettingsError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except FieldError as exc:
        print(f"Giá trị không hợp lệ: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""), file=sys.stderr)
        return 2
    now = to_vn(build_now())
    section = "news" if kind == "article" else "initiatives"
    taken = _taken_slugs(root, section)
    base, number = slug, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    folder = root / "articles" / section / str(now.year) / slug
    path = folder / "index.md"
    if path.exists():
        print(f"Đã có tệp {path.relative_to(root)}; chọn tiêu đề khác.", file=sys.stderr)
        return 1
    values = {
        "title": title.replace('"', "'"),
        "date": f"{now:%Y-%m-%d %H:%M}",
        "slug": slug,
        "authors": flow_list(defaults.authors),
        "category": category,
        "categories": ", ".join(taxonomies.categories.terms),
        "province": defaults.province,
        "unit": yaml_scalar(defaults.unit),
        "field": field,
        "fields": ", ".join(taxonomies.fields.terms),
        "awards": ", ".join(taxonomies.awards.terms),
    }
    folder.mkdir(parents=True, exist_ok=True)
    template = ARTICLE_TEMPLATE if kind == "article" else INITIATIVE_TEMPLATE
    path.write_text(template.format(**values), encoding="utf-8")
    print(f"Đã tạo {path.relative_to(root)} (bản nháp, địa chỉ /{'bai-viet' if kind == 'article' else 'vinh-danh'}/{slug}/).")
    if kind == "initiative":
        print(f"Hãy đặt ảnh anh-1.jpg vào {folder.relative_to(root)}/ trước khi xem trước.")
    print("Viết xong, xoá dòng 'draft: true' rồi chạy 'newsroom check'.")
    return 0


def _taken_slugs(root: Path, section: str) -> set[str]:
    taken = set()
    for path in (root / "articles" / section).rglob("*.md"):
        taken.add(path.parent.name if path.name == "index.md" else path.stem)
    try:
        catalog = _load(root)
        taken |= {e.slug for e in catalog.entries} | {a for e in catalog.entries for a in e.aliases}
    except ContentErrors:
        pass  # `new` must work even while other files have errors; folder names are enough then.
    return taken


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom", description="Công cụ biên tập Chuyên mục Chuyển đổi số.")
    parser.add_argument("--root", type=Path, help="thư mục dự án (mặc định: tìm từ thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="lệnh")
    new = commands.add_parser("new", help="tạo tin bài hoặc sáng kiến mới (bản nháp)")
    new.add_argument("kind", choices=["article", "initiative"], help="article: tin bài; initiative: sáng kiến")
    new.add_argument("title", help="tiêu đề, trong ngoặc kép")
    new.add_argument("--category", default="hoat-dong", help="chuyên mục của tin bài (mặc định: hoat-dong)")
    new.add_argument("--province", help="tỉnh, thành: mã hoặc tên (mặc định: theo newsroom config, không có thì ha-noi)")
    new.add_argument("--field", default="khac", help="lĩnh vực của sáng kiến (mặc định: khac)")
    fix.add_arguments(
        commands.add_parser("check", help="kiểm tra toàn bộ nội dung và ảnh như khi dựng trang, liệt kê mọi lỗi và cảnh báo")
    )
    listing = commands.add_parser("list", help="liệt kê bài đã đăng, bản nháp, hẹn giờ")
    listing.add_argument("--status", choices=list(STATUS_NAMES), help="chỉ liệt kê một loại")
    editor_settings.add_parser(commands)
    importer.add_parser(commands)
    word.add_parser(commands)
    stats_args.add_parser(commands)
    publish.add_parsers(commands)
    serve.add_parsers(commands)
    launcher.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    if args.command == "check":
        return fix.command_fix(root, args.write) if args.fix or args.write else command_check(root)
    if args.command == "list":
        return command_list(root, args.status)
    if args.command == "config":
        return editor_settings.command_config(root, args)
    if args.command == "import":
        return importer.command_import(root, args)
    if args.command == "import-word":
        return word.command_import_word(root, args)
    if args.command == "stats":
        from . import stats  # charts and workbooks: imported only by the command that needs them

        return stats.command_stats(root, args)
    if args.command == "publish":
        return publish.command_publish(root, args)
    if args.command == "rollback":
        return publish.command_rollback(root, args)
    if args.command == "serve":
        return serve.command_serve(root, args)
    if args.command == "build":
        return serve.command_build(root, args)
    if args.command == "cms":
        return launcher.command_cms(root, args)
    return command_new(root, args.kind, args.title, args.category, args.province, args.field)


if __name__ == "__main__":
    sys.exit(main())
