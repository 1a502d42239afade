"""The Nu HTML checker (npm `vnu-jar`, the W3C validator) finds no error in any page type's built HTML.

All pages go through one JVM run. Types that are a state of another type's page (search dialog open,
lightbox open) are left out: their HTML is that page's, and what scripts add in the browser is
checked by axe (test_accessibility.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from page_types import PAGE_TYPES, PageType, find_url, html_path
from sitekit import PROJECT

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHECKED_TYPES = [t for t in PAGE_TYPES if t.interact is None]


@pytest.fixture(scope="module")
def vnu_errors(sample_site: Path) -> dict[Path, list[str]]:
    """Each checked page's file → the checker's errors on it ("line N: message: extract")."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: apt-get install default-jre-headless (the .ci/run script does it)")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(PROJECT)} is missing: run `npm ci` (make test does it)")
    urls = [t.find(sample_site) for t in CHECKED_TYPES]  # a type the sample lacks fails in its own test
    files = sorted({html_path(sample_site, url).resolve() for url in urls if url is not None})
    # One JVM for every page: starting it costs more than checking a page.
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu checker did not run (exit {result.returncode}):\n{result.stderr[-2000:]}")
    errors: dict[Path, list[str]] = {path: [] for path in files}
    for message in report["messages"]:
        path = Path(unquote(message.get("url", "").removeprefix("file:"))).resolve()
        if message.get("type") != "error" or path not in errors:
            pytest.fail(f"the Nu checker could not check the pages: {message}")
        errors[path].append(f"line {message.get('lastLine', '?')}: {message['message']}: {message.get('extract', '').strip()}")
    return errors


@pytest.mark.parametrize("page_type", CHECKED_TYPES, ids=lambda t: t.name)
def test_html_validity_nu_checker_finds_no_error(
    vnu_errors: dict[Path, list[str]], sample_site: Path, page_type: PageType
) -> None:
    url = find_url(sample_site, page_type)
    errors = vnu_errors[html_path(sample_site, url).resolve()]
    assert errors == [], f"{page_type.name} (/{url}):\n" + "\n".join(errors)
