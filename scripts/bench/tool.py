"""What the harness needs from each tool's layout: where it lives, how to build it, what a cold build clears."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass
class Site:
    name: str  # column header
    root: Path  # the folder the build runs in
    command: list[str]  # the build command, run in root
    output: Path  # the built site
    caches: list[Path]  # deleted before a cold build (with output)
    edit_target: Path  # the article edited between the second build and the after-edit build
    env: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def clear(self) -> None:
        for path in [self.output, *self.caches]:
            shutil.rmtree(path, ignore_errors=True)
