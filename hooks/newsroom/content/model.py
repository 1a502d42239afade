"""The typed content model: what an article or an initiative is once its front matter is valid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from .. import routes
from .dates import to_vn
from .errors import ContentWarning
from .notices import ContentNotice
from .taxonomy import Province, Term

Kind = Literal["news", "initiative"]


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str


@dataclass(frozen=True)
class Asset:
    """A local file an entry uses, copied next to the entry's page as `name` (a relative posix path)."""

    src: Path
    name: str


@dataclass(frozen=True)
class Image:
    asset: Asset
    alt: str


@dataclass(frozen=True)
class Member:
    name: str
    age: int | None = None
    school: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True, kw_only=True)
class Entry:
    """What news articles and initiatives share (their front matter: CONTRIBUTING.md, Front matter)."""

    kind: Kind
    source: str
    """Path of the content file, relative to the project root (posix)."""
    title: str
    slug: str
    date: datetime
    updated: datetime | None = None
    description: str
    body: str
    body_line: int
    """Line of the content file that closes the front matter; the body follows it."""
    province: Province | None = None
    unit: str | None = None
    featured: bool = False
    draft: bool = False
    aliases: tuple[str, ...] = ()
    assets: tuple[Asset, ...] = ()
    warnings: tuple[ContentWarning, ...] = ()
    """Problems of this file that never stop the build (layout pasted from Word...)."""
    notices: tuple[ContentNotice, ...] = ()
    """Values accepted in another form than the canonical one (`newsroom check --fix` rewrites them)."""

    @property
    def section(self) -> str:
        return routes.SECTIONS[self.kind]

    @property
    def url(self) -> str:
        """Site-relative URL of the entry's page, e.g. 'bai-viet/<slug>/'."""
        return routes.entry(self.section, self.slug)

    @property
    def year(self) -> int:
        return to_vn(self.date).year

    @property
    def first_slug(self) -> str:
        """The slug the entry was first published under: the oldest alias, else the slug."""
        return self.aliases[0] if self.aliases else self.slug

    def guid(self, site_host: str) -> str:
        """A feed id that survives title and slug changes (a tag: URI, RFC 4151).

        It is built from the day of `date` and the first slug the entry had; renaming keeps the
        old slug in `aliases` (oldest first), so the id does not move.
        """
        return f"tag:{site_host},{to_vn(self.date):%Y-%m-%d}:{self.section}/{self.first_slug}"


@dataclass(frozen=True, kw_only=True)
class Article(Entry):
    authors: tuple[str, ...]
    category: Term
    tags: tuple[Tag, ...] = ()
    cover: Image | None = None


@dataclass(frozen=True, kw_only=True)
class Initiative(Entry):
    campaign_year: int
    members: tuple[Member, ...]
    team: str | None = None
    field: Term
    award: Term | None = None
    images: tuple[Image, ...]
    links: tuple[Link, ...] = ()
    consent: bool = False

    @property
    def year(self) -> int:
        return self.campaign_year
