"""The catalog: every content file read, validated and sorted into published, draft and scheduled.

This is the "nothing lost" promise in code: each file under articles/ ends up in exactly one of
`published`, `drafts`, `scheduled`, or the error list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from .cached import EntryCache
from .errors import ContentError, ContentErrors, ContentWarning, SourceError
from .model import Article, Entry, Initiative
from .notices import ContentNotice
from .reader import find_loose_files, find_sources, parse_source
from .schema import EntryErrors, parse_entry
from .taxonomy import Taxonomies
from .unused import find_unused_files

Status = Literal["published", "draft", "scheduled"]


@dataclass
class Catalog:
    now: datetime
    entries: list[Entry] = field(default_factory=list)

    def status(self, entry: Entry) -> Status:
        if entry.draft:
            return "draft"
        if entry.date > self.now:
            return "scheduled"
        return "published"

    def visible(self, include_unpublished: bool) -> list[Entry]:
        """Entries that get a page: the published ones, plus drafts and scheduled ones in a preview."""
        return [e for e in self.entries if include_unpublished or self.status(e) == "published"]

    def articles(self, include_unpublished: bool = False) -> list[Article]:
        return [e for e in self.visible(include_unpublished) if isinstance(e, Article)]

    def initiatives(self, include_unpublished: bool = False) -> list[Initiative]:
        return [e for e in self.visible(include_unpublished) if isinstance(e, Initiative)]

    @property
    def warnings(self) -> list[ContentWarning]:
        """Every entry's problems that do not stop the build, by file and line."""
        return sorted((w for e in self.entries for w in e.warnings), key=lambda w: (w.path, w.line or 0))

    @property
    def notices(self) -> list[ContentNotice]:
        """Every value accepted in another form than the canonical one (see `notices`)."""
        return sorted((n for e in self.entries for n in e.notices), key=lambda n: (n.path, n.line or 0))


class CatalogErrors(ContentErrors):
    """The catalog's problems, with the entries that did parse: their images are still checked in
    the same pass (checks/validation.py), so one run lists an unused file and a broken cover together."""

    def __init__(self, errors: list[ContentError], remarks: Sequence[ContentError], entries: Sequence[Entry]) -> None:
        super().__init__(errors, remarks)
        self.entries = tuple(entries)


def load_catalog(root: Path, taxonomies: Taxonomies, now: datetime, cache_dir: Path | None = None) -> Catalog:
    """Read every content file under `root/articles`; raise ContentErrors listing all problems.

    With `cache_dir`, a file whose inputs are unchanged since the last run is not parsed again
    (see `cached`); the checks across entries (collisions, loose files) run every time.
    """
    sources, errors = find_sources(root)
    cache = EntryCache(cache_dir, root, taxonomies) if cache_dir is not None else None
    entries: list[Entry] = []
    remarks: list[ContentError] = []
    for source in sources:
        try:
            entries.append(cache.read(source) if cache else parse_entry(parse_source(source), root, taxonomies))
        except SourceError as failure:
            errors.append(failure.error)
        except EntryErrors as problems:
            errors.extend(problems.errors)
            remarks.extend(problems.notices)
    if cache is not None:
        cache.save()
    errors.extend(find_collisions(entries))
    errors.extend(find_unused_files(root, sources, entries))
    used = {asset.src for entry in entries for asset in entry.assets}
    for path in find_loose_files(root, sources):
        if path.resolve() not in used:
            errors.append(
                ContentError(
                    path.relative_to(root).as_posix(),
                    "tệp không thuộc bài viết nào nên sẽ không được đăng",
                    hint="đặt tệp vào thư mục của bài viết (cạnh index.md) và chèn vào bài, hoặc xoá tệp",
                )
            )
    if errors:
        remarks += [remark for entry in entries for remark in (*entry.notices, *entry.warnings)]
        raise CatalogErrors(errors, remarks, entries)
    entries.sort(key=lambda e: (e.date, e.source), reverse=True)
    return Catalog(now=now, entries=entries)


def find_collisions(entries: list[Entry]) -> list[ContentError]:
    """Two entries of one kind whose slugs or aliases coincide would overwrite each other's page."""
    claims: dict[tuple[str, str], list[tuple[Entry, str]]] = defaultdict(list)
    for entry in entries:
        claims[(entry.section, entry.slug)].append((entry, "slug"))
        for alias in entry.aliases:
            if alias != entry.slug:
                claims[(entry.section, alias)].append((entry, "aliases"))
    errors = []
    for (section, slug), owners in claims.items():
        if len({e.source for e, _ in owners}) < 2:
            continue
        names = sorted({e.source for e, _ in owners})
        for entry, key in owners:
            others = ", ".join(n for n in names if n != entry.source)
            errors.append(
                ContentError(
                    entry.source,
                    f"đường dẫn /{section}/{slug}/ trùng với {others}",
                    field=key,
                    hint=f"đặt slug: {slug}-{entry.year} (hoặc một slug khác) cho một trong các bài",
                )
            )
    return errors
