"""Pagination of listings: which cards each page shows and the links between pages (URLs from the route table)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from .. import routes

T = TypeVar("T")


def page_url(base: str, number: int) -> str:
    return routes.listing_page(base, number)


@dataclass(frozen=True)
class PageLink:
    number: int | None
    """None marks a gap ("…") between page numbers."""
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pager(Generic[T]):
    base: str
    number: int
    count: int
    items: list[T]

    @property
    def url(self) -> str:
        return page_url(self.base, self.number)

    @property
    def prev_url(self) -> str | None:
        return page_url(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return page_url(self.base, self.number + 1) if self.number < self.count else None

    @property
    def links(self) -> list[PageLink]:
        """First, last, and two either side of the current page; gaps in between."""
        wanted = sorted({1, self.count, *range(self.number - 2, self.number + 3)} & set(range(1, self.count + 1)))
        links: list[PageLink] = []
        previous = 0
        for number in wanted:
            if number > previous + 1:
                links.append(PageLink(None))
            links.append(PageLink(number, page_url(self.base, number), number == self.number))
            previous = number
        return links


def paginate(items: list[T], base: str, per_page: int) -> list[Pager[T]]:
    """Split `items` into pages; an empty listing still gets its first page."""
    count = max(1, -(-len(items) // per_page))
    return [Pager(base, n, count, items[(n - 1) * per_page : n * per_page]) for n in range(1, count + 1)]
