"""The package layout a newcomer reads (CONTRIBUTING.md, Layout): small modules, one name for one
role, and a README line for every package."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hooks" / "newsroom"
MAX_LINES = 400
SHARED_ROLES = {"__init__", "errors"}
"""Names that mean the same thing in every package: the package itself, its error types."""


def modules(folder: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def long_modules(paths: list[Path], base: Path = ROOT) -> list[str]:
    lengths = ((p, len(p.read_text(encoding="utf-8").splitlines())) for p in paths)
    return [f"{p.relative_to(base)}: {n} lines" for p, n in lengths if n > MAX_LINES]


def shared_names(paths: list[Path], base: Path = PACKAGE) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        if path.stem not in SHARED_ROLES:
            seen[path.stem].append(path.relative_to(base).as_posix())
    return {name: places for name, places in seen.items() if len(places) > 1}


def test_layout_no_module_over_400_lines() -> None:
    assert long_modules(modules()) == []


def test_layout_no_two_modules_share_a_name_unless_same_role() -> None:
    assert shared_names(modules()) == {}


def test_layout_readme_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    packages = sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)
    missing = [
        p.relative_to(ROOT).as_posix()
        for p in packages
        if f"`{p.relative_to(ROOT).as_posix()}/`" not in readme and f"`{p.name}/`" not in readme
    ]
    assert missing == []


def test_layout_guards_see_a_long_module_and_a_shared_name(tmp_path: Path) -> None:
    for package in ("a", "b"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "errors.py").write_text("", encoding="utf-8")
    (tmp_path / "a" / "views.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "b" / "views.py").write_text("y = 2\n", encoding="utf-8")

    found = modules(tmp_path)
    assert long_modules(found, tmp_path) == [f"a/views.py: {MAX_LINES + 1} lines"]
    assert shared_names(found, tmp_path) == {"views": ["a/views.py", "b/views.py"]}
