"""What was understood: a value written another way than the canonical one, accepted and said.

A parser that accepts "03/10/2025" or "Hà Nội" returns an `Understood`; the schema turns it into a
`ContentNotice` (file, line, field, the editor's text and the canonical text). `newsroom check`
prints notices, the build logs them at INFO and never fails on them, and `newsroom check --fix`
writes the canonical text back into the front matter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .errors import ContentError


@dataclass(frozen=True)
class Understood:
    """A parsed value and the canonical YAML text for what the editor wrote."""

    value: Any
    canonical: str
    """The YAML text `--fix` writes after `key: ` (a scalar or a flow list)."""
    meaning: str = ""
    """What the value was read as, in words ("ngày 3/10/2025 lúc 00:00 giờ Việt Nam")."""


@dataclass(frozen=True)
class ContentNotice(ContentError):
    """A value accepted in another form than the canonical one; never stops the build."""

    written: str = ""
    canonical: str = ""

    def format(self) -> str:
        return f"Đã hiểu: {super().format()}"


def notice_for(rel: str, key: str, line: int | None, raw: Any, understood: Understood) -> ContentNotice:
    written = raw if isinstance(raw, str) else flow_list(raw) if isinstance(raw, list) else str(raw)
    meaning = f" ({understood.meaning})" if understood.meaning and understood.meaning != written else ""
    return ContentNotice(
        rel,
        f"'{written}' → {understood.canonical}{meaning}",
        field=key,
        line=line,
        hint=f"chạy newsroom check --fix để ghi lại thành {key}: {understood.canonical}",
        written=written,
        canonical=understood.canonical,
    )


_PLAIN_RE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\[\]{},\"]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


def yaml_scalar(text: str, *, in_list: bool = False) -> str:
    """`text` as YAML writes it: plain when that reads back as the same string, else double-quoted."""
    plain = (
        _PLAIN_RE.match(text)
        and text == text.strip()
        and text.lower() not in _RESERVED
        and not re.fullmatch(r"[-+.\d_eE:]+", text)
        and not (in_list and "," in text)
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def flow_list(items: Any) -> str:
    """A list as a YAML flow sequence: [a, b]."""
    return "[" + ", ".join(yaml_scalar(str(item), in_list=True) for item in items) + "]"
