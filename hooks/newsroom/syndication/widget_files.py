"""The widgets' HTML, CSS and JavaScript, kept as real files in `widget/` beside this module.

They are package data (pyproject's `[tool.setuptools.package-data]`), read with importlib.resources,
so a non-editable install finds them too. `compact` turns the readable CSS and the iframe page's
script into the one-line text the widgets carry (its hash is part of the page's CSP).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, StrictUndefined, Template

_ENV = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@cache
def widget_file(name: str) -> str:
    """The text of `widget/<name>` (UTF-8), read once per process."""
    return (files(__package__) / "widget" / name).read_text(encoding="utf-8")


@cache
def widget_template(name: str) -> Template:
    """`widget/<name>` as an autoescaping Jinja template (a missing value is an error)."""
    return _ENV.from_string(widget_file(name))


@cache
def snippet_template(name: str) -> Template:
    """A copy-paste snippet: `widget/<name>` without its final newline (the snippet ends at its last tag)."""
    return _ENV.from_string(widget_file(name).removesuffix("\n"))


def compact(text: str) -> str:
    """The lines of `text` trimmed and joined with nothing between them, comment lines dropped:
    `// ...` lines and `/* ... */` blocks that start a line. Every kept line must end where a
    statement or rule may end (the files are written so)."""
    kept: list[str] = []
    in_comment = False
    for raw in text.splitlines():
        line = raw.strip()
        if in_comment:
            in_comment = "*/" not in line
            continue
        if line.startswith("/*"):
            in_comment = "*/" not in line
            continue
        if line and not line.startswith("//"):
            kept.append(line)
    return "".join(kept)


def resizer_source() -> str:
    """`routes.WIDGET_RESIZER`, the script that sizes the iframes of a partner page (a constant file)."""
    return widget_file("khung.js")
