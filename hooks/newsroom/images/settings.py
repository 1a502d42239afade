"""What the image pipeline makes: widths, qualities and limits. Its JSON form is part of every cache key."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ImageSettings:
    """Render settings of the image pipeline.

    `widths` are the target widths in CSS pixels (variants are never wider than their source);
    `max_pixels` refuses larger images before decoding them (decompression bombs);
    `placeholder` computes a dominant colour shown while the image loads.
    """

    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    webp_quality: int = 78
    jpeg_quality: int = 82
    max_pixels: int = 50_000_000
    placeholder: bool = True

    def __post_init__(self) -> None:
        widths = tuple(sorted(set(self.widths)))
        if not widths or any(not isinstance(w, int) or isinstance(w, bool) or w < 1 for w in widths):
            raise ValueError(f"widths must be positive integers, got {self.widths!r}")
        object.__setattr__(self, "widths", widths)  # normalised: sorted, unique
        for name in ("webp_quality", "jpeg_quality"):
            quality = getattr(self, name)
            if not isinstance(quality, int) or not 1 <= quality <= 100:
                raise ValueError(f"{name} must be an integer from 1 to 100, got {quality!r}")
        if not isinstance(self.max_pixels, int) or self.max_pixels < 1:
            raise ValueError(f"max_pixels must be a positive integer, got {self.max_pixels!r}")

    def to_json(self) -> str:
        """A canonical JSON form (sorted keys, no spaces): equal settings give equal text."""
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))
