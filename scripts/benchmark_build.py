"""Build-time benchmark on a synthetic Vietnamese corpus. Prints figures; asserts nothing.

    .venv/bin/python scripts/benchmark_build.py --articles 2000 [--articles 10000] [--keep]

Each size is built twice in a fresh copy of the project (config, templates, docs) with the real
`mkdocs build`: cold, then again after editing one article. Peak memory is the build process's
maximum resident set size.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

WORDS = [
    "chuyển",
    "đổi",
    "số",
    "thanh",
    "niên",
    "đoàn",
    "viên",
    "tổ",
    "công",
    "nghệ",
    "số",
    "cộng",
    "đồng",
    "hướng",
    "dẫn",
    "người",
    "dân",
    "dịch",
    "vụ",
    "công",
    "trực",
    "tuyến",
    "thương",
    "mại",
    "điện",
    "tử",
    "livestream",
    "nông",
    "sản",
    "tập",
    "huấn",
    "an",
    "toàn",
    "thông",
    "tin",
    "mạng",
    "học",
    "trực",
    "tuyến",
    "khởi",
    "nghiệp",
    "hạ",
    "tầng",
    "số",
    "xã",
    "phường",
    "tỉnh",
    "đoàn",
    "kỹ",
    "năng",
    "số",
    "điện",
    "thoại",
    "ứng",
    "dụng",
    "định",
    "danh",
    "điện",
    "tử",
]
CATEGORIES = [
    "hoat-dong",
    "to-cong-nghe-so",
    "dich-vu-cong",
    "thuong-mai-dien-tu",
    "tap-huan",
    "hoc-truc-tuyen",
    "an-toan-mang",
    "khoi-nghiep-so",
    "ha-tang-so",
    "goc-nhin",
]
PROVINCES = [
    "ha-noi",
    "bac-giang",
    "ha-giang",
    "da-nang",
    "ho-chi-minh",
    "can-tho",
    "nghe-an",
    "dak-lak",
    "quang-nam",
    "lao-cai",
    "thua-thien-hue",
    "an-giang",
]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def write_corpus(root: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for number in range(count):
        year = 2022 + number % 4
        folder = root / "articles" / "news" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = "\n\n".join(sentence(rng, 40) for _ in range(5))
        tags = ", ".join(rng.sample(WORDS, 3))
        (folder / f"bai-{number:05d}.md").write_text(
            f"""---
title: "{sentence(rng, 9)[:-1]} {number}"
date: {year}-10-{1 + number % 10:02d} {number % 24:02d}:{number % 60:02d}
authors: [Ban biên tập]
category: {CATEGORIES[number % len(CATEGORIES)]}
tags: [{tags}]
province: {PROVINCES[number % len(PROVINCES)]}
description: "{sentence(rng, 25)}"
---

{paragraphs}

## {sentence(rng, 5)[:-1]}

- {sentence(rng, 8)}
- {sentence(rng, 8)}

{sentence(rng, 60)}
""",
            encoding="utf-8",
        )
    (root / "articles" / "initiatives").mkdir(parents=True, exist_ok=True)


def make_project(root: Path) -> None:
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs", "overrides", "assets"):
        shutil.copytree(PROJECT / name, root / name)
    (root / "hooks").symlink_to(PROJECT / "hooks", target_is_directory=True)


def timed_build(root: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--quiet"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000", "HOME": str(root)},
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable); default 2000")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    args = parser.parse_args()
    print(f"{'articles':>9} {'cold build s':>13} {'after 1 edit s':>15} {'pages':>7} {'peak RSS MiB':>13}")
    for count in args.articles or [2000]:
        root = Path(tempfile.mkdtemp(prefix=f"bench-{count}-"))
        make_project(root)
        write_corpus(root, count)
        cold, peak = timed_build(root)
        edited = next((root / "articles" / "news").rglob("*.md"))
        edited.write_text(edited.read_text(encoding="utf-8") + "\nMột dòng sửa.\n", encoding="utf-8")
        warm, peak2 = timed_build(root)
        pages = sum(1 for _ in (root / "site").rglob("index.html"))
        print(f"{count:>9} {cold:>13.2f} {warm:>15.2f} {pages:>7} {max(peak, peak2):>13.0f}")
        if args.keep:
            print(f"          kept in {root}")
        else:
            shutil.rmtree(root)


if __name__ == "__main__":
    main()
