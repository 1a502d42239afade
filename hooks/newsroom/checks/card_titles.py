"""Which entries' share cards cut the title, remembered between runs.

Laying a title out with the kit's fonts (up to four sizes, three lines each) costs a few
milliseconds; at 2,000 entries that is seconds of every `newsroom check`. The answer depends on
the title, the kicker, whether the card has a thumbnail, the kit (its fingerprint covers the
fonts), the card code and the renderer, so it is kept in `.cache/the-tieu-de/` by a key over all
of them. The file is rewritten with this run's keys only (no growth); an unreadable file is an
empty memo.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import PIL

from ..brand import Brand
from ..brand.cards import CARD_VERSION, card_title_lines, title_is_cut
from ..brand.layout import has_raqm
from ..cache import digest

NAMESPACE = "the-tieu-de"
MEMO_VERSION = "1"


class CardTitles:
    """`cut(title, kicker, has_thumbnail)`: the lines the card shows when it cuts the title, else None."""

    def __init__(self, brand: Brand, cache_dir: Path) -> None:
        self._brand = brand
        self._path = cache_dir / NAMESPACE / "tieu-de.json"
        self._salt = digest(MEMO_VERSION, CARD_VERSION, brand.fingerprint, f"pillow={PIL.__version__};raqm={has_raqm()}")
        self._known = _load(self._path)
        self._seen: dict[str, list[str] | None] = {}
        self.laid_out = 0
        """Titles laid out by this run (memo misses)."""

    def cut(self, title: str, kicker: str | None, has_thumbnail: bool) -> tuple[str, ...] | None:
        key = digest(self._salt, title, kicker or "", "1" if has_thumbnail else "0")
        if key in self._known:
            found = self._known[key]
        else:
            self.laid_out += 1
            cut = title_is_cut(self._brand, title, kicker, has_thumbnail)
            found = list(card_title_lines(self._brand, title, kicker, has_thumbnail)) if cut else None
        self._seen[key] = found
        return tuple(found) if found is not None else None

    def save(self) -> None:
        """Keep this run's answers (atomically); a cache that cannot be written is skipped."""
        if self._seen == self._known:
            return
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._path.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._seen, out, ensure_ascii=False, sort_keys=True)
            os.replace(temporary, self._path)
        except OSError:
            pass  # the memo only saves time; the next run lays the titles out again


def _load(path: Path) -> dict[str, list[str] | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: value
        for key, value in data.items()
        if isinstance(key, str) and (value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value)))
    }
