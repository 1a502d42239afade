"""Publication rules under the real MkDocs: drafts, scheduled dates, errors, reproducibility."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from sitekit import BIN, SITES, BuildSite, build_env, make_site, mkdocs_build, read

PUBLISHED = "bai-viet/bai-da-dang-ve-ngay-hoi-chuyen-doi-so/"
DRAFT = "bai-viet/ban-nhap-chua-hoan-thien/"
SCHEDULED = "bai-viet/phat-dong-chien-dich-nam-2030/"
EPOCH_2026 = "1790000000"  # 2026-09-21
EPOCH_2031 = "1950000000"  # 2031-10-16


def site_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (site / "site").rglob("*")
        if p.suffix in {".html", ".json", ".xml"}
    )


def test_build_drafts_and_scheduled_are_absent(built_site: BuildSite) -> None:
    site = built_site("drafts_and_scheduled", env=build_env(SOURCE_DATE_EPOCH=EPOCH_2026))
    assert (site / "site" / PUBLISHED / "index.html").is_file()
    assert not (site / "site" / DRAFT).exists()
    assert not (site / "site" / SCHEDULED).exists()
    everything = site_text(site)
    # No page, no listing entry, no home block, no search entry, no sitemap entry.
    assert "zzdraftword" not in everything and "ban-nhap-chua-hoan-thien" not in everything
    assert "zzscheduledword" not in everything and "phat-dong-chien-dich-nam-2030" not in everything


def test_build_scheduled_article_appears_once_due(built_site: BuildSite) -> None:
    site = built_site("drafts_and_scheduled", env=build_env(SOURCE_DATE_EPOCH=EPOCH_2031))
    assert (site / "site" / SCHEDULED / "index.html").is_file()
    assert SCHEDULED in read(site, "chuyen-muc/hoat-dong/")
    assert not (site / "site" / DRAFT).exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return str(response.read().decode("utf-8"))


def test_serve_previews_drafts_and_scheduled_with_banner(tmp_path: Path) -> None:
    site = make_site(tmp_path / "serve", SITES / "drafts_and_scheduled")
    port = _free_port()
    env = build_env(SOURCE_DATE_EPOCH=EPOCH_2026)
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        while True:
            try:
                home = _get(base)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"mkdocs serve did not start: {server.stderr.read() if server.stderr else ''}") from None
                time.sleep(0.3)
        draft = _get(base + DRAFT)
        assert "Bản nháp" in draft and "zzdraftword" in draft
        scheduled = _get(base + SCHEDULED)
        assert "Hẹn giờ đăng" in scheduled and "01/10/2030 07:00" in scheduled
        assert "Bản nháp" in home
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_build_content_errors_fail_with_every_error_and_no_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path / "bad", SITES / "bad_content")
    (site / "site").mkdir()
    (site / "site" / "published.txt").write_text("trang đang chạy", encoding="utf-8")
    result = mkdocs_build(site)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    expected = [
        "articles/news/bad_category_and_date.md:3 [date]",
        "articles/news/bad_category_and_date.md:5 [category]: 'hoat-dongg'",
        "có phải ý bạn là 'hoat-dong'?",
        "articles/news/bad_category_and_date.md:7 [colour]",
        "articles/news/no_front_matter.md:1: thiếu phần thông tin đầu bài",
        "articles/news/slug_one.md [slug]: đường dẫn /bai-viet/trung-duong-dan/ trùng với articles/news/slug_two.md",
        "articles/news/slug_two.md [slug]: đường dẫn /bai-viet/trung-duong-dan/ trùng với articles/news/slug_one.md",
        "articles/initiatives/thieu-anh/index.md:5 [members]: thành viên thứ 1 có trường không được phép: phone",
        "articles/initiatives/thieu-anh/index.md:10 [images]: không tìm thấy tệp 'anh-1.jpg'",
    ]
    for text in expected:
        assert text in out, f"missing {text!r} in:\n{out}"
    # The content is checked before MkDocs cleans the output folder: the published site stays.
    assert (site / "site" / "published.txt").read_text(encoding="utf-8") == "trang đang chạy"


def _tree_digest(folder: Path) -> dict[str, str]:
    """Every file of a built site, the search index included, by path, as a hash of its bytes."""
    digests = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    return {rel: hashlib.sha256(p.read_bytes()).hexdigest() for rel, p in digests.items()}


def _vietnamese_locale() -> str:
    """vi_VN.UTF-8 where the machine has it, else C.UTF-8 (still not the C locale of the other run)."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.lower().split()
    return "vi_VN.UTF-8" if {"vi_vn.utf8", "vi_vn.utf-8"} & set(listed) else "C.UTF-8"


def test_build_is_reproducible_across_time_zones_and_locales(tmp_path: Path) -> None:
    """Reproducible output (CONTRIBUTING.md): same inputs and pinned now, byte-identical trees, Pagefind's files included
    (its filter, meta and entry files are canonicalised after it runs; each build runs it, cold)."""
    runs = {"utc-c": ("UTC", "C"), "hcm-vi": ("Asia/Ho_Chi_Minh", _vietnamese_locale())}
    digests = []
    for run, (zone, lang) in runs.items():
        env = build_env(SOURCE_DATE_EPOCH=EPOCH_2026, TZ=zone, LANG=lang, NEWSROOM_CACHE_DIR=str(tmp_path / f"cache-{run}"))
        for name in [k for k in env if k.startswith("LC_")]:
            del env[name]
        site = make_site(tmp_path / run, SITES / "basic")
        result = mkdocs_build(site, env=env)
        assert result.returncode == 0, result.stderr
        digests.append(_tree_digest(site / "site"))
    assert sorted(rel for rel in digests[0] if rel.endswith((".pf_filter", ".pf_meta", "pagefind-entry.json")))
    different = sorted(rel for rel in digests[0].keys() | digests[1].keys() if digests[0].get(rel) != digests[1].get(rel))
    assert different == []


def test_build_twice_in_one_process_gives_same_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As under `mkdocs serve`: the hook module lives on between builds; state must not pile up."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = make_site(tmp_path / "twice", SITES / "basic")
    monkeypatch.chdir(site)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2026)
    digests = []
    config = load_config(str(site / "mkdocs.yml"))
    for _ in range(2):
        config = load_config(str(site / "mkdocs.yml"))
        build(config)
        digests.append(_tree_digest(site / "site"))
    assert digests[0] == digests[1]
    assert os.path.isfile(site / "site" / "bai-viet" / "thanh-nien-ha-giang-livestream-ban-cam-sanh" / "index.html")
