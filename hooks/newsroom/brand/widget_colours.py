"""The partner widgets' colours, taken from the brand kit: swapping the kit recolours the widgets."""

from __future__ import annotations

from ..syndication.widget_items import WidgetOptions
from .colors import AA_NORMAL_TEXT, contrast_ratio, mix
from .kit_model import Brand


def widget_options(brand: Brand) -> WidgetOptions:
    """The partner widgets in the kit's colours: links in the link colour, dates in a muted text colour."""
    c = brand.colors
    return WidgetOptions(
        primary=c.link,
        accent=c.accent,
        text=c.text,
        muted=muted if contrast_ratio(muted := mix(c.text, c.background, 0.3), c.background) >= AA_NORMAL_TEXT else c.text,
        background=c.background,
        rule=mix(c.primary, c.background, 0.88),
    )
