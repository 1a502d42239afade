"""Related articles: shared tags first, then category, then province; newest first on ties.

Candidates come from inverted indexes capped per key, so the work per article stays bounded
and the whole pass grows linearly with the site (the build-time promise: CONTRIBUTING.md, Promises).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from ..content.model import Article, Initiative

E = TypeVar("E", Article, Initiative)

TAG_WEIGHT, CATEGORY_WEIGHT, PROVINCE_WEIGHT = 3, 2, 1
CANDIDATES_PER_KEY = 30


def _keys_of_article(article: Article) -> list[tuple[Hashable, int]]:
    keys: list[tuple[Hashable, int]] = [(("tag", tag.slug), TAG_WEIGHT) for tag in article.tags]
    keys.append((("category", article.category.key), CATEGORY_WEIGHT))
    if article.province:
        keys.append((("province", article.province.unit.key), PROVINCE_WEIGHT))
    return keys


def _keys_of_initiative(initiative: Initiative) -> list[tuple[Hashable, int]]:
    keys: list[tuple[Hashable, int]] = [(("field", initiative.field.key), CATEGORY_WEIGHT)]
    if initiative.province:
        keys.append((("province", initiative.province.unit.key), PROVINCE_WEIGHT))
    return keys


def find_related(entries: Sequence[E], limit: int = 4) -> dict[str, list[E]]:
    """For each entry (by source path), up to `limit` related entries.

    `entries` must be sorted newest first; the index keeps the entries nearest in time to each
    other under each key, so a big category does not make every lookup scan all of it.
    """
    keys_of: Callable[[E], list[tuple[Hashable, int]]] = (
        _keys_of_article if entries and isinstance(entries[0], Article) else _keys_of_initiative  # type: ignore[assignment]
    )
    position = {entry.source: index for index, entry in enumerate(entries)}
    index: dict[Hashable, list[E]] = defaultdict(list)
    for entry in entries:
        for key, _ in keys_of(entry):
            index[key].append(entry)
    slot: dict[tuple[Hashable, str], int] = {}
    for key, members in index.items():
        for number, member in enumerate(members):
            slot[(key, member.source)] = number

    related: dict[str, list[E]] = {}
    for entry in entries:
        scores: dict[str, int] = defaultdict(int)
        lookup: dict[str, E] = {}
        for key, weight in keys_of(entry):
            members = index[key]
            here = slot[(key, entry.source)]
            low = max(0, here - CANDIDATES_PER_KEY // 2)
            for other in members[low : low + CANDIDATES_PER_KEY]:
                if other.source != entry.source:
                    scores[other.source] += weight
                    lookup[other.source] = other
        ranked = sorted(scores, key=lambda source: (-scores[source], abs(position[source] - position[entry.source])))
        related[entry.source] = [lookup[source] for source in ranked[:limit]]
    return related
