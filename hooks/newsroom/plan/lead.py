"""The lead a listing shows under each title: the description, cut to `LISTING_LEAD_CHARS`.

Link previews and feeds carry the whole description (up to 300 characters: content/field_values.py DESCRIPTION_MAX); a card
in a listing has room for about three lines, so a longer description is cut after a whole word
with "…". `newsroom check` warns about such a description (`checks/quality.py`), naming where the
cut falls, so the editor can write a lead that reads whole.
"""

from __future__ import annotations

LISTING_LEAD_CHARS = 200
ELLIPSIS = "…"
_TRAILING = " ,;:.-–—"


def listing_lead(description: str) -> str:
    """`description` if it has at most LISTING_LEAD_CHARS characters, else its longest start of whole
    words that fits with "…" (a single overlong word is cut inside)."""
    if len(description) <= LISTING_LEAD_CHARS:
        return description
    room = LISTING_LEAD_CHARS - len(ELLIPSIS)
    head = description[: room + 1]
    cut = head.rfind(" ")
    kept = head[:cut] if cut > 0 else description[:room]
    return kept.rstrip(_TRAILING) + ELLIPSIS
