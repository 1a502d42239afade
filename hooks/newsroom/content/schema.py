"""The front-matter schemas (CONTRIBUTING.md, Front matter): the one place that knows every key and which are required.

`parse_entry` turns a split content file into a frozen `Article` or `Initiative`, or raises
`EntryErrors` listing every problem of that file at once. The value parsers live in
`field_values` (plain values) and `field_files` (paths), the cross-field rules in `rules`, the body
scan in `body_checks`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .body_checks import scan_body
from .dates import to_vn
from .errors import ContentError, ContentWarning, FieldError
from .field_files import FieldContext, asset_field, image_list, unique_assets
from .field_values import (
    DESCRIPTION_MAX,
    PERSONAL_DATA_HINT,
    TITLE_MAX,
    author_list,
    bool_field,
    link_list,
    member_list,
    slug_field,
    slug_list,
    tag_list,
    text_field,
    year_field,
)
from .model import Article, Asset, Entry, Image, Initiative
from .names import province_value, term_value
from .notices import ContentNotice, Understood, notice_for
from .paste import strip_invisible, tidy_body
from .raw_html import without_comments
from .reader import ParsedSource
from .rules import CONSENT_AGE, check_initiative_rules, check_news_rules
from .taxonomy import Taxonomies
from .text import did_you_mean, nfc, slugify
from .vn_dates import date_value

# Re-exported: the importer and tests read these limits from the schema.
__all__ = [
    "CONSENT_AGE",
    "DESCRIPTION_MAX",
    "INITIATIVE_KEYS",
    "INITIATIVE_REQUIRED",
    "NEWS_KEYS",
    "NEWS_REQUIRED",
    "PERSONAL_DATA_HINT",
    "TITLE_MAX",
    "EntryErrors",
    "parse_entry",
]

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


class EntryErrors(Exception):
    def __init__(self, errors: list[ContentError], notices: Sequence[ContentNotice] = ()) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors
        self.notices = tuple(notices)
        """Values understood before the errors were found: `check --fix` rewrites them all the same."""


# --- the schemas ------------------------------------------------------------------------------


Parser = Callable[[Any, FieldContext], Any]

COMMON: dict[str, Parser] = {
    "title": lambda v, c: text_field(v, max_len=TITLE_MAX, what="tiêu đề"),
    "date": lambda v, c: date_value(v),
    "description": lambda v, c: text_field(v, max_len=DESCRIPTION_MAX, what="phần mô tả"),
    "province": lambda v, c: province_value(v, c.taxonomies),
    "unit": lambda v, c: text_field(v, max_len=200, what="tên đơn vị"),
    "featured": lambda v, c: bool_field(v),
    "draft": lambda v, c: bool_field(v),
    "slug": lambda v, c: slug_field(v),
    "aliases": lambda v, c: slug_list(v),
}

NEWS: dict[str, Parser] = {
    **COMMON,
    "updated": lambda v, c: date_value(v),
    "authors": lambda v, c: author_list(v),
    "category": lambda v, c: term_value(v, c.taxonomies.categories),
    "tags": lambda v, c: tag_list(v),
    "cover": lambda v, c: asset_field(v, c),
    "cover_alt": lambda v, c: text_field(v, max_len=300, what="mô tả ảnh bìa"),
}
NEWS_REQUIRED = ("title", "date", "authors", "category", "description")

INITIATIVE: dict[str, Parser] = {
    **COMMON,
    "year": lambda v, c: year_field(v),
    "members": lambda v, c: member_list(v),
    "team": lambda v, c: text_field(v, max_len=200, what="tên nhóm"),
    "field": lambda v, c: term_value(v, c.taxonomies.fields),
    "award": lambda v, c: term_value(v, c.taxonomies.awards, strip=("giai-",)),
    "images": lambda v, c: image_list(v, c),
    "links": lambda v, c: link_list(v),
    "consent": lambda v, c: bool_field(v),
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
    ctx = FieldContext(parsed, root, taxonomies, looked_at if looked_at is not None else [])
    kind = parsed.source.kind
    schema, required = (NEWS, NEWS_REQUIRED) if kind == "news" else (INITIATIVE, INITIATIVE_REQUIRED)
    keys = NEWS_KEYS if kind == "news" else INITIATIVE_KEYS
    rel = parsed.source.rel
    errors: list[ContentError] = []
    notices: list[ContentNotice] = []
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
            value = schema[name](raw, ctx)
        except FieldError as exc:
            fail(name, exc.message, exc.hint)
            continue
        if isinstance(value, Understood):
            notices.append(notice_for(rel, name, parsed.line_of(name), raw, value))
            value = value.value
        values[name] = value
    for key in required:
        if key not in parsed.meta:
            fail(key, "thiếu trường bắt buộc", REQUIRED_HINTS.get(key))

    if kind == "news":
        check_news_rules(values, parsed, fail)
    else:
        check_initiative_rules(values, parsed, fail)

    if "slug" not in values and "title" in values:
        default = slugify(values["title"])
        if default:
            values["slug"] = default
        else:
            fail("title", "tiêu đề không tạo được đường dẫn (slug)", "thêm trường slug: ten-bai-viet")

    body = strip_invisible(nfc(parsed.body))
    if kind == "news" and not without_comments(body).strip():
        fail(None, "bài viết chưa có nội dung", "viết nội dung bên dưới dòng '---' thứ hai", line=parsed.body_line + 1)
    assets = scan_body(body, parsed, ctx, fail)

    if errors:
        raise EntryErrors(errors, notices)
    shown, pasted = tidy_body(body)
    values["warnings"] = tuple(
        ContentWarning(rel, problem.message, line=parsed.body_line + problem.index, hint=problem.hint) for problem in pasted
    )
    values["notices"] = tuple(notices)
    return _build(kind, values, shown, parsed, assets)


def _build(kind: str, values: dict[str, Any], body: str, parsed: ParsedSource, linked: list[Asset]) -> Entry:
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
        "warnings": values["warnings"],
        "notices": values["notices"],
    }
    if kind == "news":
        cover: Image | None = None
        if "cover" in values:
            cover = Image(asset=values["cover"], alt=values["cover_alt"])
        assets = unique_assets([*([cover.asset] if cover else []), *linked])
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
    assets = unique_assets([*(image.asset for image in images), *linked])
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
