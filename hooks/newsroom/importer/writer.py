"""Initiatives from the sheet → bundles under articles/initiatives/<year>/<slug>/, checked by the schema.

Each bundle is laid out first in a staging folder (index.md and the photos copied in) and read back
with the project's own reader and schema (`parse_source`, `parse_entry`), so what `--write` puts in
place is exactly what `newsroom check` and the build accept. Nothing is written into the project
until every bundle has passed; an entry already there (same slug or alias, or same title and
province) is replaced only with `force`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content.errors import ContentError, SourceError
from ..content.model import Initiative
from ..content.reader import Source, find_sources, parse_source
from ..content.schema import EntryErrors, parse_entry
from ..content.taxonomy import Taxonomies
from ..content.text import fold_key, strip_control
from .columns import BY_KEY
from .photos import bundle_name
from .rows import Draft, RowError

FIELD_COLUMNS = {
    "title": "title", "date": "date", "year": "year", "description": "description", "members": "name",
    "team": "team", "province": "province", "unit": "unit", "field": "field", "award": "award",
    "images": "images", "links": "links", "consent": "consent", "slug": "slug",
}
"""Front-matter key → the sheet column it came from, to name the column of a schema error."""


@dataclass(frozen=True)
class Existing:
    """An initiative already in the project."""

    source: str
    path: Path
    """What --force replaces: the bundle folder, or the single .md file."""


@dataclass(frozen=True)
class Planned:
    draft: Draft
    rel: str
    """articles/initiatives/<year>/<slug>/index.md, relative to the project root."""
    folder: Path
    """Where the bundle goes in the project."""
    text: str
    photos: tuple[tuple[Path, str], ...]
    """Each photo's file in the photo folder and its name in the bundle."""
    replaces: Existing | None = None


def existing_initiatives(root: Path, taxonomies: Taxonomies) -> dict[str, Existing]:
    """Initiatives in the project by slug, alias and "title|province": what an import must not overwrite.

    Files with errors are still counted by their folder name: an import never writes over them.
    """
    found: dict[str, Existing] = {}
    sources, _errors = find_sources(root)
    for source in sources:
        if source.kind != "initiative":
            continue
        where = Existing(source.rel, source.bundle or source.path)
        found.setdefault(f"slug:{source.bundle.name if source.bundle else source.path.stem}", where)
        try:
            entry = parse_entry(parse_source(source), root, taxonomies)
        except (SourceError, EntryErrors):
            continue
        if isinstance(entry, Initiative):
            for slug in (entry.slug, *entry.aliases):
                found.setdefault(f"slug:{slug}", where)
            if entry.province is not None:
                found.setdefault(_same(entry.title, entry.province.unit.key), where)
    return found


def _same(title: str, unit: str) -> str:
    return f"same:{fold_key(title)}|{unit}"


def render_index(draft: Draft, photo_names: list[str], sheet_name: str) -> str:
    """The bundle's index.md: front matter in the schema's keys, then the sheet's Nội dung as the body."""
    assert draft.day is not None and draft.province is not None and draft.field is not None
    day = draft.day
    meta: dict[str, Any] = {
        "title": draft.title,
        "date": f"{day:%Y-%m-%d}" if (day.hour, day.minute) == (0, 0) else f"{day:%Y-%m-%d %H:%M}",
    }
    if draft.year is not None and draft.year != day.year:
        meta["year"] = draft.year
    meta["description"] = draft.description
    if draft.team:
        meta["team"] = draft.team
    meta["members"] = draft.members
    if draft.consent:
        meta["consent"] = True
    meta["province"] = draft.province.key
    if draft.unit:
        meta["unit"] = draft.unit
    meta["field"] = draft.field.key
    if draft.award is not None:
        meta["award"] = draft.award.key
    meta["images"] = [{"src": name, "alt": photo.alt} for name, photo in zip(photo_names, draft.photos, strict=True)]
    if draft.links:
        meta["links"] = [{"label": _label(url), "url": url} for url in draft.links]
    if draft.unpublished:
        meta["draft"] = True
    meta["slug"] = draft.slug
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    origin = f"# Nhập từ bảng '{strip_control(sheet_name)}', dòng {draft.row}" + (f"–{draft.last_row}" if draft.last_row > draft.row else "")
    body = draft.body.strip()
    return f"---\n{origin.replace(chr(10), ' ')}\n{front}---\n" + (f"\n{body}\n" if body else "")


def _label(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or "Liên kết"


def plan_bundles(drafts: list[Draft], root: Path, existing: dict[str, Existing], *, force: bool, sheet_name: str) -> list[Planned]:
    """Where each good draft goes; a duplicate (in the sheet, or of an entry without `force`) becomes its error."""
    planned: list[Planned] = []
    seen: dict[str, int] = {}
    claimed: dict[str, int] = {}
    for draft in drafts:
        if not draft.ok:
            continue
        assert draft.day is not None and draft.province is not None
        year = draft.year or draft.day.year
        title_column = BY_KEY["title"].header
        keys = [f"slug:{draft.slug}", _same(draft.title, draft.province.province.unit.key)]
        twin = next((seen[k] for k in keys if k in seen), None)
        if twin is not None:
            draft.errors.append(RowError(draft.row, title_column, f"trùng với sáng kiến ở dòng {twin} (cùng tên và tỉnh, hoặc cùng đường dẫn)",
                                         "mỗi sáng kiến một dòng; nếu là hai sáng kiến khác nhau, ghi cột Đường dẫn khác nhau"))
            continue
        for key in keys:
            seen[key] = draft.row
        old = next((existing[k] for k in keys if k in existing), None)
        folder = root / "articles" / "initiatives" / str(year) / draft.slug
        if old is None and folder.exists():
            old = Existing(folder.relative_to(root).as_posix(), folder)
        if old is not None and not force:
            draft.errors.append(RowError(draft.row, title_column, f"đã có sáng kiến này: {old.source}",
                                         "không ghi đè; thêm --force để thay bằng dòng này, hoặc đổi tên sáng kiến / ghi cột Đường dẫn"))
            continue
        if old is not None and old.source in claimed:
            draft.errors.append(RowError(draft.row, title_column, f"dòng {claimed[old.source]} cũng thay {old.source}",
                                         "mỗi sáng kiến đã có chỉ được thay bằng một dòng"))
            continue
        if old is not None:
            claimed[old.source] = draft.row
        if old is not None and old.path.is_dir():
            folder = old.path  # replaced where it is: its URL and its year folder stay
        taken: set[str] = {"index.md"}
        names = [bundle_name(photo.src, taken) for photo in draft.photos]
        planned.append(Planned(
            draft=draft,
            rel=(folder / "index.md").relative_to(root).as_posix(),
            folder=folder,
            text=render_index(draft, names, sheet_name),
            photos=tuple((photo.src, name) for photo, name in zip(draft.photos, names, strict=True)),
            replaces=old,
        ))
    return planned


@contextmanager
def staging() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="newsroom-import-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def validate(planned: list[Planned], root: Path, stage: Path, taxonomies: Taxonomies,
             progress: Callable[[int], None] = lambda done: None) -> list[Planned]:
    """Lay out each bundle under `stage` (a project-shaped folder) and read it back with the real schema.

    A bundle the schema refuses gets the schema's errors on its draft (the sheet row, the column
    the key came from); the ones that pass are returned.
    """
    good = []
    for done, item in enumerate(planned, start=1):
        progress(done)
        folder = stage / item.folder.relative_to(root)
        folder.mkdir(parents=True, exist_ok=True)
        for src, name in item.photos:
            shutil.copyfile(src, folder / name)
        index = folder / "index.md"
        index.write_text(item.text, encoding="utf-8")
        source = Source("initiative", index, item.rel, bundle=folder)
        try:
            parse_entry(parse_source(source), stage, taxonomies)
        except SourceError as failure:
            item.draft.errors.append(_row_error(item.draft, failure.error))
        except EntryErrors as problems:
            item.draft.errors.extend(_row_error(item.draft, error) for error in problems.errors)
        else:
            good.append(item)
    return good


def _row_error(draft: Draft, error: ContentError) -> RowError:
    """The schema's error as the sheet's: an error without a field is about the body (Nội dung)."""
    if error.field in FIELD_COLUMNS:
        column: str | None = BY_KEY[FIELD_COLUMNS[error.field]].header
    else:
        column = BY_KEY["body"].header if error.field is None and draft.body else None
    return RowError(draft.row, column, error.message, error.hint)


def write_bundles(planned: list[Planned], root: Path, stage: Path, progress: Callable[[int], None] = lambda done: None) -> None:
    """Put the staged bundles in place; an entry replaced (--force) is removed only once all are written."""
    replaced: list[tuple[Path, Path]] = []
    written: list[Path] = []
    backup = stage / ".replaced"
    try:
        for done, item in enumerate(planned, start=1):
            progress(done)
            if item.replaces is not None and item.replaces.path.exists():
                aside = backup / str(done)
                aside.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(item.replaces.path, aside)
                replaced.append((item.replaces.path, aside))
            item.folder.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(stage / item.folder.relative_to(root), item.folder)
            written.append(item.folder)
    except OSError:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        for original, aside in replaced:
            shutil.move(aside, original)
        raise
