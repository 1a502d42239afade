"""Atomic publishing (publish/): `site` is at every instant the old site or the new one.

The builder here is a stand-in for `mkdocs build -d FOLDER` (which writes a staging folder and
renames it in only on success, tested in tests/builds/test_build_atomic.py): it writes a small
tree into a scratch folder and renames it to FOLDER.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom.cli.main import main
from newsroom.publish import swap
from newsroom.publish.versions import PREVIOUS, PublishError, publish, rollback, served_version, versions_dir

HOOKS = Path(__file__).resolve().parents[3] / "hooks"
FILES = 40


def writer(label: str, fail: bool = False) -> Callable[[Path], None]:
    """A builder writing FILES pages that all say `label` (or failing halfway, writing nothing final)."""

    def build(folder: Path) -> None:
        scratch = folder.with_name(f".{folder.name}.staging")
        scratch.mkdir(parents=True)
        for number in range(FILES):
            (scratch / f"{number}.html").write_text(label, encoding="utf-8")
            if fail and number == FILES // 2:
                raise PublishError("hỏng")
        (scratch / "index.html").write_text(label, encoding="utf-8")
        os.rename(scratch, folder)

    return build


def served(dest: Path) -> str:
    """What a reader gets: the label of every page, which must be one and the same."""
    labels = {p.read_text(encoding="utf-8") for p in dest.iterdir() if p.suffix == ".html"}
    assert len(labels) == 1, labels
    assert len(list(dest.iterdir())) == FILES + 1
    return labels.pop()


def test_publish_first_time_makes_site_a_symlink_to_a_version(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    folder = publish(dest, writer("một"))
    assert dest.is_symlink() and not os.path.isabs(os.readlink(dest))
    assert served_version(dest) == folder.resolve() and folder.parent == versions_dir(dest)
    assert versions_dir(dest).name == ".site-versions"
    assert served(dest) == "một"


def test_publish_keeps_the_version_before_and_prunes_older_ones(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    first = publish(dest, writer("một"))
    second = publish(dest, writer("hai"))
    third = publish(dest, writer("ba"))
    assert served(dest) == "ba"
    versions = versions_dir(dest)
    assert sorted(p.name for p in versions.iterdir() if not p.name.startswith(".")) == sorted([second.name, third.name, PREVIOUS])
    assert os.readlink(versions / PREVIOUS) == second.name
    assert not first.exists()


def test_publish_failed_build_leaves_site_as_it_was(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    publish(dest, writer("một"))
    before = os.readlink(dest)
    with pytest.raises(PublishError):
        publish(dest, writer("hai", fail=True))
    assert os.readlink(dest) == before and served(dest) == "một"
    publish(dest, writer("ba"))  # and the next publish clears what the failed one left
    assert not [p for p in versions_dir(dest).iterdir() if p.name.endswith(".staging")]


def test_publish_migrates_a_real_site_folder(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    dest.mkdir()
    for number in range(FILES):
        (dest / f"{number}.html").write_text("cũ", encoding="utf-8")
    (dest / "index.html").write_text("cũ", encoding="utf-8")
    new = publish(dest, writer("mới"))
    assert dest.is_symlink() and served(dest) == "mới"
    kept = versions_dir(dest) / os.readlink(versions_dir(dest) / PREVIOUS)
    assert served(kept) == "cũ"
    assert kept.name < new.name  # named by when it was built
    assert rollback(dest) == kept and served(dest) == "cũ"


def test_publish_migration_without_atomic_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(swap, "_renameat2", None)
    dest = tmp_path / "site"
    dest.mkdir()
    (dest / "index.html").write_text("cũ", encoding="utf-8")
    publish(dest, writer("mới"))
    assert served(dest) == "mới"
    assert (versions_dir(dest) / PREVIOUS / "index.html").read_text(encoding="utf-8") == "cũ"


def test_rollback_switches_back_and_forth(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    with pytest.raises(PublishError, match="Không có phiên bản trước"):
        rollback(dest)
    publish(dest, writer("một"))
    with pytest.raises(PublishError, match="Không có phiên bản trước"):
        rollback(dest)
    publish(dest, writer("hai"))
    rollback(dest)
    assert served(dest) == "một"
    rollback(dest)
    assert served(dest) == "hai"


def test_publish_one_at_a_time(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    publish(dest, writer("một"))
    started, release = threading.Event(), threading.Event()

    def slow(folder: Path) -> None:
        started.set()
        release.wait(10)
        writer("chậm")(folder)

    thread = threading.Thread(target=publish, args=(dest, slow))
    thread.start()
    started.wait(10)
    try:
        with pytest.raises(PublishError, match="Đang có một lần xuất bản khác"):
            publish(dest, writer("hai"))
    finally:
        release.set()
        thread.join()
    assert served(dest) == "chậm"


def test_publish_readers_never_miss_a_page(tmp_path: Path) -> None:
    """A reader (a web server) opening pages while the site is published again and again always
    finds each one, whole, from one version or another; never a missing page or a missing site."""
    dest = tmp_path / "site"
    publish(dest, writer("0"))
    labels = {str(run) for run in range(15)}
    seen: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                for name in ("index.html", "0.html", f"{FILES - 1}.html"):
                    seen.append((dest / name).read_text(encoding="utf-8"))
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                return

    reader = threading.Thread(target=read)
    reader.start()
    for run in range(1, 15):
        publish(dest, writer(str(run)))
    done.set()
    reader.join()
    assert errors == [] and len(seen) > 10 and set(seen) <= labels
    assert served(dest) == "14"


KILLED_PUBLISH = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from newsroom.publish import versions

    dest, label, stop = Path(sys.argv[2]), sys.argv[3], sys.argv[4]

    def build(folder):
        scratch = folder.with_name("." + folder.name + ".staging")
        scratch.mkdir(parents=True)
        for number in range({files}):
            (scratch / f"{{number}}.html").write_text(label, encoding="utf-8")
            time.sleep(0.002)
        (scratch / "index.html").write_text(label, encoding="utf-8")
        os.rename(scratch, folder)

    if stop == "before-switch":  # built, not yet switched
        versions._switch = lambda dest, folder: os.kill(os.getpid(), signal.SIGKILL)
    versions.publish(dest, build)
    """
).format(files=FILES)


def _publish_in_process(dest: Path, label: str, stop: str) -> subprocess.Popen[bytes]:
    script = dest.parent / "publish_script.py"
    script.write_text(KILLED_PUBLISH, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(script), str(HOOKS), str(dest), label, stop])


def test_publish_killed_after_building_before_switching_leaves_the_old_site(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    publish(dest, writer("cũ"))
    process = _publish_in_process(dest, "mới", "before-switch")
    assert process.wait(30) == -signal.SIGKILL
    assert served(dest) == "cũ"
    built = [p for p in versions_dir(dest).iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    assert len(built) == 2  # the new version is there, complete, and not served
    publish(dest, writer("sau"))
    assert served(dest) == "sau"


@pytest.mark.parametrize("delay", [0.0, 0.03, 0.06, 0.09, 0.12, 0.14, 0.16, 0.18, 0.2, 0.25])
def test_publish_killed_at_any_moment_serves_the_old_site_or_the_new(tmp_path: Path, delay: float) -> None:
    dest = tmp_path / "site"
    publish(dest, writer("cũ"))
    process = _publish_in_process(dest, "mới", "never")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert served(dest) in {"cũ", "mới"}
    publish(dest, writer("sau"))
    assert served(dest) == "sau"
    assert not [p for p in versions_dir(dest).iterdir() if p.name.endswith(".staging")]


def test_replace_folder_over_a_symlink_removes_the_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()
    (target / "keep.txt").write_text("giữ", encoding="utf-8")
    dest = tmp_path / "dest"
    dest.symlink_to(target)
    new = tmp_path / "new"
    new.mkdir()
    (new / "index.html").write_text("mới", encoding="utf-8")
    swap.replace_folder(new, dest)
    assert not dest.is_symlink() and (dest / "index.html").read_text(encoding="utf-8") == "mới"
    assert (target / "keep.txt").read_text(encoding="utf-8") == "giữ" and not new.exists()


@pytest.mark.parametrize("atomic", [True, False])
def test_replace_folder_over_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool) -> None:
    if not atomic:
        monkeypatch.setattr(swap, "_renameat2", None)
    dest, new = tmp_path / "dest", tmp_path / "new"
    dest.mkdir()
    (dest / "old.txt").write_text("cũ", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("mới", encoding="utf-8")
    swap.replace_folder(new, dest)
    assert sorted(p.name for p in dest.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dest"]


def test_cli_publish_failed_build_says_site_is_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    (root / "articles").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: [không hợp lệ\n", encoding="utf-8")
    assert main(["--root", str(root), "publish"]) == 1
    err = capsys.readouterr().err
    assert "Dựng trang không thành công" in err and "site vẫn là bản đang đăng, không đổi" in err
    assert not (root / "site").exists()
    assert main(["--root", str(root), "rollback"]) == 1
    assert "Không có phiên bản trước để quay lại" in capsys.readouterr().err
