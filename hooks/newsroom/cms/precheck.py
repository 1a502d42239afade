"""The desk's pre-save check: a draft entry from Decap judged by the column's own schema.

Decap's `preSave` event (cms/static/ban-bien-tap.js) POSTs the entry's form data as JSON to
`routes.ADMIN_PRECHECK` on the preview. `precheck` writes that data as the Markdown file the
column reads (front matter + body) into a scratch copy of its bundle folder, with the bundle's
files and the photos about to be uploaded, and runs the very parser of `newsroom check`
(`parse_source`, `parse_entry`). The answer lists the errors as `check` prints them, without
line numbers (Decap writes the keys in the form's order, not the editor's).

`DeskMiddleware` is installed around the preview's WSGI app in `on_serve`.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from .. import routes
from ..content.dates import to_vn
from ..content.errors import ContentError, SourceError
from ..content.model import Kind
from ..content.reader import Source, parse_source
from ..content.schema import EntryErrors, parse_entry
from ..content.taxonomy import Taxonomies, load_taxonomies
from ..content.text import slugify
from ..content.vn_dates import read_date
from ..engine.preview_panel import PanelMiddleware
from .forms import COLLECTIONS

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
MAX_REQUEST = 2_000_000
KIND_FOLDERS = {kind: folder for kind, (_name, _label, _singular, folder) in COLLECTIONS.items()}
KINDS: dict[str, Kind] = {COLLECTIONS["news"][0]: "news", COLLECTIONS["initiative"][0]: "initiative"}
"""Decap collection name -> entry kind."""


class BadRequest(Exception):
    pass


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def entry_text(data: dict[str, Any]) -> str:
    """The file Decap will write: the form's values as front matter (empty optional fields left out), then the body."""
    values = {key: value for key, value in data.items() if key != "body" and not _empty(value)}
    front = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000) if values else ""
    return f"---\n{front}---\n\n{data.get('body') or ''}\n"


def _bundle_rel(kind: Kind, data: dict[str, Any], path: str | None) -> str:
    """Where the entry's index.md is (an existing entry) or will be (a new one: `<year>/<slug>/index.md`)."""
    if path:
        return path
    year = datetime.now().year
    try:
        moment = read_date(data.get("date")).moment
        year = to_vn(moment).year
    except Exception:  # an unreadable date: the schema says so below; the folder is only a scratch place
        pass
    slug = slugify(str(data.get("title") or "")) or "bai-moi"
    return f"{KIND_FOLDERS[kind]}/{year}/{slug}/index.md"


def precheck(root: Path, payload: Any, taxonomies: Taxonomies | None = None) -> list[ContentError]:
    """The errors `newsroom check` would report for this draft (empty: it may be saved)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        raise BadRequest("cần JSON {collection, path, data, media}")
    kind = KINDS.get(str(payload.get("collection")))
    if kind is None:
        raise BadRequest(f"không có bộ sưu tập {payload.get('collection')!r}")
    data: dict[str, Any] = payload["data"]
    path = payload.get("path")
    rel = _bundle_rel(kind, data, path if isinstance(path, str) and path.endswith(".md") else None)
    if ".." in Path(rel).parts or not rel.startswith(KIND_FOLDERS[kind] + "/"):
        raise BadRequest(f"đường dẫn bài không hợp lệ: {rel!r}")
    media = [Path(str(name)).name for name in payload.get("media") or [] if str(name).strip()]
    with tempfile.TemporaryDirectory(prefix="nr-kiem-tra-") as scratch:
        scratch_root = Path(scratch)
        target = scratch_root / rel
        folder = target.parent
        folder.mkdir(parents=True)
        original = root / Path(rel).parent
        if path and original.is_dir():
            for item in original.iterdir():
                if item.is_file() and item.name != target.name:
                    shutil.copy2(item, folder / item.name)
        for name in media:  # uploaded with the entry, after this check: only their names matter here
            (folder / name).touch()
        text = entry_text(data)
        target.write_text(text, encoding="utf-8")
        files = tuple(sorted(p for p in folder.iterdir() if p.is_file()))
        source = Source(kind, target, rel, bundle=folder, files=files)
        try:
            parsed = parse_source(source, text)
            parse_entry(parsed, scratch_root, taxonomies or load_taxonomies())
        except SourceError as problem:
            return [problem.error]
        except EntryErrors as problems:
            return [replace(error, line=None) for error in problems.errors]
    return []


def answer(errors: list[ContentError]) -> dict[str, Any]:
    return {
        "ok": not errors,
        "errors": [
            {"field": e.field, "message": e.message, "hint": e.hint, "text": e.format().replace("\n    ", "\n")} for e in errors
        ],
    }


_LIVERELOAD_RE = re.compile(rb"<script>(?:(?!</script>).)*livereload(?:(?!</script>).)*</script>(?=\s*</body>)", re.S)
"""MkDocs' livereload script, which the preview adds to every HTML page: the desk must not reload on each build."""


class DeskMiddleware:
    """The preview's /admin/: answers POST `routes.ADMIN_PRECHECK`; serves the desk's files without the
    problems panel (engine/preview_panel.py) and without livereload (a rebuild after each save would
    reload the form), config.yml as YAML. Every other request goes to the app it wraps unchanged."""

    def __init__(self, app: WSGIApp, root: Path, mount_path: str = "/") -> None:
        self.app = app
        self.root = root
        self.prefix = mount_path.rstrip("/") + "/" + routes.ADMIN
        self.path = mount_path.rstrip("/") + "/" + routes.ADMIN_PRECHECK

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        if path == self.path:
            return self._precheck(environ, start_response)
        if not (path + "/").startswith(self.prefix):
            return self.app(environ, start_response)
        inner = self.app.app if isinstance(self.app, PanelMiddleware) else self.app
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        result = inner(environ, capture)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        headers: list[tuple[str, str]] = list(captured.get("headers", []))
        if path.endswith(".yml"):
            headers = [(k, v) for k, v in headers if k.lower() != "content-type"] + [("Content-Type", "text/yaml; charset=utf-8")]
        if any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers):
            body = _LIVERELOAD_RE.sub(b"", body)
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + [("Content-Length", str(len(body)))]
        start_response(captured.get("status", "500 Internal Server Error"), headers)
        return [body]

    def _precheck(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return self._reply(start_response, "405 Method Not Allowed", {"error": "chỉ nhận POST"}, [("Allow", "POST")])
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if not 0 < length <= MAX_REQUEST:
                raise BadRequest("nội dung gửi lên trống hoặc quá lớn")
            payload = json.loads(environ["wsgi.input"].read(length).decode("utf-8"))
            errors = precheck(self.root, payload)
        except (BadRequest, ValueError) as exc:
            return self._reply(start_response, "400 Bad Request", {"error": f"yêu cầu kiểm tra không hợp lệ: {exc}"})
        return self._reply(start_response, "200 OK", answer(errors))

    @staticmethod
    def _reply(
        start_response: Callable[..., Any], status: str, body: dict[str, Any], extra: list[tuple[str, str]] | None = None
    ) -> list[bytes]:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Cache-Control", "no-store"),
            ("Content-Length", str(len(data))),
        ]
        start_response(status, headers + (extra or []))
        return [data]


def install(server: Any, root: Path) -> None:
    """`on_serve`: the pre-save check in front of the preview's app (once per server)."""
    app = server.get_app()
    if isinstance(app, DeskMiddleware):
        return
    server.set_app(DeskMiddleware(app, root, getattr(server, "mount_path", "/")))
