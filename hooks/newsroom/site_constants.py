"""The site's own facts, in one place: its name and description, the social card's size and kicker."""

from __future__ import annotations

SITE_TITLE = "Chuyên mục Chuyển đổi số"
"""The column's name, as in mkdocs.yml `site_name` (feeds, cards and JSON-LD print this one)."""
SITE_DESCRIPTION = "Tin tức, hoạt động và sáng kiến số của thanh niên hưởng ứng Ngày Chuyển đổi số quốc gia 10/10."
CARD_WIDTH, CARD_HEIGHT = 1200, 630
"""Social cards: the size Facebook, Zalo and X show without cropping."""
DEFAULT_CARD_KICKER = "Ngày Chuyển đổi số quốc gia 10/10"
"""The small line above the title on the site's default card."""
