"""`newsroom import`: initiatives from a CSV/XLSX sheet and a photo folder (dry run unless --write).

The work lives in `newsroom.importer`; it is imported when the command runs, so other commands do
not load openpyxl or Pillow.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..content.taxonomy import load_taxonomies
from .progress import Progress


def add_parser(commands: Any) -> None:
    sheet = commands.add_parser(
        "import",
        help="nhập sáng kiến từ bảng tính CSV/XLSX (chạy thử, thêm --write để ghi)",
        description="Nhập sáng kiến từ bảng tính: mỗi dòng một sáng kiến. Mặc định chỉ chạy thử và in ra "
        "những gì sẽ ghi; thêm --write để ghi. 'newsroom import --template mau.xlsx' tạo bảng mẫu.",
    )
    sheet.add_argument("sheet", nargs="?", type=Path, metavar="BẢNG", help="tệp .csv hoặc .xlsx")
    sheet.add_argument("--images", type=Path, metavar="THƯ_MỤC", help="thư mục chứa ảnh (mặc định: thư mục của bảng)")
    sheet.add_argument("--write", action="store_true", help="ghi các sáng kiến vào articles/initiatives/")
    sheet.add_argument("--skip-bad", action="store_true", help="vẫn ghi các dòng đúng khi có dòng lỗi")
    sheet.add_argument("--force", action="store_true", help="ghi đè sáng kiến đã có (cùng đường dẫn, hoặc cùng tên và tỉnh)")
    sheet.add_argument("--draft", action="store_true", help="ghi thành bản nháp (draft: true)")
    sheet.add_argument("--template", type=Path, metavar="TỆP.xlsx", help="ghi bảng mẫu để điền rồi dừng")


def command_import(root: Path, args: argparse.Namespace) -> int:
    from ..importer.columns import match_headers
    from ..importer.photos import PhotoFolder
    from ..importer.rows import read_rows
    from ..importer.sheet import SheetError, read_sheet
    from ..importer.template import write_template
    from ..importer.writer import existing_initiatives, plan_bundles, staging, validate, write_bundles

    taxonomies = load_taxonomies()
    if args.template is not None:
        if args.template.suffix.lower() != ".xlsx":
            print(f"Bảng mẫu là tệp Excel: ghi tên tệp có đuôi .xlsx, ví dụ {args.template.with_suffix('.xlsx').name}", file=sys.stderr)
            return 2
        try:
            write_template(args.template, taxonomies)
        except OSError as exc:
            print(f"Không ghi được {args.template}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"Đã ghi bảng mẫu {args.template}: điền mỗi sáng kiến một dòng (xem trang 'Hướng dẫn'), "
              "thay hai dòng ví dụ, rồi chạy 'newsroom import <bảng> --images <thư mục ảnh>'.")
        return 0
    if args.sheet is None:
        print("Cần tên bảng tính: newsroom import bang.xlsx --images thu-muc-anh (hoặc --template mau.xlsx để tạo bảng mẫu).",
              file=sys.stderr)
        return 2
    try:
        sheet = read_sheet(args.sheet)
    except SheetError as problem:
        print(f"Không đọc được bảng tính: {problem}", file=sys.stderr)
        return 1
    headers = match_headers(list(sheet.headers))
    for note in headers.notes:
        print(f"Lưu ý: {note}", file=sys.stderr)
    if headers.problems:
        for header in headers.problems:
            hint = f"\n    Gợi ý: {header.hint}" if header.hint else ""
            print(f"Dòng {sheet.header_row} (dòng tiêu đề), cột '{header.column}': {header.message}{hint}", file=sys.stderr)
        print("Không ghi gì. Sửa dòng tiêu đề rồi chạy lại.", file=sys.stderr)
        return 1
    images = args.images if args.images is not None else args.sheet.parent
    if not images.is_dir():
        print(f"Không có thư mục ảnh '{images}': ghi thư mục chứa ảnh sau --images.", file=sys.stderr)
        return 1
    if all(row.is_empty() for row in sheet.rows):
        print(f"Bảng '{sheet.name}' chỉ có dòng tiêu đề, chưa có sáng kiến nào: điền mỗi sáng kiến một dòng từ dòng "
              f"{sheet.header_row + 1}.", file=sys.stderr)
        return 1
    photos = PhotoFolder.scan(images)
    reading = read_rows(sheet, headers, taxonomies, photos, Progress("Đọc các dòng", len(sheet.rows)))
    for draft in reading.drafts:
        draft.unpublished = args.draft
    existing = existing_initiatives(root, taxonomies)
    planned = plan_bundles(reading.drafts, root, existing, force=args.force, sheet_name=sheet.name)
    with staging() as stage:
        good = validate(planned, root, stage, taxonomies, Progress("Kiểm tra", len(planned)))
        errors = reading.errors
        bad_rows = sorted({e.row for e in errors})
        for item in good:
            draft = item.draft
            action = "ghi"
            if item.replaces is not None:
                action = "ghi đè" if item.replaces.source == item.rel else f"thay {item.replaces.source} bằng"
            details = [draft.province.province.name if draft.province else "", draft.field.name if draft.field else "",
                       draft.award.name if draft.award else "Đề cử", f"{len(draft.members)} thành viên", f"{len(draft.photos)} ảnh"]
            print(f"Dòng {draft.row}: '{draft.title}' → {action} {item.rel} ({', '.join(details)})")
            for note in draft.notes:
                print(f"    {note}")
        if errors:
            print(f"\nCó {len(errors)} lỗi ở {len(bad_rows)} dòng:", file=sys.stderr)
            for error in errors:
                print(f"  - {error.format()}", file=sys.stderr)
        if errors and not args.skip_bad:
            print("\nKhông ghi gì. Sửa các dòng trên rồi chạy lại, hoặc thêm --skip-bad để chỉ ghi các dòng đúng.", file=sys.stderr)
            return 1
        if not args.write:
            print(f"\nChạy thử: chưa ghi gì. Thêm --write để ghi {len(good)} sáng kiến.")
            return 1 if errors else 0
        if not good:
            print("Không có sáng kiến nào để ghi.", file=sys.stderr)
            return 1
        try:
            write_bundles(good, root, stage, Progress("Ghi", len(good)))
        except OSError as exc:
            print(f"Không ghi được vào thư mục dự án ({exc.strerror or exc}); không có gì thay đổi.", file=sys.stderr)
            return 1
    skipped = f"; bỏ qua {len(bad_rows)} dòng lỗi" if errors else ""
    print(f"\nĐã ghi {len(good)} sáng kiến vào articles/initiatives/{skipped}. Chạy 'newsroom check' rồi xem trước.")
    return 1 if errors else 0

