"""The campaign window (e.g. 1 to 10 October): is the build's "now" inside it, and how far is the day."""

from __future__ import annotations

from datetime import date, datetime

from ..content.dates import VN_TZ
from .kit_model import Brand, Campaign, CampaignStatus, MonthDay


def campaign_window(campaign: Campaign, year: int) -> tuple[date, date, date]:
    """(start, day, end) of the campaign whose day falls in `year`; a window may run over the new year."""
    day = _on(campaign.day, year)
    start = _on(campaign.start, year if campaign.start <= campaign.day else year - 1)
    end = _on(campaign.end, year if campaign.end >= campaign.day else year + 1)
    return start, day, end


def campaign_status(brand: Brand, now: datetime) -> CampaignStatus:
    """Where `now` (aware; read as Vietnam time) stands: inside the window or not, days to the campaign day.

    Outside the window, `day` is the next campaign day and `days_left` counts down to it; inside,
    `days_left` counts down to this window's day (0 on the day and after it, until the window ends).
    """
    if now.tzinfo is None:
        raise ValueError("campaign_status cần thời điểm có múi giờ (aware datetime)")
    today = now.astimezone(VN_TZ).date()
    for year in (today.year - 1, today.year, today.year + 1):
        start, day, end = campaign_window(brand.campaign, year)
        if today <= end:
            return CampaignStatus(active=start <= today, days_left=max(0, (day - today).days), day=day)
    raise AssertionError("unreachable: next year's window always ends after today")  # pragma: no cover


def _on(month_day: MonthDay, year: int) -> date:
    return date(year, *month_day)
