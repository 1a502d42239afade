"""The preview's error panel: a WSGI middleware around MkDocs' LiveReloadServer app."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from newsroom.content.errors import ContentError, ContentWarning
from newsroom.engine.preview_panel import PANEL_ID, PanelMiddleware, Snapshot, install, panel_html

PAGE = '<!doctype html><html><head><title>x</title></head><body class="md"><main>Bài cũ</main></body></html>'.encode()
ERROR = ContentError("articles/news/a/index.md", "'03-10-2024 x' không phải ngày giờ hợp lệ", "date", 3, "viết theo dạng 2024-10-05")
WARNING = ContentWarning("articles/news/b/index.md", "ảnh bìa nhỏ hơn khung hiển thị", "cover", 9)


def _app(status: str, body: bytes, content_type: str = "text/html") -> Callable[..., Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]

    return app


def _snapshot(errors: tuple[ContentError, ...] = (), warnings: tuple[ContentWarning, ...] = (), pages: Mapping[str, str] | None = None) -> Snapshot:
    return lambda: (errors, warnings, bool(errors), pages or {})


def _call(middleware: PanelMiddleware, path: str) -> tuple[str, dict[str, str], bytes]:
    got: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        got["status"], got["headers"] = status, dict(headers)

    body = b"".join(middleware({"PATH_INFO": path}, start_response))
    return got["status"], got["headers"], body


def test_no_problems_passes_the_response_through_untouched() -> None:
    status, headers, body = _call(PanelMiddleware(_app("200 OK", PAGE), snapshot=_snapshot()), "/")
    assert (status, body) == ("200 OK", PAGE)
    assert PANEL_ID.encode() not in body


def test_errors_put_the_panel_right_after_body_with_file_line_field_hint_and_link() -> None:
    pages = {ERROR.path: "bai-viet/a/"}
    middleware = PanelMiddleware(_app("200 OK", PAGE), snapshot=_snapshot((ERROR,), pages=pages))
    status, headers, body = _call(middleware, "/bai-viet/khac/")
    text = body.decode("utf-8")
    assert status == "200 OK" and int(headers["Content-Length"]) == len(body)
    assert text.index('<body class="md">') + len('<body class="md">') == text.index(f'<aside id="{PANEL_ID}"')
    assert 'role="alert"' in text and "Trang chưa cập nhật: 1 lỗi" in text
    assert "articles/news/a/index.md:3 [date]" in text and "Gợi ý: viết theo dạng 2024-10-05" in text
    assert '<a href="/bai-viet/a/"' in text and "Mở trang này" in text
    assert "<main>Bài cũ</main>" in text  # the last good page is still there, under the panel


def test_editor_text_in_the_panel_is_escaped() -> None:
    hostile = ContentError("articles/x.md", "<script>alert(1)</script>", "title", 1, '"><img src=x onerror=alert(1)>')
    html = panel_html([hostile], [], {"articles/x.md": 'bai-viet/"x/'})
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and 'href="/bai-viet/&quot;x/"' in html


def test_a_page_that_never_built_gets_the_error_page_with_status_200_and_livereload() -> None:
    middleware = PanelMiddleware(
        _app("404 Not Found", b"404 Not Found"),
        snapshot=_snapshot((ERROR,)),
        inject_livereload=lambda html: html.replace(b"</body>", b"<script>livereload(7, 1)</script></body>"),
    )
    status, headers, body = _call(middleware, "/bai-viet/moi/")
    text = body.decode("utf-8")
    assert status == "200 OK" and headers["Content-Type"].startswith("text/html")
    assert "Trang này chưa dựng được" in text and "articles/news/a/index.md:3 [date]" in text
    assert "livereload(7, 1)" in text and int(headers["Content-Length"]) == len(body)
    assert "bản dựng tốt gần nhất" not in text  # nothing of this page was ever built


def test_a_missing_image_stays_a_404_and_other_files_are_untouched() -> None:
    missing = PanelMiddleware(_app("404 Not Found", b"404 Not Found"), snapshot=_snapshot((ERROR,)))
    assert _call(missing, "/anh/abc/x.jpg")[0] == "404 Not Found"
    css = b"body{color:red}"
    style = PanelMiddleware(_app("200 OK", css, "text/css"), snapshot=_snapshot((ERROR,)))
    assert _call(style, "/assets/x.css")[2] == css


def test_warnings_alone_show_a_status_panel_and_no_error_page() -> None:
    middleware = PanelMiddleware(_app("200 OK", PAGE), snapshot=_snapshot(warnings=(WARNING,)))
    text = _call(middleware, "/")[2].decode("utf-8")
    assert 'role="status"' in text and "1 cảnh báo (không chặn việc dựng trang)" in text
    assert "Trang chưa cập nhật" not in text and "ảnh bìa nhỏ hơn khung hiển thị" in text
    missing = PanelMiddleware(_app("404 Not Found", b"404 Not Found"), snapshot=_snapshot(warnings=(WARNING,)))
    assert _call(missing, "/bai-viet/moi/")[0] == "404 Not Found"


def test_warnings_alone_are_folded_in_the_flow_and_open_on_their_own_page() -> None:
    other = ContentWarning("articles/news/c/index.md", "tiêu đề bị cắt trên ảnh chia sẻ", "title", 2)
    pages = {WARNING.path: "bai-viet/b/", other.path: "bai-viet/c/"}
    middleware = PanelMiddleware(_app("200 OK", PAGE), snapshot=_snapshot(warnings=(other, WARNING), pages=pages))

    elsewhere = _call(middleware, "/")[2].decode("utf-8")
    assert "<details>" in elsewhere and "<details open>" not in elsewhere  # folded: a site has many
    assert "position:fixed" not in elsewhere  # in the page's flow, never over its header

    own = _call(middleware, "/bai-viet/b/")[2].decode("utf-8")
    assert "<details open>" in own and "2 cảnh báo (không chặn việc dựng trang), 1 của trang này" in own
    assert own.index("ảnh bìa nhỏ hơn khung hiển thị") < own.index("tiêu đề bị cắt trên ảnh chia sẻ")  # its own first


def test_errors_and_warnings_together_count_only_the_errors_in_the_heading() -> None:
    html = panel_html([ERROR], [WARNING], {})
    assert "Trang chưa cập nhật: 1 lỗi" in html and "<details" in html and "1 cảnh báo" in html


def test_livereload_polls_are_never_wrapped() -> None:
    middleware = PanelMiddleware(_app("200 OK", b"123", "text/plain"), snapshot=_snapshot((ERROR,)))
    assert _call(middleware, "/livereload/1/2")[2] == b"123"


def test_install_wraps_the_server_app_once() -> None:
    class Server:
        mount_path = "/"
        _visible_epoch = 5

        def __init__(self) -> None:
            self.app: Any = _app("200 OK", PAGE)

        def get_app(self) -> Any:
            return self.app

        def set_app(self, app: Any) -> None:
            self.app = app

        def _inject_js_into_html(self, html: bytes, epoch: int) -> bytes:
            return html + b"<script>%d</script>" % epoch

    server = Server()
    install(server)
    install(server)
    assert isinstance(server.app, PanelMiddleware) and not isinstance(server.app.app, PanelMiddleware)
    assert server.app.inject_livereload(b"x") == b"x<script>5</script>"
