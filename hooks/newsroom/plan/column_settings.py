"""The column's settings, read from `extra.newsroom` in mkdocs.yml with MkDocs' own config options."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..cms.forms import check_backend


class NewsroomSettings(base.Config):
    per_page = c.Type(int, default=12)
    """Entries per listing page."""
    home_latest = c.Type(int, default=8)
    home_per_category = c.Type(int, default=3)
    home_initiatives = c.Type(int, default=6)
    related = c.Type(int, default=4)
    feed_items = c.Type(int, default=50)
    """Newest entries per feed."""
    cms = c.Optional(c.Type(dict))
    """The editing desk's repository backend (Decap `backend:`): with it, `mkdocs build` publishes /admin/."""


def load_settings(raw: Any) -> NewsroomSettings:
    """Validate `extra.newsroom`; raise ValueError with every problem in one message."""
    settings = NewsroomSettings()
    settings.load_dict(raw or {})
    errors, _warnings = settings.validate()
    problems = [f"extra.newsroom.{key}: {error}" for key, error in errors]
    for key in ("per_page", "home_latest", "home_per_category", "home_initiatives", "related", "feed_items"):
        if not errors and settings[key] < 1:
            problems.append(f"extra.newsroom.{key}: cần số nguyên dương, nhận được {settings[key]}")
    if not errors:
        problems += check_backend(settings.cms)
    if problems:
        raise ValueError("; ".join(problems))
    return settings
