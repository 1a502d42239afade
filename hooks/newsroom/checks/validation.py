"""The one validation of a project: the build's load phase and `newsroom check` both call it.

`validate_site` reads the brand kit and every content file, then sends every image an entry uses
through the image pipeline (`MediaLibrary.process`, the very code that makes the published
variants), so `check` refuses exactly what the build refuses: a zero-byte or HEIC cover, a
broken photo, a file no entry uses. The variants land in `.cache/` by content; a second run (a
check, or the build after a check) opens only the images that changed, known by their stat.
Then the warnings (`quality.py`), which never make a run fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..brand import Brand
from ..brand.site_brand import load_site_brand
from ..content.catalog import Catalog, CatalogErrors, load_catalog
from ..content.errors import ContentError, ContentErrors, ContentWarning
from ..content.notices import ContentNotice
from ..content.taxonomy import Taxonomies
from ..images.library import MediaLibrary
from .card_titles import CardTitles
from .quality import catalog_warnings


@dataclass(frozen=True)
class Validation:
    """What one validation found: the checked inputs when there is no error, and every problem."""

    media: MediaLibrary
    brand: Brand | None
    catalog: Catalog | None
    """None when some content file has an error (the catalog is all or nothing)."""
    errors: tuple[ContentError, ...]
    """Sorted as `ContentErrors` sorts them (file, line, field)."""
    warnings: tuple[ContentWarning, ...]
    """The entries' own (pasted text: content/paste.py) and the quality warnings (quality.py)."""
    notices: tuple[ContentNotice, ...]
    """Values understood in another form than the canonical one (content/notices.py): `check --fix`."""

    @property
    def failed(self) -> bool:
        return bool(self.errors) or self.brand is None or self.catalog is None


def validate_site(root: Path, taxonomies: Taxonomies, now: datetime, cache_dir: Path) -> Validation:
    """Check the brand kit, the content and its images; never raise for a problem of the project."""
    media = MediaLibrary(cache_dir, root)
    errors: list[ContentError] = []
    brand: Brand | None = None
    catalog: Catalog | None = None
    warnings: list[ContentWarning] = []
    notices: list[ContentNotice] = []
    try:
        brand = load_site_brand(root)
    except ContentErrors as problems:
        errors += problems.errors
    try:
        catalog = load_catalog(root, taxonomies, now, cache_dir=cache_dir)
    except ContentErrors as problems:
        errors += problems.errors
        notices += [r for r in problems.remarks if isinstance(r, ContentNotice)]
        warnings += [r for r in problems.remarks if isinstance(r, ContentWarning)]
        if isinstance(problems, CatalogErrors):  # the entries that parsed: their images too, in this pass
            errors += media.process(list(problems.entries))
    if catalog is not None:
        notices += catalog.notices
        warnings += catalog.warnings
        errors += media.process(catalog.entries)
        titles = CardTitles(brand, cache_dir) if brand is not None else None
        warnings += catalog_warnings(catalog, media, root, titles)
        if titles is not None:
            titles.save()
    ordered = ContentErrors(errors).errors if errors else []
    warnings.sort(key=lambda w: (w.path, w.line or 0, w.field or ""))
    notices.sort(key=lambda n: (n.path, n.line or 0, n.field or ""))
    return Validation(media, brand, catalog, tuple(ordered), tuple(warnings), tuple(notices))
