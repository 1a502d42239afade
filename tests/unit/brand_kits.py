"""Builders for the brand-kit unit tests: copies of the project's kit and of the fixture kits.

Every test that changes a kit works on a copy in `tmp_path`; paths come from `Path(__file__)`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parents[2]
KIT = PROJECT / "assets" / "brand-kit"
FIXTURE_KITS = PROJECT / "tests" / "fixtures" / "brand-kits"
CARDS = PROJECT / "test-results" / "cards"

LONG_TITLE = (
    "Thành phố Hồ Chí Minh: hàng nghìn đoàn viên, thanh niên tham gia Ngày hội thanh niên với chuyển đổi số, "
    "hướng dẫn người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt tại 312 phường, xã"
)
STACKED_TITLE = "Tuổi trẻ Huế: Ở đâu cần, ở đó có Tổ công nghệ số"
STACKED_HEAVY = "ỄỖỮẪẴẶỆ Ở Ổ Ỗ Ỡ Ợ ỗ ữ ẫ ẵ ỹ Ỵ Ặ Ậ Ễ Ệ Ỗ Ộ Ờ Ở Ỡ Ợ Ữ Ự Ỳ Ỷ Ỹ Ỵ ỄỖỮẪẴẶỆ ỄỖỮẪẴẶỆ ỄỖỮ"
INITIATIVE_TITLE = "Cảm biến đo độ mặn báo qua điện thoại cho nhà vườn"
COVER = PROJECT / "articles" / "news" / "2023" / "ngay-hoi-chuyen-doi-so-tphcm-2023" / "cover.jpg"
INITIATIVE_IMAGE = PROJECT / "articles" / "initiatives" / "2024" / "cam-bien-do-man-vuon-dua" / "anh-1.jpg"


def copy_kit(destination: Path, source: Path = KIT) -> Path:
    """A copy of a kit folder; a fixture kit gets the project's fonts (they are not stored twice)."""
    shutil.copytree(source, destination)
    if not (destination / "fonts").exists():
        shutil.copytree(KIT / "fonts", destination / "fonts")
    return destination


def fixture_kit(destination: Path, name: str = "xanh-la") -> Path:
    return copy_kit(destination, FIXTURE_KITS / name)


def read_raw(kit: Path) -> dict[str, Any]:
    raw = yaml.safe_load((kit / "brand.yml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


def write_raw(kit: Path, raw: dict[str, Any]) -> None:
    (kit / "brand.yml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit_kit(kit: Path, **sections: Any) -> Path:
    """Rewrite brand.yml with top-level keys replaced (None removes a key); nested dicts are merged."""
    raw = read_raw(kit)
    for key, value in sections.items():
        if value is None:
            raw.pop(key, None)
        elif isinstance(value, dict) and isinstance(raw.get(key), dict):
            merged = {**raw[key], **value}
            raw[key] = {k: v for k, v in merged.items() if v is not None}
        else:
            raw[key] = value
    write_raw(kit, raw)
    return kit
