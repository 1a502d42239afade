"""Loading `brand.yml`: the one place that knows its keys, validates them and returns a frozen `Brand`.

Every problem is gathered in one pass and raised once as `BrandErrors`, each `BrandError` naming
its field (`colors.accent`, `logo.png`, `banners[1].file`) in Vietnamese with a hint. What each
file of the kit must be (a font, an SVG, a large enough PNG) is checked by `kit_checks`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..content.text import did_you_mean, nfc
from .colors import HEX_RE, format_ratio
from .errors import BrandError, BrandErrors
from .kit_checks import check_file, in_window, raster_size
from .kit_model import Banner, Brand, Campaign, Colors, KitFile, Logo, MonthDay, Typeface, contrast_checks

BRAND_FILE = "brand.yml"

TOP_KEYS = ("name", "short_name", "tagline", "colors", "typeface", "logo", "banners", "campaign")
REQUIRED_TOP_KEYS = ("name", "short_name", "tagline", "colors", "typeface", "logo", "campaign")
COLOR_KEYS = ("primary", "accent", "text", "background", "primary_text")
OPTIONAL_COLOR_KEYS = ("link", "accent_text")
TYPEFACE_KEYS = ("family", "regular", "bold", "license")
LOGO_KEYS = ("svg", "png", "icon_svg", "icon_png")
BANNER_KEYS = ("file", "alt")
CAMPAIGN_KEYS = ("start", "end", "day")

COLOR_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
MONTH_DAY_RE = re.compile(r"^(\d{2})-(\d{2})$")

COLOR_HINT = 'viết mã màu dạng "#rrggbb" trong dấu ngoặc kép, ví dụ "#0b3d91"'
PATH_HINT = "đường dẫn tương đối tính từ thư mục bộ nhận diện, ví dụ logo/logo.svg"


def load_brand(kit_dir: Path, *, label: str | None = None) -> Brand:
    """Read and validate `kit_dir/brand.yml` and the files it lists; raise `BrandErrors` listing every problem.

    `label` names brand.yml in messages (e.g. "assets/brand-kit/brand.yml"); default "<kit folder>/brand.yml".
    """
    kit_dir = kit_dir.resolve()
    source = kit_dir / BRAND_FILE
    label = label or f"{kit_dir.name}/{BRAND_FILE}"
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BrandErrors(
            label, [BrandError(BRAND_FILE, f"không tìm thấy {source}", "tạo tệp brand.yml trong thư mục bộ nhận diện")]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BrandErrors(label, [BrandError(BRAND_FILE, f"không đọc được tệp ({exc})", "lưu tệp dạng UTF-8")]) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}" if mark is not None else ""
        raise BrandErrors(
            label, [BrandError(BRAND_FILE, f"YAML không hợp lệ{where}: {exc}", "kiểm tra thụt lề và dấu ngoặc kép")]
        ) from None
    return parse_brand(raw, kit_dir, label=label)


def parse_brand(raw: object, kit_dir: Path, *, label: str = BRAND_FILE) -> Brand:
    """Validate the parsed YAML of brand.yml against the files of `kit_dir`."""
    parser = _Parser(kit_dir.resolve())
    brand = parser.brand(raw)
    if parser.errors or brand is None:
        raise BrandErrors(label, parser.errors)
    return brand


class _Parser:
    """Collects every error of one brand.yml; each method returns None for an invalid value."""

    def __init__(self, kit_dir: Path) -> None:
        self.kit_dir = kit_dir
        self.errors: list[BrandError] = []

    def error(self, field: str, message: str, hint: str | None = None) -> None:
        self.errors.append(BrandError(field, message, hint))

    # structure -------------------------------------------------------------------------------

    def mapping(self, raw: object, field: str, keys: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(raw, dict):
            self.error(field, f"cần một bảng khoá: giá trị, nhận được {_kind(raw)}", f"các khoá: {', '.join(keys)}")
            return None
        for key in raw:
            if key not in keys:
                self.error(
                    _join(field, str(key)),
                    "khoá không được hỗ trợ",
                    did_you_mean(str(key), keys) or f"các khoá: {', '.join(keys)}",
                )
        for key in required:
            if key not in raw:
                present = [str(k) for k in raw if k not in keys]
                self.error(_join(field, key), "thiếu trường bắt buộc", did_you_mean(key, present))
        return {str(k): v for k, v in raw.items()}

    def brand(self, raw: object) -> Brand | None:
        top = self.mapping(raw, "", TOP_KEYS, REQUIRED_TOP_KEYS)
        if top is None:
            return None
        name = self.text(top.get("name"), "name", 120) if "name" in top else None
        short_name = self.text(top.get("short_name"), "short_name", 40) if "short_name" in top else None
        tagline = self.text(top.get("tagline"), "tagline", 200) if "tagline" in top else None
        colors = self.colors(top["colors"]) if "colors" in top else None
        typeface = self.typeface(top["typeface"]) if "typeface" in top else None
        logo = self.logo(top["logo"]) if "logo" in top else None
        banners = self.banners(top.get("banners", []))
        campaign = self.campaign(top["campaign"]) if "campaign" in top else None
        if (
            self.errors
            or name is None
            or short_name is None
            or tagline is None
            or colors is None
            or typeface is None
            or logo is None
            or banners is None
            or campaign is None
        ):
            return None
        brand = Brand(
            kit_dir=self.kit_dir,
            source=KitFile(BRAND_FILE, self.kit_dir / BRAND_FILE),
            name=name,
            short_name=short_name,
            tagline=tagline,
            colors=colors,
            typeface=typeface,
            logo=logo,
            banners=banners,
            campaign=campaign,
            fingerprint="",
        )
        return _with_fingerprint(brand)

    # values ----------------------------------------------------------------------------------

    def text(self, raw: object, field: str, max_length: int) -> str | None:
        if not isinstance(raw, str) or not raw.strip():
            self.error(field, f"cần một chuỗi chữ không rỗng, nhận được {_kind(raw)}")
            return None
        value = nfc(" ".join(raw.split()))
        if len(value) > max_length:
            self.error(field, f"dài {len(value)} ký tự, tối đa {max_length}", "rút gọn lại")
            return None
        return value

    def colour(self, raw: object, field: str) -> str | None:
        if not isinstance(raw, str) or not HEX_RE.match(raw):
            shown = f"'{raw}'" if isinstance(raw, str) else _kind(raw)
            hint = COLOR_HINT + (" (YAML coi # là chú thích nếu thiếu dấu ngoặc kép)" if raw is None else "")
            self.error(field, f"{shown} không phải mã màu #rrggbb", hint)
            return None
        return raw.lower()

    def colors(self, raw: object) -> Colors | None:
        if not isinstance(raw, dict):
            self.error("colors", f"cần một bảng màu, nhận được {_kind(raw)}", f"các màu bắt buộc: {', '.join(COLOR_KEYS)}")
            return None
        values: dict[str, str | None] = {}
        others: list[tuple[str, str]] = []
        for key, value in raw.items():
            name = str(key)
            if name in COLOR_KEYS or name in OPTIONAL_COLOR_KEYS:
                values[name] = self.colour(value, f"colors.{name}")
            elif not COLOR_NAME_RE.match(name):
                self.error(f"colors.{name}", "tên màu chỉ gồm chữ thường không dấu, số và dấu _", "ví dụ highlight, secondary")
            else:
                colour = self.colour(value, f"colors.{name}")
                if colour is not None:
                    others.append((name, colour))
        for name in COLOR_KEYS:
            if name not in raw:
                near = did_you_mean(name, [other for other, _ in others])
                self.error(f"colors.{name}", "thiếu màu bắt buộc", near or COLOR_HINT)
        valid = {name: value for name, value in values.items() if value is not None}
        if "link" not in raw and "primary" in valid:
            valid["link"] = valid["primary"]
        self.contrast(valid, link_given="link" in raw)
        if any(name not in valid for name in (*COLOR_KEYS, "link")) or any(
            name in values and values[name] is None for name in OPTIONAL_COLOR_KEYS
        ):
            return None
        return Colors(
            primary=valid["primary"],
            accent=valid["accent"],
            text=valid["text"],
            background=valid["background"],
            primary_text=valid["primary_text"],
            link=valid["link"],
            accent_text=valid.get("accent_text"),
            others=tuple(others),
        )

    def contrast(self, colors: dict[str, str], link_given: bool) -> None:
        """An error for each text pair below WCAG 2.1 AA, among the colours that are valid."""
        for check in contrast_checks(colors):
            if not check.passes:
                field = f"colors.{check.foreground_field}"
                if check.foreground_field == "link" and not link_given:
                    field = "colors.primary"  # the link colour is the primary colour unless given
                self.error(
                    field,
                    f"{check.label}: tỉ lệ tương phản {format_ratio(check.ratio)}, cần ít nhất {check.minimum:g}:1 (WCAG 2.1 AA)",
                    "chọn màu đậm hơn hoặc nhạt hơn cho cặp màu này",
                )

    def file(self, raw: object, field: str, kind: str) -> KitFile | None:
        """A file of the kit: relative, inside the kit, present, and readable as `kind`."""
        if not isinstance(raw, str) or not raw.strip():
            self.error(field, f"cần đường dẫn tệp, nhận được {_kind(raw)}", PATH_HINT)
            return None
        src = raw.strip().replace("\\", "/")
        path = (self.kit_dir / src).resolve()
        if Path(src).is_absolute() or not path.is_relative_to(self.kit_dir):
            self.error(field, f"'{src}' nằm ngoài thư mục bộ nhận diện", PATH_HINT)
            return None
        if not path.is_file():
            self.error(field, f"không tìm thấy tệp '{src}'", f"đặt tệp vào {self.kit_dir.name}/{src} hoặc sửa đường dẫn")
            return None
        problem = check_file(path, kind)
        if problem:
            self.error(field, f"'{src}': {problem[0]}", problem[1])
            return None
        return KitFile(src, path)

    def typeface(self, raw: object) -> Typeface | None:
        values = self.mapping(raw, "typeface", TYPEFACE_KEYS, ("family", "regular", "bold"))
        if values is None:
            return None
        family = self.text(values.get("family"), "typeface.family", 80) if "family" in values else None
        regular = self.file(values.get("regular"), "typeface.regular", "font") if "regular" in values else None
        bold = self.file(values.get("bold"), "typeface.bold", "font") if "bold" in values else None
        license = self.file(values.get("license"), "typeface.license", "any") if "license" in values else None
        if family is None or regular is None or bold is None or ("license" in values and license is None):
            return None
        return Typeface(family=family, regular=regular, bold=bold, license=license)

    def logo(self, raw: object) -> Logo | None:
        values = self.mapping(raw, "logo", LOGO_KEYS, ("svg", "png"))
        if values is None:
            return None
        found = {key: self.file(values[key], f"logo.{key}", key.removeprefix("icon_")) for key in LOGO_KEYS if key in values}
        if any(found.get(key) is None for key in ("svg", "png")) or any(value is None for value in found.values()):
            return None
        svg, png = found["svg"], found["png"]
        assert svg is not None and png is not None
        return Logo(svg=svg, png=png, icon_svg=found.get("icon_svg"), icon_png=found.get("icon_png"))

    def banners(self, raw: object) -> tuple[Banner, ...] | None:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.error(
                "banners",
                f"cần một danh sách {{file, alt}}, nhận được {_kind(raw)}",
                "- file: banners/banner.png\n      alt: mô tả ảnh",
            )
            return None
        banners: list[Banner] = []
        ok = True
        for index, item in enumerate(raw):
            field = f"banners[{index}]"
            values = self.mapping(item, field, BANNER_KEYS, BANNER_KEYS)
            if values is None:
                ok = False
                continue
            file = self.file(values.get("file"), f"{field}.file", "banner") if "file" in values else None
            alt = self.text(values.get("alt"), f"{field}.alt", 300) if "alt" in values else None
            if file is None or alt is None:
                ok = False
                continue
            size = raster_size(file.path)
            banners.append(Banner(file=file, alt=alt, width=size[0] if size else None, height=size[1] if size else None))
        return tuple(banners) if ok else None

    def month_day(self, raw: object, field: str) -> MonthDay | None:
        match = MONTH_DAY_RE.match(raw) if isinstance(raw, str) else None
        hint = 'viết dạng "MM-DD" trong dấu ngoặc kép, ví dụ "10-10" cho ngày 10 tháng 10'
        if match is None:
            self.error(field, f"{raw!r} không phải ngày dạng MM-DD", hint)
            return None
        month, day = int(match[1]), int(match[2])
        try:
            date(2001, month, day)  # a non-leap year: 29 February does not come every year
        except ValueError:
            self.error(field, f"'{raw}' không phải ngày có trong mọi năm", hint)
            return None
        return month, day

    def campaign(self, raw: object) -> Campaign | None:
        values = self.mapping(raw, "campaign", CAMPAIGN_KEYS, CAMPAIGN_KEYS)
        if values is None:
            return None
        parts = {key: self.month_day(values[key], f"campaign.{key}") for key in CAMPAIGN_KEYS if key in values}
        start, end, day = parts.get("start"), parts.get("end"), parts.get("day")
        if start is None or end is None or day is None:
            return None
        if not in_window(day, start, end):
            self.error(
                "campaign.day",
                f"ngày {day[1]:02d}/{day[0]:02d} nằm ngoài đợt cao điểm (start đến end)",
                "đặt day trong khoảng start..end",
            )
            return None
        return Campaign(start=start, end=end, day=day)


def _with_fingerprint(brand: Brand) -> Brand:
    sha = hashlib.sha256()
    for file in brand.files:
        data = file.path.read_bytes()
        sha.update(file.src.encode("utf-8") + b"\0" + len(data).to_bytes(8, "big"))
        sha.update(data)
    return replace(brand, fingerprint=sha.hexdigest())


def _join(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def _kind(value: object) -> str:
    if value is None:
        return "giá trị rỗng"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({value})"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một bảng khoá"
    return type(value).__name__
