"""The import sheet's columns: one place for their keys, Vietnamese headers and accepted spellings.

Headers are compared with `fold_key` (case, tone marks and punctuation ignored), so "Tỉnh/thành",
"tinh thanh" and "TỈNH, THÀNH *" are one column.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.text import did_you_mean, fold_key


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    """The header the template writes (and errors name when the sheet has none)."""
    aliases: tuple[str, ...]
    required: bool
    help: str
    """What to write in the column, for the template's guide sheet (Vietnamese)."""


MEMBER_SEPARATORS = "một người một dòng trong ô (Alt+Enter), hoặc cách nhau bằng dấu ;"

COLUMNS: tuple[Column, ...] = (
    Column("title", "Tên sáng kiến", ("Tên sản phẩm", "Tên sáng kiến, sản phẩm", "Sáng kiến", "Tên"), True,
           "tên sáng kiến hoặc sản phẩm số; để trống ở dòng ghi thêm thành viên, ảnh của sáng kiến ở dòng trên"),
    Column("description", "Mô tả", ("Mô tả ngắn", "Tóm tắt", "Giới thiệu"), True,
           "một, hai câu giới thiệu (tối đa 300 ký tự)"),
    Column("body", "Nội dung", ("Mô tả chi tiết", "Bài giới thiệu"), False,
           "bài giới thiệu dài hơn (không bắt buộc), hiện trên trang sáng kiến"),
    Column("province", "Tỉnh/thành", ("Tỉnh, thành", "Tỉnh thành", "Tỉnh", "Tỉnh/thành phố", "Địa phương"), True,
           "tên tỉnh, thành có hoặc không dấu (Hà Nội, TP. Hồ Chí Minh, Bac Ninh); tên tỉnh cũ trước 1/7/2025 cũng được"),
    Column("unit", "Đơn vị", ("Đơn vị đề cử", "Đơn vị giới thiệu", "Đơn vị gửi"), False,
           "đơn vị đoàn đề cử, ví dụ Tỉnh đoàn Bắc Ninh"),
    Column("field", "Lĩnh vực", (), True, "một lĩnh vực trong danh sách (Giáo dục, Y tế...)"),
    Column("award", "Giải thưởng", ("Giải", "Giải thưởng đạt được"), False,
           "Giải Nhất, Giải Nhì, Giải Ba, Giải Khuyến khích, Sản phẩm tiêu biểu; để trống nếu mới được đề cử"),
    Column("date", "Ngày", ("Ngày vinh danh", "Ngày gửi", "Ngày nộp", "Ngày trao giải"), False,
           "ngày gửi hoặc ngày vinh danh, dạng 10/10/2025; cần Ngày hoặc Năm"),
    Column("year", "Năm", ("Năm tổ chức", "Đợt", "Năm vinh danh"), False,
           "năm của đợt vinh danh, ví dụ 2025; chỉ ghi Năm thì ngày được lấy là 10/10 của năm đó"),
    Column("team", "Nhóm", ("Tên nhóm", "Nhóm, câu lạc bộ", "Câu lạc bộ", "Đội"), False, "tên nhóm hoặc câu lạc bộ"),
    Column("name", "Thành viên", ("Họ và tên", "Họ tên", "Tên thành viên", "Thành viên nhóm", "Tác giả"), True,
           f"họ tên thành viên; nhiều người: {MEMBER_SEPARATORS}, hoặc mỗi người một dòng tiếp theo để trống Tên sáng kiến"),
    Column("age", "Tuổi", (), False, "tuổi (số), theo đúng thứ tự thành viên; không ghi ngày sinh"),
    Column("school", "Trường", ("Trường học", "Nơi học tập", "Trường, đơn vị"), False,
           "trường của từng thành viên theo thứ tự, hoặc một trường chung cho cả nhóm"),
    Column("role", "Vai trò", ("Nhiệm vụ", "Vai trò trong nhóm"), False, "vai trò của từng thành viên theo thứ tự"),
    Column("consent", "Đồng ý của phụ huynh",
           ("Phụ huynh đồng ý", "Đồng ý của người giám hộ", "Có đồng ý của phụ huynh", "Đồng ý của cha mẹ"), False,
           "Có khi đã có văn bản đồng ý của cha mẹ hoặc người giám hộ; bắt buộc khi có thành viên dưới 16 tuổi"),
    Column("images", "Ảnh", ("Tệp ảnh", "Hình ảnh", "Tên ảnh", "Tên tệp ảnh"), True,
           "tên tệp ảnh trong thư mục ảnh (không phân biệt hoa thường); nhiều ảnh cách nhau bằng dấu ; hoặc xuống dòng"),
    Column("alts", "Mô tả ảnh", ("Chú thích ảnh", "Mô tả hình ảnh"), True,
           "mô tả nội dung từng ảnh cho người khiếm thị, theo thứ tự ảnh; một mô tả dùng chung cho mọi ảnh cũng được"),
    Column("links", "Liên kết", ("Đường link", "Link", "Trang sản phẩm"), False,
           "địa chỉ http(s) của sản phẩm; nhiều địa chỉ cách nhau bằng dấu ; hoặc xuống dòng"),
    Column("slug", "Đường dẫn", ("Slug",), False, "không bắt buộc: đường dẫn trên trang (mặc định lấy từ tên sáng kiến)"),
)

BY_KEY = {column.key: column for column in COLUMNS}
MEMBER_KEYS = ("name", "age", "school", "role")
CONTINUATION_KEYS = frozenset({*MEMBER_KEYS, "images", "alts"})
"""What a row with an empty title may carry: more members and photos of the initiative above."""

IGNORED = frozenset(fold_key(h) for h in ("STT", "TT", "Số thứ tự", "Ghi chú"))
PERSONAL = frozenset(
    fold_key(h)
    for h in (
        "Ngày sinh", "Năm sinh", "Số điện thoại", "Điện thoại", "SĐT", "SDT", "Email", "E-mail", "Thư điện tử",
        "Địa chỉ", "CCCD", "CMND", "Số CCCD", "Facebook", "Zalo",
    )
)
"""Columns of personal data the column never publishes (birth dates, phones, e-mail, addresses, ID numbers, social accounts): reported and left out."""

_LOOKUP = {fold_key(name): column.key for column in COLUMNS for name in (column.header, *column.aliases)}


@dataclass(frozen=True)
class HeaderProblem:
    column: str
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Headers:
    """Which sheet column (0-based) holds which key, and what was left out."""

    positions: dict[str, int]
    notes: tuple[str, ...]
    problems: tuple[HeaderProblem, ...]


def match_headers(cells: list[str]) -> Headers:
    """Recognise the header row; problems are missing required columns and columns named twice."""
    positions: dict[str, int] = {}
    notes: list[str] = []
    problems: list[HeaderProblem] = []
    unknown: list[str] = []
    for index, cell in enumerate(cells):
        text = " ".join(cell.split())
        folded = fold_key(text)
        if not folded or folded in IGNORED:
            continue
        key = _LOOKUP.get(folded)
        if key is None:
            if folded in PERSONAL:
                notes.append(f"bỏ qua cột '{text}': chuyên mục không đăng ngày sinh, điện thoại, e-mail, địa chỉ của thành viên")
            else:
                unknown.append(text)
                hint = did_you_mean(folded, list(_LOOKUP))
                notes.append(f"bỏ qua cột '{text}' (không phải cột của mẫu)" + (f"; {_header_hint(hint)}" if hint else ""))
            continue
        if key in positions:
            problems.append(HeaderProblem(text, f"cột '{BY_KEY[key].header}' có hai lần", "giữ lại một cột, xoá cột kia"))
            continue
        positions[key] = index
    for column in COLUMNS:
        if column.required and column.key not in positions:
            hint = did_you_mean(fold_key(column.header), [fold_key(u) for u in unknown])
            problems.append(
                HeaderProblem(
                    column.header,
                    "thiếu cột bắt buộc",
                    f"thêm cột có tiêu đề '{column.header}' ở dòng tiêu đề"
                    + (f" (cột '{_original(hint, unknown)}' có phải là cột này?)" if hint else ""),
                )
            )
    if "date" not in positions and "year" not in positions:
        problems.append(HeaderProblem("Ngày", "cần cột 'Ngày' hoặc cột 'Năm'", "thêm cột Ngày (10/10/2025) hoặc Năm (2025)"))
    return Headers(positions, tuple(notes), tuple(problems))


def _header_hint(hint: str) -> str:
    """did_you_mean names a folded key; say it with the template's header instead."""
    folded = hint.split("'")[1]
    return f"có phải ý bạn là '{BY_KEY[_LOOKUP[folded]].header}'?"


def _original(hint: str, unknown: list[str]) -> str:
    folded = hint.split("'")[1]
    return next(text for text in unknown if fold_key(text) == folded)
