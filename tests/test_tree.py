"""The unit tests mirror the packages: tests/unit/<package>/test_*.py for hooks/newsroom/<package>/.

A test of a top-level module (routes.py, cache.py...) sits directly in tests/unit/ and is named after
it; the shared kits (content_kit.py...) and conftest.py sit there too, where tests/unit/conftest.py
puts them on sys.path for every folder below.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
UNIT = TESTS / "unit"
PACKAGE = TESTS.parent / "hooks" / "newsroom"


def packages() -> set[str]:
    return {p.parent.name for p in PACKAGE.glob("*/__init__.py")}


def top_modules() -> set[str]:
    return {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}


def misplaced(unit: Path, package_names: set[str], module_names: set[str]) -> list[str]:
    """Every file or folder of the unit-test tree that does not mirror the package, with the reason."""
    problems: list[str] = []
    for entry in sorted(unit.iterdir()):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            if entry.name not in package_names:
                problems.append(f"{entry.name}/: no package hooks/newsroom/{entry.name}/")
                continue
            for inner in sorted(entry.rglob("*")):
                if "__pycache__" in inner.parts or inner.is_dir():
                    if inner.is_dir() and inner.name != "__pycache__":
                        problems.append(f"{inner.relative_to(unit)}/: one folder per package, no deeper")
                    continue
                if inner.suffix == ".py" and not (inner.name.startswith("test_") or inner.name == "conftest.py"):
                    problems.append(f"{inner.relative_to(unit)}: a kit belongs in tests/unit/, beside content_kit.py")
        elif entry.name.startswith("test_") and entry.suffix == ".py":
            stem = entry.stem.removeprefix("test_")
            if not any(stem == m or stem.startswith(f"{m}_") for m in module_names):
                problems.append(f"{entry.name}: a package's test goes in tests/unit/<package>/")
    return problems


def test_unit_tests_mirror_the_packages() -> None:
    assert misplaced(UNIT, packages(), top_modules()) == []


def test_every_package_has_a_unit_test_folder() -> None:
    missing = {name for name in packages() if not any((UNIT / name).glob("test_*.py"))}
    assert missing == set()


def test_the_guard_finds_a_stray_test_and_a_folder_without_package(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "test_reader.py").write_text("", encoding="utf-8")
    (tmp_path / "content" / "helpers.py").write_text("", encoding="utf-8")
    (tmp_path / "content" / "deeper").mkdir()
    (tmp_path / "misc").mkdir()
    (tmp_path / "test_feeds.py").write_text("", encoding="utf-8")
    (tmp_path / "test_routes_literals.py").write_text("", encoding="utf-8")
    (tmp_path / "content_kit.py").write_text("", encoding="utf-8")
    assert misplaced(tmp_path, {"content", "syndication"}, {"routes"}) == [
        "content/deeper/: one folder per package, no deeper",
        "content/helpers.py: a kit belongs in tests/unit/, beside content_kit.py",
        "misc/: no package hooks/newsroom/misc/",
        "test_feeds.py: a package's test goes in tests/unit/<package>/",
    ]
