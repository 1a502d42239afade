"""The editing desk /admin/ (Decap CMS) driven in Chromium, with the real local proxy and preview.

A copy of the project's sample column is served by `mkdocs serve`; npm `decap-server` (the project's
node_modules) writes into that copy. Through the forms generated from the schema the tests create a
news article with an uploaded photo and an initiative with a 14-year-old member, edit a sample
article's title, and check what lands on disk with the column's own parser and `newsroom check`;
the preview then serves the new pages with their photos processed. Every request the desk makes
goes to 127.0.0.1 (the preview and the proxy), nothing else.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Browser, Locator, Page

from newsroom import routes
from newsroom.cli.main import main as newsroom_main
from newsroom.cms.launcher import proxy_command, proxy_env
from newsroom.content.model import Kind
from newsroom.content.reader import Source, parse_source
from preview_kit import Preview
from sitekit import PROJECT, make_site

EPOCH = "1790000000"  # 2026-09-21: the sample's entries are published
TIMEOUT = 60_000
SAMPLE = Path("articles/news/2023/wifi-diem-truong-vung-cao-ha-giang/index.md")
SHOTS = Path("/tmp")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Desk:
    site: Path
    preview: Preview
    proxy_port: int

    @property
    def url(self) -> str:
        return self.preview.url


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    base = tmp_path_factory.mktemp("cms")
    site = make_site(base / "site", PROJECT)
    port = _free_port()
    command = proxy_command(site)
    assert command is not None, "decap-server is not installed: npm install --ignore-scripts"
    log = (base / "proxy.log").open("w", encoding="utf-8")
    proxy = subprocess.Popen(command, cwd=site, env=proxy_env(site, port), stdout=log, stderr=subprocess.STDOUT)
    preview = Preview(site, base / "cache", SOURCE_DATE_EPOCH=EPOCH, NEWSROOM_CMS_PROXY_PORT=str(port))
    try:
        preview.wait(lambda: (preview.get("admin/") or (0, ""))[0] == 200, "the first build", timeout=600)
        yield Desk(site, preview, port)
    finally:
        preview.stop()
        proxy.terminate()
        proxy.wait(timeout=30)
        log.close()


@pytest.fixture
def desk_page(browser: Browser, desk: Desk) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1400, "height": 900})
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(desk.url + "admin/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Bộ sưu tập").first.wait_for()
    yield page, requests
    context.close()
    hosts = {url.split("/")[2] for url in requests if url.startswith("http")}
    assert hosts <= {f"127.0.0.1:{desk.preview.port}", f"127.0.0.1:{desk.proxy_port}"}, sorted(hosts)
    assert not [url for url in requests if not url.startswith(("http://127.0.0.1:", "blob:", "data:"))]


def field(page: Page, name: str) -> Locator:
    return page.locator(f'[id^="{name}-field-"]').first


def control(page: Page, name: str) -> Locator:
    """The whole control of a field (label, widget, hint)."""
    return page.locator(f'label[for^="{name}-field-"]').first.locator("xpath=../..")


def choose(page: Page, name: str, label: str) -> None:
    box = field(page, name)
    box.click()
    box.fill(label)
    page.get_by_role("option", name=label, exact=True).click()


def upload(page: Page, button: Locator, photo: Path) -> None:
    button.click()
    page.locator("input[type=file]").first.set_input_files(str(photo))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()


def type_body(page: Page, lines: list[str]) -> None:
    """Markdown typed in the body's Markdown mode (the rich-text mode would escape '##' and '-')."""
    widget = page.locator('div[aria-label="Ô markdown"]')
    widget.get_by_role("switch").click()  # "Văn bản định dạng" -> "Markdown"
    editor = widget.locator("textarea, [contenteditable=true]").first
    editor.click()
    for number, line in enumerate(lines):
        page.keyboard.type(line)
        if number < len(lines) - 1:
            page.keyboard.press("Enter")


def publish(page: Page) -> None:
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").click()


def photo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    image = Image.new("RGB", (1600, 1000), (30, 120, 200))
    for x in range(0, 1600, 80):
        image.paste((240, 180, 40), (x, 0, x + 40, 1000))
    image.save(path, quality=85)
    return path


def front_matter(path: Path, kind: Kind = "news") -> tuple[dict[str, Any], str]:
    parsed = parse_source(Source(kind, path, path.name, bundle=path.parent))
    return parsed.meta, parsed.body


def wait_for(condition: Any, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.3)


def check_passes(site: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = newsroom_main(["--root", str(site), "check"])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    return out.out


def test_cms_creates_a_news_article_with_a_photo(
    desk: Desk, desk_page: tuple[Page, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, _requests = desk_page
    page.screenshot(path=str(SHOTS / "h13-list.png"))
    page.goto(desk.url + "admin/#/collections/tin-bai/new")
    field(page, "title").fill("Đoàn thanh niên Đắk Lắk tổ chức hội thi tin học trẻ")
    field(page, "date").fill("2025-10-05T08:30")
    field(page, "authors").fill("Nguyễn Văn A, Trần Thị B")
    choose(page, "category", "Hoạt động hưởng ứng")
    field(page, "tags").fill("tin học, thanh niên")
    choose(page, "province", "Đắk Lắk")
    field(page, "description").fill("Hơn 200 đoàn viên tham gia hội thi tin học trẻ của tỉnh.")
    upload(page, control(page, "cover").get_by_role("button").first, photo(tmp_path, "anh-hoi-thi.jpg"))
    field(page, "cover_alt").fill("Các thí sinh làm bài thi trên máy tính")
    type_body(page, ["Hội thi diễn ra trong hai ngày.", "", "## Các phần thi", "", "- Lập trình", "- Thiết kế đồ hoạ"])
    page.screenshot(path=str(SHOTS / "h13-form.png"))
    publish(page)
    folder = desk.site / "articles/news/2025/doan-thanh-nien-dak-lak-to-chuc-hoi-thi-tin-hoc-tre"
    wait_for(lambda: (folder / "index.md").is_file() and (folder / "anh-hoi-thi.jpg").is_file(), "the saved bundle")
    meta, body = front_matter(folder / "index.md")
    assert meta["title"] == "Đoàn thanh niên Đắk Lắk tổ chức hội thi tin học trẻ"
    assert meta["category"] == "hoat-dong" and meta["province"] == "dak-lak"
    assert meta["tags"] == ["tin học", "thanh niên"] and meta["authors"] == ["Nguyễn Văn A", "Trần Thị B"]
    assert meta["cover"] == "anh-hoi-thi.jpg" and str(meta["date"]).startswith("2025-10-05 08:30")
    assert "## Các phần thi" in body and "- Lập trình" in body
    check_passes(desk.site, capsys)
    url = "bai-viet/doan-thanh-nien-dak-lak-to-chuc-hoi-thi-tin-hoc-tre/"
    desk.preview.wait(lambda: "hội thi tin học trẻ" in desk.preview.text(url), "the new page in the preview")
    html = desk.preview.text(url)
    assert '<h2 id="cac-phan-thi">Các phần thi' in html and "<li>Lập trình</li>" in html and "<li>Thiết kế đồ hoạ</li>" in html
    assert routes.IMAGES in html and ".webp" in html and "srcset" in html  # the photo as processed variants


def test_cms_initiative_with_a_minor_needs_consent(
    desk: Desk, desk_page: tuple[Page, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, _requests = desk_page
    page.goto(desk.url + "admin/#/collections/sang-kien/new")
    field(page, "title").fill("Ứng dụng đọc sách cho học sinh vùng cao")
    field(page, "date").fill("2025-10-09T09:00")
    field(page, "description").fill("Nhóm học sinh làm ứng dụng đọc sách không cần mạng cho điểm trường.")
    members = control(page, "members")
    members.get_by_role("button", name="Thêm thành viên").click()
    members.locator('[id^="name-field-"]').first.fill("Lò Văn Minh")
    members.locator('[id^="age-field-"]').first.fill("14")
    choose(page, "province", "Lào Cai")
    choose(page, "field", "Giáo dục")
    images = control(page, "images")
    images.get_by_role("button", name="Thêm ảnh").click()
    upload(page, images.get_by_role("button", name="Chọn một hình").first, photo(tmp_path, "anh-ung-dung.jpg"))
    images.locator('[id^="alt-field-"]').first.fill("Học sinh đọc sách trên máy tính bảng")
    type_body(page, ["Ứng dụng chạy trên máy tính bảng cũ."])
    publish(page)
    panel = page.locator("#nr-kiem-tra")
    panel.wait_for()
    assert "consent" in panel.inner_text() and "dưới 16 tuổi" in panel.inner_text()
    page.screenshot(path=str(SHOTS / "h13-precheck.png"))
    folder = desk.site / "articles/initiatives/2025/ung-dung-doc-sach-cho-hoc-sinh-vung-cao"
    assert not (folder / "index.md").exists()
    panel.get_by_role("button", name="Đóng").click()
    control(page, "consent").locator("button, input").first.click()
    publish(page)
    wait_for(lambda: (folder / "index.md").is_file() and (folder / "anh-ung-dung.jpg").is_file(), "the saved initiative")
    meta, _body = front_matter(folder / "index.md", "initiative")
    assert meta["members"] == [{"name": "Lò Văn Minh", "age": 14}] and meta["consent"] is True
    assert meta["images"] == [{"src": "anh-ung-dung.jpg", "alt": "Học sinh đọc sách trên máy tính bảng"}]
    check_passes(desk.site, capsys)
    url = "vinh-danh/ung-dung-doc-sach-cho-hoc-sinh-vung-cao/"
    desk.preview.wait(lambda: "Ứng dụng đọc sách" in desk.preview.text(url), "the initiative in the preview")
    assert routes.IMAGES in desk.preview.text(url) and ".webp" in desk.preview.text(url)


def test_cms_edit_keeps_every_other_field_and_the_body(
    desk: Desk, desk_page: tuple[Page, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    page, _requests = desk_page
    path = desk.site / SAMPLE
    before, body_before = front_matter(path)
    slug = SAMPLE.parent.name
    page.goto(desk.url + f"admin/#/collections/tin-bai/entries/{SAMPLE.parent.parent.name}/{slug}/index")
    title = field(page, "title")
    title.wait_for()
    assert title.input_value() == before["title"]
    live = page.get_by_role("link", name="Xem bản hoàn chỉnh").get_attribute("href", timeout=TIMEOUT)
    assert live is not None and live.startswith(desk.url)
    page.screenshot(path=str(SHOTS / "h13-preview.png"))
    title.fill("Mang Wi-Fi về các điểm trường vùng cao Hà Giang")
    page.screenshot(path=str(SHOTS / "h13-edit.png"))
    publish(page)
    wait_for(lambda: "về các điểm trường" in path.read_text(encoding="utf-8"), "the edited file")
    after, body_after = front_matter(path)
    assert after.pop("title") == "Mang Wi-Fi về các điểm trường vùng cao Hà Giang"
    before.pop("title")
    assert {key: str(value) for key, value in after.items()} == {key: str(value) for key, value in before.items()}
    assert body_after.strip() == body_before.strip()
    check_passes(desk.site, capsys)
