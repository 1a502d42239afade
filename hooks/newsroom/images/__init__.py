"""The image pipeline: upright, stripped, responsive variants, cached by content hash.

    settings = ImageSettings()
    pipeline = ImagePipeline(ContentCache(root / ".cache", "images", "1"), settings)
    results = pipeline.process_many([("articles/news/2024/bai/anh-bia.jpg", path), ...])
    html = render_img(results[job_id], base_url, alt, sizes="(min-width: 60em) 50vw, 100vw")

`results[job_id]` is a `ProcessedImage` (write each variant's `data` as `image.file_name(variant)`
next to the page) or an `ImageError` to report against the article file and field.
"""

from __future__ import annotations

from .errors import ImageError
from .picture import render_img
from .pipeline import ImagePipeline
from .processing import ProcessedImage, Variant, process_image
from .settings import ImageSettings

__all__ = ["ImageError", "ImagePipeline", "ImageSettings", "ProcessedImage", "Variant", "process_image", "render_img"]
