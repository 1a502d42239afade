"""`mkdocs serve`: the build's problems shown in the browser, on every page.

A WSGI middleware around the app of MkDocs' LiveReloadServer (installed by `install` from
`on_serve`). While the last build has problems (engine/preview_problems.py):

- every HTML page it serves gets a fixed Vietnamese panel right after `<body>`: "Trang chưa cập
  nhật: N lỗi", each error with its file, line, field, message and hint, and a link to the page it
  concerns; the warnings below, folded. The page itself is the last good build's;
- a page that does not exist (content that never built) is answered with a Vietnamese error page
  listing the errors, with status 200 and MkDocs' livereload script, so the tab reloads by itself
  once the content is fixed instead of showing a bare 404.

Once a build is clean the panel is gone: the middleware passes every response through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any

from ..content.errors import ContentError, ContentWarning
from .preview_problems import PROBLEMS

Snapshot = Callable[[], tuple[tuple[ContentError, ...], tuple[ContentWarning, ...], bool, Mapping[str, str]]]
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

PANEL_ID = "nr-preview-panel"
_BODY_RE = re.compile(rb"<body\b[^>]*>", re.I)

_PANEL_STYLE = (
    "position:fixed;z-index:10000;top:0;left:0;right:0;max-height:55vh;overflow:auto;margin:0;"
    "padding:.75rem 1rem;background:#fff4f4;color:#3b0d0d;border-bottom:3px solid #b3261e;"
    "box-shadow:0 2px 8px rgba(0,0,0,.25);font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif"
)
_WARN_STYLE = (
    _PANEL_STYLE.replace("position:fixed;z-index:10000;top:0;left:0;right:0;", "position:relative;z-index:10000;")
    .replace("max-height:55vh;", "max-height:40vh;")
    .replace("#fff4f4", "#fffbe6")
    .replace("#3b0d0d", "#3a2e00")
    .replace("#b3261e", "#b58900")
)
"""Warnings only: in the page's flow above the header, never covering it."""


def _where(problem: ContentError) -> str:
    where = problem.path if problem.line is None else f"{problem.path}:{problem.line}"
    return where + (f" [{problem.field}]" if problem.field else "")


def _item(problem: ContentError, pages: Mapping[str, str], mount: str) -> str:
    message = problem.message
    hint = f'<br><span style="color:#4a4a4a">Gợi ý: {escape(problem.hint)}</span>' if problem.hint else ""
    url = pages.get(problem.path)
    link = f' <a href="{escape(mount + url)}" style="color:#0b57d0">Mở trang này</a>' if url is not None else ""
    return (
        f'<li style="margin:.35rem 0"><code style="font-weight:600;word-break:break-all">{escape(_where(problem))}</code>'
        f": {escape(message)}{hint}{link}</li>"
    )


def panel_html(
    errors: Iterable[ContentError],
    warnings: Iterable[ContentWarning],
    pages: Mapping[str, str],
    mount: str = "/",
    *,
    last_good: bool = True,
    current: str | None = None,
) -> str:
    """The panel: errors first (the page under it is the last good build's, if `last_good`), then the warnings.

    Warnings alone make a folded strip in the page's flow, not over it: a site has many (a title the
    share card cuts...), and each page opens only its own, listed first (`current` is the page's path)."""
    errors, warnings = list(errors), list(warnings)
    own = [w for w in warnings if current is not None and pages.get(w.path) is not None and mount + pages[w.path] == current]
    warnings = own + [w for w in warnings if w not in own]
    parts: list[str] = []
    if errors:
        heading = f"Trang chưa cập nhật: {len(errors)} lỗi"
        parts.append(
            f'<p style="margin:.25rem 0 .5rem;font-size:1.15rem;font-weight:700" id="{PANEL_ID}-h">{heading}</p>'
            '<p style="margin:0 0 .25rem">'
            + ("Trang bạn đang xem là bản dựng tốt gần nhất. " if last_good else "")
            + "Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.</p>"
            '<ol style="margin:.25rem 0;padding-left:1.5rem">' + "".join(_item(e, pages, mount) for e in errors) + "</ol>"
        )
    if warnings:
        summary = f"{len(warnings)} cảnh báo (không chặn việc dựng trang)"
        items = "".join(_item(w, pages, mount) for w in warnings)
        if errors:
            parts.append(f'<details style="margin-top:.35rem"><summary>{summary}</summary><ol style="padding-left:1.5rem">{items}</ol></details>')
        else:
            mine = f", {len(own)} của trang này" if own else ""
            parts.append(
                f'<details{" open" if own else ""}><summary style="cursor:pointer;font-weight:700" id="{PANEL_ID}-h">'
                f"{summary}{mine}</summary>"
                f'<ol style="margin:.25rem 0;padding-left:1.5rem">{items}</ol></details>'
            )
    role, style = ("alert", _PANEL_STYLE) if errors else ("status", _WARN_STYLE)
    return f'<aside id="{PANEL_ID}" role="{role}" aria-labelledby="{PANEL_ID}-h" lang="vi" style="{style}">{"".join(parts)}</aside>'


def error_page_html(panel: str) -> str:
    """What a page that never built shows: the errors, and what to do."""
    return (
        '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>Trang chưa dựng được</title></head>"
        '<body style="margin:0;font:16px/1.5 system-ui,sans-serif">'
        f"{panel}"
        '<main style="max-width:40rem;margin:60vh auto 2rem;padding:0 1rem">'
        "<h1>Trang này chưa dựng được</h1>"
        "<p>Nội dung của trang có lỗi nên bản xem trước chưa từng dựng được nó. Sửa các lỗi ở khung phía trên rồi lưu tệp:"
        " trang sẽ tự tải lại.</p>"
        '<p><a href="/">Về trang chủ của bản xem trước</a></p></main></body></html>'
    )


def _is_page_path(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


class PanelMiddleware:
    """Wraps MkDocs' preview app: a panel on each HTML page while the last build has problems."""

    def __init__(
        self,
        app: WSGIApp,
        *,
        snapshot: Snapshot = PROBLEMS.snapshot,
        inject_livereload: Callable[[bytes], bytes] = lambda html: html,
        mount_path: str = "/",
    ) -> None:
        self.app = app
        self.snapshot = snapshot
        self.inject_livereload = inject_livereload
        self.mount_path = mount_path

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        errors, warnings, _failed, pages = self.snapshot()
        path = str(environ.get("PATH_INFO", "/"))
        if (not errors and not warnings) or path.startswith("/livereload/"):
            return self.app(environ, start_response)
        captured: dict[str, Any] = {}
        chunks: list[bytes] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            captured["status"], captured["headers"] = status, headers
            return chunks.append

        result = self.app(environ, capture)
        try:
            chunks.extend(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        status: str = captured.get("status", "500 Internal Server Error")
        headers: list[tuple[str, str]] = list(captured.get("headers", []))
        body = b"".join(chunks)
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if status.startswith("404") and errors and _is_page_path(path):
            panel = panel_html(errors, warnings, pages, self.mount_path, last_good=False)
            body = self.inject_livereload(error_page_html(panel).encode("utf-8"))
            status, headers = "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
        elif content_type.startswith("text/html"):
            panel_bytes = panel_html(errors, warnings, pages, self.mount_path, current=path).encode("utf-8")
            match = _BODY_RE.search(body)
            at = match.end() if match else 0
            body = body[:at] + panel_bytes + body[at:]
        else:
            start_response(status, headers)
            return [body]
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + [("Content-Length", str(len(body)))]
        start_response(status, headers)
        return [body]


def install(server: Any) -> None:
    """`on_serve`: put the middleware around the LiveReloadServer's app (a wsgiref WSGIServer)."""
    if isinstance(server.get_app(), PanelMiddleware):
        return

    def inject(html: bytes) -> bytes:
        # MkDocs' own livereload script, with the epoch the open tab must wait past.
        return bytes(server._inject_js_into_html(html, server._visible_epoch))

    server.set_app(PanelMiddleware(server.get_app(), inject_livereload=inject, mount_path=getattr(server, "mount_path", "/")))
