"""The front-matter schemas of DESIGN §3: the one place that knows every key, type and rule.

`parse_entry` turns a split content file into a frozen `Article` or `Initiative`, or raises
`EntryErrors` listing every problem of that file at once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import routes
from .dates import parse_datetime, to_vn
from .errors import ContentError, FieldError, visible
from .model import Article, Asset, Entry, Image, Initiative, Link, Member, Tag
from .nesting import MAX_DEPTH as MAX_NESTING
from .nesting import too_deep
from .raw_html import unclosed_elements, without_comments
from .reader import ParsedSource
from .safe_files import (
    IMAGE_SUFFIXES,
    LINK_HINT,
    NAME_HINT,
    PUBLISHED_SUFFIXES,
    UNPUBLISHED_HINT,
    is_regular,
    name_problem,
)
from .taxonomy import Taxonomies
from .text import did_you_mean, is_slug, nfc, slugify, strip_control

NEWS_KEYS = (
    "title",
    "date",
    "updated",
    "authors",
    "category",
    "tags",
    "province",
    "unit",
    "description",
    "cover",
    "cover_alt",
    "featured",
    "draft",
    "slug",
    "aliases",
)
INITIATIVE_KEYS = (
    "title",
    "date",
    "year",
    "description",
    "members",
    "team",
    "province",
    "unit",
    "field",
    "award",
    "images",
    "links",
    "consent",
    "featured",
    "draft",
    "slug",
    "aliases",
)
MEMBER_KEYS = ("name", "age", "school", "role")
PERSONAL_DATA_HINT = (
    "chỉ được ghi name, age, school, role; không đăng ngày sinh, số điện thoại, e-mail hay địa chỉ "
    "của thành viên (bảo vệ trẻ em và dữ liệu cá nhân)"
)
CONSENT_AGE = 16
TITLE_MAX = 200
MAX_TAGS = 30
MAX_AUTHORS = 20
MAX_ALIASES = 20
DESCRIPTION_MAX = 300

# Relative links and images in Markdown bodies: ![alt](src), [text](href), [ref]: href, src="...".
BODY_REF_RE = re.compile(
    r"(?P<bang>!?)\[[^\]\n]*\]\(\s*(?:<(?P<angle>[^>\n]+)>|(?P<inline>[^)\s>]+))"
    r"|^[ \t]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<ref>\S+?)>?(?:\s|$)"
    r"|\b(?P<attr>src|href|srcset)\s*=\s*(?:\"(?P<html>[^\"]*)\"|'(?P<html1>[^']*)'|(?P<html2>[^\s\"'=<>`]+))",
    re.MULTILINE,
)
TAG_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Labels of reference-style images: ![alt][label], ![label][] and ![label].
IMAGE_REF_RE = re.compile(r"!\[(?P<alt>[^\]\n]*)\](?:\[(?P<label>[^\]\n]*)\])?")
EXTERNAL_IMAGE_HINT = "tải ảnh về, đặt vào thư mục của bài và chèn bằng ![mô tả](ten-anh.jpg): trang không tải gì từ trang khác"
SRCSET_HINT = "chèn ảnh bằng ![mô tả](ten-anh.jpg); chuyên mục tự tạo các cỡ ảnh cho mọi màn hình"
FENCE_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


class EntryErrors(Exception):
    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class _Context:
    """What field parsers need to know about the file they read."""

    parsed: ParsedSource
    root: Path
    taxonomies: Taxonomies
    looked_at: list[Path] = field(default_factory=list)
    """Every file path the checks looked at on disk (see `parse_entry`)."""

    @property
    def folder(self) -> Path:
        return self.parsed.source.path.parent

    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"


# --- field parsers: each takes the raw value and raises FieldError ---------------------------


def _text(value: Any, *, min_len: int = 1, max_len: int | None = None, what: str = "văn bản") -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"cần {what}, nhận được {_show(value)}", "đặt giá trị trong ngoặc kép")
    text = " ".join(strip_control(nfc(value)).split())
    if len(text) < min_len:
        raise FieldError(f"{what} đang để trống", "điền nội dung cho trường này hoặc xoá trường")
    if max_len is not None and len(text) > max_len:
        raise FieldError(f"dài {len(text)} ký tự, tối đa {max_len}", "rút gọn lại")
    return text


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"cần true hoặc false, nhận được {_show(value)}")
    return value


def _text_list(value: Any, what: str, most: int) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise FieldError(f"cần danh sách {what}, nhận được {_show(value)}", f"ví dụ: [{what} 1, {what} 2]")
    _at_most(value, most, what)
    items = tuple(_text(item, max_len=TITLE_MAX, what=what) for item in value)
    return tuple(dict.fromkeys(items))


def _at_most(items: list[Any], most: int, what: str) -> None:
    if len(items) > most:
        raise FieldError(f"có {len(items)} {what}, tối đa {most}", f"giữ lại {most} {what} tiêu biểu nhất")


def _slug(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `slug: 2024` reads as a number in YAML
    if not isinstance(value, str) or not is_slug(value):
        suggestion = slugify(str(value)) if value is not None else ""
        hint = (
            f"chỉ dùng chữ thường không dấu, số và '-', ví dụ '{suggestion}'"
            if suggestion
            else "chỉ dùng chữ thường không dấu, số và '-'"
        )
        raise FieldError(f"'{value}' không phải slug hợp lệ", hint)
    return value


def _slug_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(f"cần danh sách slug cũ, nhận được {_show(value)}", "ví dụ: [slug-cu-1, slug-cu-2]")
    _at_most(value, MAX_ALIASES, "slug cũ")
    slugs = tuple(_slug(item) for item in value)
    twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if twice:
        raise FieldError(f"slug cũ '{twice[0]}' được ghi hai lần", "mỗi slug cũ chỉ ghi một lần")
    return slugs


def _tags(value: Any) -> tuple[Tag, ...]:
    if value == []:
        return ()
    names = _text_list(value, "thẻ", MAX_TAGS)
    tags: dict[str, Tag] = {}
    for name in names:
        slug = slugify(name)
        if not slug:
            raise FieldError(f"thẻ '{name}' không tạo được đường dẫn", "dùng chữ hoặc số trong thẻ")
        tags.setdefault(slug, Tag(name=name, slug=slug))
    return tuple(tags.values())


def _asset(value: Any, ctx: _Context, what: str = "ảnh") -> Asset:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(f"cần đường dẫn {what}, nhận được {_show(value)}", "đường dẫn tính từ tệp bài viết, ví dụ: anh-bia.jpg")
    text = value.strip()
    for part in text.split("/"):
        problem = name_problem(part)
        if problem is not None:
            raise FieldError(f"'{visible(text[:80])}': {problem}", NAME_HINT)
    if urlsplit(text).scheme or text.startswith("//"):
        raise FieldError(f"'{text}' là ảnh trên trang khác", "tải ảnh về, đặt cạnh tệp bài viết và ghi tên tệp")
    if text.startswith("/"):
        raise FieldError(f"'{text}' là đường dẫn tuyệt đối", "ghi đường dẫn tính từ tệp bài viết, ví dụ: anh-bia.jpg")
    ctx.looked_at.append(ctx.folder / text)
    target = (ctx.folder / text).resolve()
    ctx.looked_at.append(target)
    articles = ctx.articles_dir.resolve()
    if not target.is_relative_to(articles):
        raise FieldError(
            f"'{text}' nằm ngoài thư mục articles/", "đặt ảnh cạnh tệp bài viết, hoặc trong thư mục ảnh dùng chung như articles/hinh-anh/"
        )
    if not target.is_file():
        raise FieldError(f"không tìm thấy tệp '{text}'", _file_hint(ctx.folder, text))
    if not is_regular(ctx.folder / text) or not is_regular(target):
        raise FieldError(f"'{text}' là liên kết tượng trưng hoặc không phải tệp thông thường", LINK_HINT)
    suffix = target.suffix.lower()
    if what == "ảnh" and suffix not in IMAGE_SUFFIXES:
        raise FieldError(f"'{text}' không phải ảnh ({suffix or 'không có đuôi tệp'})", "dùng ảnh JPG, PNG, WebP hoặc GIF")
    if suffix not in PUBLISHED_SUFFIXES:
        raise FieldError(f"tệp '{text}' không thuộc loại được đăng kèm bài", UNPUBLISHED_HINT)
    folder = ctx.folder.resolve()
    name = target.relative_to(folder).as_posix() if target.is_relative_to(folder) else target.name
    return Asset(src=target, name=name)


def _file_hint(folder: Path, text: str) -> str:
    names = [p.name for p in folder.iterdir() if p.is_file() and not p.name.endswith(".md")] if folder.is_dir() else []
    return did_you_mean(Path(text).name, names) or "kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và vị trí đặt ảnh"


def _year(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 2000 <= value <= 2100:
        raise FieldError(f"cần năm dạng số, nhận được {_show(value)}", "ví dụ: 2025")
    return value


def _members(value: Any) -> tuple[Member, ...]:
    if not isinstance(value, list) or not value:
        raise FieldError(
            f"cần danh sách thành viên, nhận được {_show(value)}", "ví dụ: - {name: Nguyễn Văn A, age: 17, role: Trưởng nhóm}"
        )
    members = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise FieldError(f"thành viên thứ {number} phải có dạng {{name: ..., age: ...}}, nhận được {_show(item)}")
        extra = [key for key in item if key not in MEMBER_KEYS]
        if extra:
            raise FieldError(
                f"thành viên thứ {number} có trường không được phép: {', '.join(map(str, extra))}", PERSONAL_DATA_HINT
            )
        if "name" not in item:
            raise FieldError(f"thành viên thứ {number} thiếu name")
        age = item.get("age")
        if age is not None and (not isinstance(age, int) or isinstance(age, bool) or not 5 <= age <= 100):
            raise FieldError(f"tuổi của thành viên thứ {number} phải là số nguyên từ 5 đến 100, nhận được {_show(age)}")
        members.append(
            Member(
                name=_text(item["name"], max_len=100, what="tên"),
                age=age,
                school=_text(item["school"], max_len=200, what="tên trường") if item.get("school") is not None else None,
                role=_text(item["role"], max_len=100, what="vai trò") if item.get("role") is not None else None,
            )
        )
    return tuple(members)


def _images(value: Any, ctx: _Context) -> tuple[Image, ...]:
    if not isinstance(value, list) or not value:
        raise FieldError(f"cần ít nhất một ảnh, nhận được {_show(value)}", 'ví dụ: - {src: anh-1.jpg, alt: "Mô tả ảnh"}')
    images = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) - {"src", "alt"} or "src" not in item:
            raise FieldError(f"ảnh thứ {number} phải có dạng {{src: ..., alt: ...}}, nhận được {_show(item)}")
        if not item.get("alt"):
            raise FieldError(
                f"ảnh thứ {number} thiếu alt (mô tả ảnh cho người khiếm thị)", 'ví dụ: alt: "Nhóm tác giả trình bày sản phẩm"'
            )
        images.append(Image(asset=_asset(item["src"], ctx), alt=_text(item["alt"], max_len=300, what="mô tả ảnh")))
    return tuple(images)


def _links(value: Any) -> tuple[Link, ...]:
    if not isinstance(value, list):
        raise FieldError(
            f"cần danh sách liên kết, nhận được {_show(value)}", "ví dụ: - {label: Trang sản phẩm, url: https://...}"
        )
    links = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) != {"label", "url"}:
            raise FieldError(f"liên kết thứ {number} phải có đúng hai trường label và url, nhận được {_show(item)}")
        url = str(item["url"]).strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FieldError(f"liên kết thứ {number} '{url}' không phải địa chỉ http/https", "ví dụ: https://tainangviet.vn/")
        links.append(Link(label=_text(item["label"], max_len=100, what="nhãn liên kết"), url=url))
    return tuple(links)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- the schemas ------------------------------------------------------------------------------


Parser = Callable[[Any, _Context], Any]

COMMON: dict[str, Parser] = {
    "title": lambda v, c: _text(v, max_len=TITLE_MAX, what="tiêu đề"),
    "date": lambda v, c: parse_datetime(v),
    "description": lambda v, c: _text(v, max_len=DESCRIPTION_MAX, what="phần mô tả"),
    "province": lambda v, c: c.taxonomies.provinces.parse(v),
    "unit": lambda v, c: _text(v, max_len=200, what="tên đơn vị"),
    "featured": lambda v, c: _bool(v),
    "draft": lambda v, c: _bool(v),
    "slug": lambda v, c: _slug(v),
    "aliases": lambda v, c: _slug_list(v),
}

NEWS: dict[str, Parser] = {
    **COMMON,
    "updated": lambda v, c: parse_datetime(v),
    "authors": lambda v, c: _text_list(v, "tác giả", MAX_AUTHORS),
    "category": lambda v, c: c.taxonomies.categories.parse(v),
    "tags": lambda v, c: _tags(v),
    "cover": lambda v, c: _asset(v, c),
    "cover_alt": lambda v, c: _text(v, max_len=300, what="mô tả ảnh bìa"),
}
NEWS_REQUIRED = ("title", "date", "authors", "category", "description")

INITIATIVE: dict[str, Parser] = {
    **COMMON,
    "year": lambda v, c: _year(v),
    "members": lambda v, c: _members(v),
    "team": lambda v, c: _text(v, max_len=200, what="tên nhóm"),
    "field": lambda v, c: c.taxonomies.fields.parse(v),
    "award": lambda v, c: c.taxonomies.awards.parse(v),
    "images": lambda v, c: _images(v, c),
    "links": lambda v, c: _links(v),
    "consent": lambda v, c: _bool(v),
}
INITIATIVE_REQUIRED = ("title", "date", "description", "members", "province", "field", "images")

assert set(NEWS) == set(NEWS_KEYS)
assert set(INITIATIVE) == set(INITIATIVE_KEYS)

REQUIRED_HINTS = {
    "title": 'title: "Tiêu đề bài viết"',
    "date": "date: 2025-10-05 08:30",
    "authors": "authors: [Nguyễn Văn A]",
    "category": "category: hoat-dong",
    "description": 'description: "Một, hai câu tóm tắt bài viết"',
    "members": "members: [{name: Nguyễn Văn A, age: 17, role: Trưởng nhóm}]",
    "province": "province: ha-noi",
    "field": "field: giao-duc",
    "images": 'images: [{src: anh-1.jpg, alt: "Mô tả ảnh"}]',
}


def parse_entry(parsed: ParsedSource, root: Path, taxonomies: Taxonomies, looked_at: list[Path] | None = None) -> Entry:
    """Validate one file's front matter and body; raise EntryErrors with every problem found.

    Besides the text, the result depends on the taxonomies, the bundle's file listing and the
    files the entry references (cover, images, body links): each path the checks looked at is
    appended to `looked_at`, so a cache can tell when the result may no longer hold.
    """
    ctx = _Context(parsed, root, taxonomies, looked_at if looked_at is not None else [])
    kind = parsed.source.kind
    schema, required = (NEWS, NEWS_REQUIRED) if kind == "news" else (INITIATIVE, INITIATIVE_REQUIRED)
    keys = NEWS_KEYS if kind == "news" else INITIATIVE_KEYS
    rel = parsed.source.rel
    errors: list[ContentError] = []
    values: dict[str, Any] = {}

    def fail(key: str | None, message: str, hint: str | None = None, line: int | None = None) -> None:
        errors.append(ContentError(rel, message, field=key, line=line or (parsed.line_of(key) if key else None), hint=hint))

    for key, raw in parsed.meta.items():
        name = str(key)
        if name not in schema:
            kind_label = "tin bài" if kind == "news" else "sáng kiến"
            fail(
                name,
                f"trường không có trong mẫu {kind_label}",
                did_you_mean(name, keys) or "các trường hợp lệ: " + ", ".join(keys),
            )
            continue
        if raw is None:
            fail(name, "trường để trống", "điền giá trị hoặc xoá dòng này")
            continue
        try:
            values[name] = schema[name](raw, ctx)
        except FieldError as exc:
            fail(name, exc.message, exc.hint)
    for key in required:
        if key not in parsed.meta:
            fail(key, "thiếu trường bắt buộc", REQUIRED_HINTS.get(key))

    if kind == "news":
        _check_news_rules(values, parsed, fail)
    else:
        _check_initiative_rules(values, parsed, fail)

    if "slug" not in values and "title" in values:
        default = slugify(values["title"])
        if default:
            values["slug"] = default
        else:
            fail("title", "tiêu đề không tạo được đường dẫn (slug)", "thêm trường slug: ten-bai-viet")

    body = nfc(parsed.body)
    if kind == "news" and not without_comments(body).strip():
        fail(None, "bài viết chưa có nội dung", "viết nội dung bên dưới dòng '---' thứ hai", line=parsed.body_line + 1)
    assets = _body_assets(body, parsed, ctx, fail)

    if errors:
        raise EntryErrors(errors)
    return _build(kind, values, body, parsed, assets)


def _check_news_rules(values: dict[str, Any], parsed: ParsedSource, fail: Callable[..., None]) -> None:
    if "cover" in parsed.meta and "cover_alt" not in parsed.meta:
        fail(
            "cover_alt",
            "có ảnh bìa nhưng thiếu mô tả ảnh",
            'thêm cover_alt: "Mô tả nội dung ảnh" (cho người khiếm thị)',
            line=parsed.line_of("cover"),
        )
    if "cover_alt" in parsed.meta and "cover" not in parsed.meta:
        fail("cover_alt", "có mô tả ảnh bìa nhưng không có ảnh bìa (cover)", "thêm cover: ten-anh.jpg hoặc xoá cover_alt")
    _check_updated(values, fail)


def _check_updated(values: dict[str, Any], fail: Callable[..., None]) -> None:
    date, updated = values.get("date"), values.get("updated")
    if isinstance(date, datetime) and isinstance(updated, datetime) and updated < date:
        fail(
            "updated",
            f"ngày cập nhật {to_vn(updated):%Y-%m-%d %H:%M} sớm hơn ngày đăng {to_vn(date):%Y-%m-%d %H:%M}",
            "ngày cập nhật phải sau ngày đăng",
        )


def _check_initiative_rules(values: dict[str, Any], parsed: ParsedSource, fail: Callable[..., None]) -> None:
    members: tuple[Member, ...] = values.get("members", ())
    minors = [m.name for m in members if m.age is not None and m.age < CONSENT_AGE]
    if minors and values.get("consent") is not True:
        fail(
            "consent",
            f"có thành viên dưới {CONSENT_AGE} tuổi ({', '.join(minors)}) nhưng chưa xác nhận đồng ý của người giám hộ",
            "khi đã có văn bản đồng ý của cha mẹ hoặc người giám hộ, thêm consent: true",
            line=parsed.line_of("consent") or parsed.line_of("members"),
        )


def _body_assets(body: str, parsed: ParsedSource, ctx: _Context, fail: Callable[..., None]) -> list[Asset]:
    """Local files the body links to; each must exist beside (or below) the content file."""
    assets: list[Asset] = []
    scan = FENCE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    deep = too_deep(scan)
    if deep is not None:
        fail(
            None,
            f"danh sách hoặc trích dẫn lồng nhau quá {MAX_NESTING} tầng",
            "bớt tầng lồng nhau: tách thành các đoạn hoặc danh sách riêng",
            line=parsed.body_line + body.count("\n", 0, deep),
        )
        return assets
    for problem in unclosed_elements(scan):
        fail(None, problem.message, problem.hint, line=parsed.body_line + body.count("\n", 0, problem.offset))
    image_labels = {(m["label"] or m["alt"]).strip().lower() for m in IMAGE_REF_RE.finditer(scan)}
    for match in BODY_REF_RE.finditer(scan):
        # An attribute's value is read as the browser reads it: "&#106;avascript:" is "javascript:".
        attribute = match["html"] or match["html1"] or match["html2"] or ""
        target = match["angle"] or match["inline"] or match["ref"] or html.unescape(attribute)
        line = parsed.body_line + body.count("\n", 0, match.start())
        if match["attr"] == "srcset":
            fail(None, "ảnh trong bài không dùng thuộc tính srcset viết tay", SRCSET_HINT, line=line)
            continue
        label = (match["label"] or "").strip().lower()
        if label.startswith("^"):
            continue  # a footnote ([^1]: Theo ...), not a link definition
        parts = urlsplit(target)
        is_image = bool(match["bang"]) or label in image_labels
        if match["attr"]:
            opened = scan.rfind("<", 0, match.start())
            tag = TAG_NAME_RE.match(scan, opened + 1) if opened > scan.rfind(">", 0, match.start()) else None
            if tag is None:
                continue  # "src=" in the text ("&lt;img src=x&gt;" is words), not inside a tag
            is_image = match["attr"] == "src" and tag.group(0).lower() in ("img", "source", "input")
        if is_image and (parts.scheme or parts.netloc or target.startswith("//")):
            fail(None, f"ảnh '{target}' lấy từ trang khác", EXTERNAL_IMAGE_HINT, line=line)
            continue
        if parts.scheme or target.startswith(("/", "#", "//")) or not parts.path:
            continue
        path = unquote(parts.path)  # "anh%20bia.jpg" names the file "anh bia.jpg"
        if path.endswith(".md") or path.endswith("/"):
            fail(
                None,
                f"liên kết '{target}' trỏ tới tệp nội dung",
                f"liên kết tới bài khác bằng địa chỉ trên trang, ví dụ: /{routes.entry(routes.SECTIONS['news'], 'ten-bai')}",
                line=line,
            )
            continue
        try:
            assets.append(_asset(path, ctx, what="tệp"))
        except FieldError as exc:
            fail(None, exc.message, exc.hint, line=line)
    return assets


def _build(kind: str, values: dict[str, Any], body: str, parsed: ParsedSource, body_assets: list[Asset]) -> Entry:
    common = {
        "source": parsed.source.rel,
        "title": values["title"],
        "slug": values["slug"],
        "date": values["date"],
        "updated": values.get("updated"),
        "description": values["description"],
        "body": body.lstrip("\n").rstrip(),
        "body_line": parsed.body_line,
        "province": values.get("province"),
        "unit": values.get("unit"),
        "featured": values.get("featured", False),
        "draft": values.get("draft", False),
        "aliases": values.get("aliases", ()),
    }
    if kind == "news":
        cover: Image | None = None
        if "cover" in values:
            cover = Image(asset=values["cover"], alt=values["cover_alt"])
        assets = _unique_assets([*([cover.asset] if cover else []), *body_assets])
        return Article(
            kind="news",
            **common,
            authors=values["authors"],
            category=values["category"],
            tags=values.get("tags", ()),
            cover=cover,
            assets=assets,
        )
    images: tuple[Image, ...] = values["images"]
    assets = _unique_assets([*(image.asset for image in images), *body_assets])
    return Initiative(
        kind="initiative",
        **common,
        campaign_year=values.get("year", to_vn(values["date"]).year),
        members=values["members"],
        team=values.get("team"),
        field=values["field"],
        award=values.get("award"),
        images=images,
        links=values.get("links", ()),
        consent=values.get("consent", False),
        assets=assets,
    )


def _unique_assets(assets: list[Asset]) -> tuple[Asset, ...]:
    return tuple({asset.name: asset for asset in assets}.values())
