"""The desk's pre-save check says what `newsroom check` says about the same entry."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newsroom import routes
from newsroom.checks.validation import validate_site
from newsroom.cms.precheck import BadRequest, DeskMiddleware, answer, entry_text, precheck
from newsroom.content.taxonomy import load_taxonomies
from newsroom.engine.preview_panel import PanelMiddleware

NOW = datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=7)))
BAD_NEWS: dict[str, Any] = {
    "title": "Bài thử trang biên tập",
    "date": "2025-10-05 08:30",
    "authors": ["Nguyễn Văn A"],
    "category": "khong-co",
    "tags": [],
    "province": "",
    "description": "Mô tả ngắn.",
    "cover": "anh-bia.jpg",
    "featured": False,
    "body": "Nội dung bài.",
}
BAD_INITIATIVE: dict[str, Any] = {
    "title": "Sáng kiến thử",
    "date": "2025-10-09 09:00",
    "description": "Mô tả.",
    "members": [{"name": "Lò Văn Minh", "age": 14}],
    "province": "lao-cai",
    "field": "giao-duc",
    "images": [{"src": "anh-1.jpg", "alt": "Ảnh"}],
    "links": [{"label": "Trang", "url": "ftp://x"}],
    "body": "",
}


def _as_check_sees(root: Path, rel: str, data: dict[str, Any]) -> set[tuple[str | None, str, str | None]]:
    path = root / rel
    path.parent.mkdir(parents=True)
    path.write_text(entry_text(data), encoding="utf-8")
    checked = validate_site(root, load_taxonomies(), NOW, root / ".cache")
    return {(e.field, e.message, e.hint) for e in checked.errors if e.path == rel}


@pytest.mark.parametrize(
    ("collection", "rel", "data"),
    [
        ("tin-bai", "articles/news/2025/bai-thu-trang-bien-tap/index.md", BAD_NEWS),
        ("sang-kien", "articles/initiatives/2025/sang-kien-thu/index.md", BAD_INITIATIVE),
    ],
)
def test_precheck_bad_entry_gets_the_messages_of_check(tmp_path: Path, collection: str, rel: str, data: dict[str, Any]) -> None:
    (tmp_path / "articles" / "news").mkdir(parents=True)
    (tmp_path / "articles" / "initiatives").mkdir(parents=True)
    found = precheck(tmp_path, {"collection": collection, "path": None, "data": data, "media": []})
    assert found and all(e.path == rel and e.line is None for e in found)
    mine = {(e.field, e.message, e.hint) for e in found}
    assert mine == _as_check_sees(tmp_path, rel, data)


def test_precheck_names_the_problems(tmp_path: Path) -> None:
    news = {e.field: e.message for e in precheck(tmp_path, {"collection": "tin-bai", "data": BAD_NEWS})}
    assert "không phải mã chuyên mục" in news["category"] and "không tìm thấy tệp 'anh-bia.jpg'" in news["cover"]
    assert "cover_alt" in news and "province" not in news and "tags" not in news  # empty optional fields are not written
    initiative = {
        e.field: e.message
        for e in precheck(tmp_path, {"collection": "sang-kien", "data": BAD_INITIATIVE, "media": ["anh-1.jpg"]})
    }
    assert "dưới 16 tuổi" in initiative["consent"] and "http" in initiative["links"] and "images" not in initiative


def test_precheck_a_good_entry_with_its_pending_photo_passes(tmp_path: Path) -> None:
    data = {**BAD_NEWS, "category": "hoat-dong", "cover_alt": "Mô tả ảnh"}
    assert precheck(tmp_path, {"collection": "tin-bai", "data": data, "media": ["anh-bia.jpg"]}) == []


def test_precheck_an_existing_bundle_keeps_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles/news/2024/bai-cu"
    folder.mkdir(parents=True)
    (folder / "anh-bia.jpg").write_bytes(b"x")
    data = {**BAD_NEWS, "category": "hoat-dong", "cover_alt": "Mô tả ảnh"}
    assert precheck(tmp_path, {"collection": "tin-bai", "path": "articles/news/2024/bai-cu/index.md", "data": data}) == []


@pytest.mark.parametrize(
    "payload",
    [
        None,
        [],
        {"collection": "tin-bai"},
        {"collection": "khac", "data": {}},
        {"collection": "tin-bai", "path": "articles/news/../../x.md", "data": {}},
    ],
)
def test_precheck_bad_requests(tmp_path: Path, payload: Any) -> None:
    with pytest.raises(BadRequest):
        precheck(tmp_path, payload)


def _call(app: Any, path: str, method: str = "GET", body: bytes = b"") -> tuple[str, dict[str, str], bytes]:
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)}
    data = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], data


def _site(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    path = environ["PATH_INFO"]
    kind = "application/octet-stream" if path.endswith(".yml") else "text/html"
    start_response("200 OK", [("Content-Type", kind)])
    return [b"<html><body><p>" + path.encode() + b"</p><script>livereload(1, 2);</script></body></html>"]


def test_desk_middleware_answers_the_check_and_serves_the_desk_plainly(tmp_path: Path) -> None:
    panel = PanelMiddleware(_site, snapshot=lambda: ((), (), False, {}))
    app = DeskMiddleware(panel, tmp_path)
    body = json.dumps({"collection": "tin-bai", "data": BAD_NEWS}).encode()
    status, headers, data = _call(app, "/" + routes.ADMIN_PRECHECK, "POST", body)
    assert status == "200 OK" and headers["Content-Type"].startswith("application/json")
    result = json.loads(data)
    assert result["ok"] is False and any(e["field"] == "category" for e in result["errors"])
    assert result["errors"][0]["text"].startswith("articles/news/2025/bai-thu-trang-bien-tap/index.md [")
    assert _call(app, "/" + routes.ADMIN_PRECHECK)[0].startswith("405")
    assert _call(app, "/" + routes.ADMIN_PRECHECK, "POST", b"{")[0].startswith("400")
    status, headers, data = _call(app, "/" + routes.ADMIN_CONFIG)
    assert headers["Content-Type"].startswith("text/yaml")
    status, headers, data = _call(app, "/" + routes.ADMIN)
    assert b"livereload" not in data and headers["Content-Length"] == str(len(data))
    assert b"livereload" in _call(app, "/" + routes.ALL_ARTICLES)[2]  # the rest of the preview keeps it


def test_answer_shape() -> None:
    assert answer([]) == {"ok": True, "errors": []}
