"""`newsroom config`: one editor's defaults (province, unit, authors), kept in editor.yml.

The file sits in the project folder, is ignored by git (each editor has their own) and is read by
`newsroom new`, so a provincial editor types `newsroom new article "Tiêu đề"` and gets their
province, their Youth Union unit (Thành Đoàn for a centrally-run city, Tỉnh đoàn otherwise) and
their name as author.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content.errors import FieldError
from ..content.field_values import TAG_SPLIT_RE
from ..content.names import read_province, unit_name
from ..content.notices import flow_list, yaml_scalar
from ..content.taxonomy import Taxonomies, load_taxonomies

SETTINGS_FILE = "editor.yml"
FALLBACK_PROVINCE = "ha-noi"
FALLBACK_AUTHOR = "Tên tác giả"


class SettingsError(Exception):
    """editor.yml cannot be used; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class EditorSettings:
    province: str | None = None
    unit: str | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class NewDefaults:
    """What `newsroom new` writes: the province key, the unit and the authors."""

    province: str
    unit: str
    authors: tuple[str, ...]


def settings_path(root: Path) -> Path:
    return root / SETTINGS_FILE


def load_editor_settings(root: Path) -> EditorSettings:
    path = settings_path(root)
    if not path.is_file():
        return EditorSettings()
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{SETTINGS_FILE} không đọc được; xoá tệp rồi chạy lại newsroom config") from exc
    if raw is None:
        return EditorSettings()
    if not isinstance(raw, dict):
        raise SettingsError(f"{SETTINGS_FILE} phải gồm các dòng 'trường: giá trị'; chạy lại newsroom config")
    authors = raw.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise SettingsError(f"{SETTINGS_FILE}: authors phải là danh sách tên; chạy lại newsroom config --authors \"...\"")
    province, unit = raw.get("province"), raw.get("unit")
    if province is not None and not isinstance(province, str) or unit is not None and not isinstance(unit, str):
        raise SettingsError(f"{SETTINGS_FILE}: province và unit phải là chữ; chạy lại newsroom config")
    return EditorSettings(province=province, unit=unit, authors=tuple(authors))


def write_editor_settings(root: Path, settings: EditorSettings) -> Path:
    lines = [
        "# Cài đặt riêng của người biên tập, do 'newsroom config' ghi; newsroom new lấy làm mặc định.",
        "# Tệp này không đưa lên git: mỗi người biên tập có tệp của mình.",
    ]
    if settings.province:
        lines.append(f"province: {settings.province}")
    if settings.unit:
        lines.append(f"unit: {yaml_scalar(settings.unit)}")
    if settings.authors:
        lines.append(f"authors: {flow_list(settings.authors)}")
    path = settings_path(root)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def new_defaults(root: Path, taxonomies: Taxonomies, province: str | None) -> NewDefaults:
    """The defaults of `newsroom new`: the command line first, then editor.yml, then Hà Nội.

    Raise FieldError for an unknown province, SettingsError for an unusable editor.yml."""
    settings = load_editor_settings(root)
    written = province or settings.province or FALLBACK_PROVINCE
    found, key = read_province(written, taxonomies.provinces)
    chosen = key or found.key
    own = settings.unit if settings.unit and settings.province == chosen else None
    return NewDefaults(
        province=chosen,
        unit=own or unit_name(found, taxonomies.provinces),
        authors=settings.authors or (FALLBACK_AUTHOR,),
    )


def add_parser(commands: Any) -> None:
    config = commands.add_parser("config", help="lưu tỉnh, thành, đơn vị và tác giả mặc định cho newsroom new")
    config.add_argument("--province", help="tỉnh, thành của bạn: mã hoặc tên, ví dụ ha-noi, \"Hà Nội\", \"TP. Hồ Chí Minh\"")
    config.add_argument("--unit", help="tên đơn vị (mặc định: Thành Đoàn hoặc Tỉnh đoàn của tỉnh, thành)")
    config.add_argument("--authors", help="tên tác giả, nhiều người cách nhau bằng dấu phẩy")


def command_config(root: Path, args: argparse.Namespace) -> int:
    try:
        current = load_editor_settings(root)
    except SettingsError:
        current = EditorSettings()  # rewritten below from the options given
    taxonomies = load_taxonomies()
    province = current.province
    unit = current.unit
    if args.province:
        try:
            found, key = read_province(args.province, taxonomies.provinces)
        except FieldError as exc:
            print(f"Tỉnh, thành không hợp lệ: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""), file=sys.stderr)
            return 2
        if (key or found.key) != province:
            unit = None  # the old unit belonged to the old province
        province = key or found.key
    if args.unit:
        unit = " ".join(args.unit.split())
    authors = current.authors
    if args.authors is not None:
        authors = tuple(name for name in (" ".join(part.split()) for part in TAG_SPLIT_RE.split(args.authors)) if name)
    if province and not unit:
        found, _ = read_province(province, taxonomies.provinces)
        unit = unit_name(found, taxonomies.provinces)
    settings = EditorSettings(province=province, unit=unit, authors=authors)
    if args.province or args.unit or args.authors is not None:
        path = write_editor_settings(root, settings)
        print(f"Đã lưu {path.name}:")
    else:
        print(f"Cài đặt hiện tại ({SETTINGS_FILE}); đổi bằng newsroom config --province ... --authors \"...\":")
    print(f"  Tỉnh, thành: {settings.province or '(chưa đặt, mặc định ' + FALLBACK_PROVINCE + ')'}")
    print(f"  Đơn vị:      {settings.unit or '(theo tỉnh, thành)'}")
    print(f"  Tác giả:     {', '.join(settings.authors) or '(chưa đặt)'}")
    return 0
