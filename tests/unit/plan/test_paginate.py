"""Listings split into pages: page 1 at the base URL, page n at base + 'trang/n/'."""

from __future__ import annotations

import pytest

from newsroom.plan.paginate import PageLink, page_url, paginate

BASE = "chuyen-muc/hoat-dong/"


def test_paginate_page_url() -> None:
    assert page_url(BASE, 1) == BASE
    assert page_url(BASE, 2) == "chuyen-muc/hoat-dong/trang/2/"
    assert page_url("", 3) == "trang/3/"


@pytest.mark.parametrize(
    ("total", "per_page", "sizes"),
    [(25, 10, [10, 10, 5]), (20, 10, [10, 10]), (1, 10, [1]), (10, 10, [10]), (11, 10, [10, 1]), (3, 1, [1, 1, 1])],
)
def test_paginate_counts(total: int, per_page: int, sizes: list[int]) -> None:
    items = list(range(total))

    pages = paginate(items, BASE, per_page)

    assert [len(p.items) for p in pages] == sizes
    assert [p.number for p in pages] == list(range(1, len(sizes) + 1))
    assert all(p.count == len(sizes) for p in pages)
    assert [x for p in pages for x in p.items] == items  # order kept, nothing lost or repeated


def test_paginate_urls_prev_next() -> None:
    pages = paginate(list(range(25)), BASE, 10)

    assert [p.url for p in pages] == [BASE, f"{BASE}trang/2/", f"{BASE}trang/3/"]
    assert [p.prev_url for p in pages] == [None, BASE, f"{BASE}trang/2/"]
    assert [p.next_url for p in pages] == [f"{BASE}trang/2/", f"{BASE}trang/3/", None]


def test_paginate_empty_listing_has_one_page() -> None:
    [page] = paginate(list[int](), BASE, 12)

    assert (page.number, page.count, page.items, page.url) == (1, 1, [], BASE)
    assert page.prev_url is None and page.next_url is None
    assert page.links == [PageLink(1, BASE, True)]


def _numbers(count: int, current: int) -> list[int | None]:
    pages = paginate(list(range(count)), BASE, 1)
    return [link.number for link in pages[current - 1].links]


@pytest.mark.parametrize(
    ("count", "current", "numbers"),
    [
        (1, 1, [1]),
        (4, 1, [1, 2, 3, 4]),
        (10, 1, [1, 2, 3, None, 10]),
        (10, 5, [1, None, 3, 4, 5, 6, 7, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
        (10, 4, [1, 2, 3, 4, 5, 6, None, 10]),
        (10, 7, [1, None, 5, 6, 7, 8, 9, 10]),
    ],
)
def test_paginate_links_with_gaps(count: int, current: int, numbers: list[int | None]) -> None:
    assert _numbers(count, current) == numbers


def test_paginate_links_urls_and_current() -> None:
    pages = paginate(list(range(10)), BASE, 1)

    links = pages[4].links

    assert [link.current for link in links if link.number is not None] == [False, False, False, True, False, False, False]
    assert all(link.url == "" and not link.current for link in links if link.number is None)
    assert {link.number: link.url for link in links if link.number} == {n: page_url(BASE, n) for n in (1, 3, 4, 5, 6, 7, 10)}
