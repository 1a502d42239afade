"""The benchmark harness (scripts/bench): a deterministic corpus, valid for this project, and three layouts that build."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from scripts.bench import column, hugo_site, material_blog
from scripts.bench.corpus import generate
from scripts.bench.measure import build, site_size

SMALL = (160, 120)


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_same_seed_same_files(tmp_path: Path) -> None:
    hashes = []
    for name in ("a", "b"):
        corpus = generate(5, tmp_path / name / "pool", seed=7, image_size=SMALL)
        column.write_articles(corpus, tmp_path / name / "articles")
        hashes.append(tree_hash(tmp_path / name))
    assert hashes[0] == hashes[1]
    other = generate(5, tmp_path / "c" / "pool", seed=8, image_size=SMALL)
    column.write_articles(other, tmp_path / "c" / "articles")
    assert tree_hash(tmp_path / "c") != hashes[0]


def test_three_layouts_build(tmp_path: Path) -> None:
    """N=12 (N/10 gives one initiative, so the initiative schema is exercised): strict build of ours, Material's and Hugo's."""
    corpus = generate(12, tmp_path / "pool", image_size=SMALL)
    assert len(corpus.initiatives) == 1
    log = tmp_path / "build.log"
    for maker in (column.lay_out, material_blog.lay_out, hugo_site.lay_out):
        site = maker(corpus, tmp_path / maker.__module__.rsplit(".", 1)[1])
        result = build(site, log)
        assert result.seconds > 0, log.read_text(encoding="utf-8")
        size, files = site_size(site.output)
        assert size > 0 and files > 0
    assert (tmp_path / "column" / "site" / column.page_url(corpus.articles[0].slug) / "index.html").exists()
    assert list((tmp_path / "hugo_site" / "site").rglob("cover_*.webp"))


def test_column_check_passes(tmp_path: Path) -> None:
    corpus = generate(12, tmp_path / "pool", image_size=SMALL)
    site = column.lay_out(corpus, tmp_path / "column")
    done = subprocess.run([str(Path(sys.executable).parent / "newsroom"), "check"], cwd=site.root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
