"""The column's images in the build: every cover, initiative photo and image
in a body goes through the image pipeline; the site serves only the upright, stripped variants.

`MediaLibrary.process` runs once per build, before MkDocs cleans `site/`, so a bad image is an
error naming the article file, the field and the image. Variants are written once into
`.cache/` (content-addressed) and served from there, so a build holds no image bytes in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger

from .. import routes
from ..cache import ContentCache, FileHashes
from ..content.errors import ContentError
from ..content.model import Article, Asset, Entry, Initiative
from ..content.safe_files import IMAGE_SUFFIXES
from . import ImageError, ImagePipeline, ImageSettings, ProcessedImage, render_img
from .body_figures import SIZES as FIGURE_SIZES
from .picture import NAME_SAFE, ShownImage
from .processing import Variant
from .published import Manifest, Manifests

CACHE_VERSION = "1"
log = get_plugin_logger("newsroom")
_IMG_RE = re.compile(r"<img\b[^>]*>")
_ATTR_RE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def is_image(asset: Asset) -> bool:
    return asset.src.suffix.lower() in IMAGE_SUFFIXES


@dataclass(frozen=True)
class PublishedImage:
    """An image as the site serves it: variant metadata (no bytes) and where each file lies."""

    image: ProcessedImage
    digest: str
    """Hash of the variants' bytes: names the image's folder on the site."""
    files: dict[str, Path]
    """Variant name suffix ('-800.webp') -> the file under .cache/."""
    sizes: dict[str, int]

    def named(self, stem: str) -> PublishedImage:
        """The same image published under another stem (the asset's name without suffix)."""
        return replace(self, image=self.image.with_stem(stem))

    @property
    def folder(self) -> str:
        """Site path of the variants' folder ('anh/<digest>/')."""
        return routes.image_folder(self.digest[:DIGEST_CHARS])

    def uri(self, variant: Variant) -> str:
        """The variant's site path (its file in site/), as written on disk: not yet a URL."""
        return self.folder + self.image.file_name(variant)

    def url(self, variant: Variant) -> str:
        """The variant's site path as a URL: spaces, '&', '#', '?', '%' and letters with marks encoded."""
        return quote(self.uri(variant), safe=NAME_SAFE)

    def enclosure(self) -> tuple[str, int, str]:
        """The largest JPEG/PNG: what feeds attach (URL path from the site root, bytes, MIME type)."""
        largest = self.image.largest_fallback
        return self.url(largest), self.sizes[largest.name_suffix], largest.mime


@dataclass
class MediaLibrary:
    cache_dir: Path
    root: Path
    settings: ImageSettings = field(default_factory=ImageSettings)
    published: dict[Path, PublishedImage] = field(default_factory=dict)
    encoded: int = 0
    reused: int = 0
    hashes: FileHashes | None = None
    """The SHA-256 of every image source, by stat, once `process` ran (the social cards reuse it)."""
    listed: int = 0
    """Images known from their manifest: no byte of them read by this build."""

    def process(self, entries: list[Entry]) -> list[ContentError]:
        """Process every image asset of `entries`; the errors name each file that uses a bad image."""
        users: dict[Path, list[tuple[Entry, str | None]]] = {}
        for entry in entries:
            fields = _fields_of(entry)
            for asset in entry.assets:
                if is_image(asset):
                    users.setdefault(asset.src, []).append((entry, fields.get(asset.src)))
        pipeline = ImagePipeline(ContentCache(self.cache_dir, "anh", CACHE_VERSION), self.settings)
        hashes = self.hashes = FileHashes.load(self.cache_dir / "anh-bam" / "hashes.json")
        manifests = Manifests(ContentCache(self.cache_dir, "anh-ban-ke", CACHE_VERSION))
        known: dict[str, PublishedImage | None] = {}  # pipeline key -> its variants, checked once per build
        keys: dict[Path, str] = {}
        jobs: list[tuple[str, Path]] = []
        for path in users:
            try:
                keys[path] = key = pipeline.cache_key(hashes.sha256(path))
            except OSError:
                jobs.append((str(path), path))  # the pipeline names the problem
                continue
            if key not in known:
                known[key] = self._from_manifest(manifests.get(key, path.stem))
            found = known[key]
            if found is None:
                jobs.append((str(path), path))
            else:
                self.published[path] = found.named(path.stem)
                self.listed += 1
        errors: list[ContentError] = []
        for job_id, result in pipeline.process_iter(jobs):
            path = Path(job_id)
            if isinstance(result, ImageError):
                for entry, field_name in users[path]:
                    image = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.name
                    errors.append(
                        ContentError(
                            entry.source,
                            f"ảnh '{image}': {result.message}",
                            field=field_name or "ảnh trong bài",
                            line=_line_naming(self.root / entry.source, path.name, 1 if field_name else entry.body_line + 1),
                            hint=result.hint,
                        )
                    )
                continue
            published = self.published[path] = self._materialise(result)
            if path in keys:
                manifests.put(keys[path], Manifest(published.image, published.digest, published.sizes))
        hashes.save()
        self.encoded, self.reused = pipeline.encoded, pipeline.reused
        log.info(f"Ảnh: {self.encoded} ảnh xử lý mới, {self.reused + self.listed} ảnh dùng lại từ bộ nhớ đệm")
        return errors

    def _from_manifest(self, manifest: Manifest | None) -> PublishedImage | None:
        """The image as a previous build published it, if every variant file is still in the cache."""
        if manifest is None:
            return None
        folder = self._folder(manifest.digest)
        files = {suffix: folder / f"v{suffix}" for suffix in manifest.sizes}
        for suffix, path in files.items():
            try:
                if path.stat().st_size != manifest.sizes[suffix]:
                    return None
            except OSError:
                return None
        return PublishedImage(manifest.image, manifest.digest, files, dict(manifest.sizes))

    def _folder(self, digest: str) -> Path:
        return self.cache_dir / "anh-tep" / digest[:2] / digest

    def _materialise(self, image: ProcessedImage) -> PublishedImage:
        """Write the variants under .cache/ once (by content), keep only their metadata."""
        digest = ContentCache(self.cache_dir, "anh-tep", CACHE_VERSION).key(*(v.data for v in image.variants))
        folder = self._folder(digest)
        files: dict[str, Path] = {}
        sizes: dict[str, int] = {}
        for variant in image.variants:
            target = folder / f"v{variant.name_suffix}"
            if not (target.is_file() and target.stat().st_size == len(variant.data)):
                folder.mkdir(parents=True, exist_ok=True)
                temporary = target.with_suffix(target.suffix + ".tmp")
                temporary.write_bytes(variant.data)
                temporary.replace(target)
            files[variant.name_suffix], sizes[variant.name_suffix] = target, len(variant.data)
        light = replace(image, variants=tuple(replace(v, data=b"") for v in image.variants))
        return PublishedImage(light, digest, files, sizes)

    def get(self, asset: Asset) -> PublishedImage | None:
        published = self.published.get(asset.src)
        return published.named(str(PurePosixPath(asset.name).with_suffix(""))) if published else None

    def digest_of(self, asset: Asset) -> str:
        """The hash naming an image's published variants ('' for a file that is not a processed image)."""
        published = self.published.get(asset.src)
        return published.digest if published is not None else ""

    def card_thumbnail(self, src: Path, box: tuple[int, int]) -> tuple[Path, str] | None:
        """The file a social card's thumbnail is drawn from, and a key for its bytes: the smallest
        published JPEG/PNG variant of the image at `src` that covers `box` (else its largest), so a
        card never decodes the editor's original. None for an image this build did not process."""
        published = self.published.get(src)
        if published is None:
            return None
        fallback = published.image.fallback
        chosen = next((v for v in fallback if v.width >= box[0] and v.height >= box[1]), published.image.largest_fallback)
        return published.files[chosen.name_suffix], published.digest + chosen.name_suffix

    def files_of(self, asset: Asset, entry_folder: str) -> list[tuple[str, Path]]:
        """What the site serves for an asset, as (site path, source file).

        An image's variants go to its content-addressed folder, shared by every entry that shows
        the same bytes under the same name; any other file (a PDF) stays beside its entry page.
        """
        published = self.get(asset) if is_image(asset) else None
        if published is None:
            return [(entry_folder + asset.name, asset.src)]
        return [(published.folder + published.image.stem + suffix, path) for suffix, path in sorted(published.files.items())]

    def _published(self, image: ShownImage) -> PublishedImage:
        published = self.get(Asset(image.src, image.name))
        if published is None:  # every image of an entry is processed before pages render
            raise LookupError(f"image {image.src} was not processed")
        return published

    def enclosure(self, asset: Asset) -> tuple[str, int, str]:
        published = self.get(asset)
        if published is None:
            raise KeyError(asset.name)
        return published.enclosure()

    def picture(
        self, image: ShownImage | None, root: str, sizes: str, css_class: str = "", eager: bool = False, decorative: bool = False
    ) -> Markup:
        """`<picture>` markup for a cover or photo; `root` is the site root relative to the page
        (MkDocs' `base_url` in templates: '.', '../..').

        `decorative` empties the alt text (a card's thumbnail beside the same title, say)."""
        if image is None:
            return Markup("")
        alt = "" if decorative else image.alt
        published = self._published(image)
        return Markup(render_img(published.image, _below(root) + published.folder, alt, sizes, css_class, eager))

    def thumbnail(self, image: ShownImage) -> str:
        """Site-root URL of the smallest JPEG/PNG variant (search results show it)."""
        published = self._published(image)
        return "/" + published.url(published.image.fallback[0])

    def largest(self, image: ShownImage, root: str) -> str:
        """URL of the largest JPEG/PNG variant relative to the page (what a lightbox shows)."""
        published = self._published(image)
        return _below(root) + published.url(published.image.largest_fallback)

    def template_globals(self) -> dict[str, object]:
        return {"nr_picture": self.picture, "nr_thumb": self.thumbnail, "nr_large": self.largest, "nr_sizes": SIZES}

    def rewrite_body(self, html: str, entry: Entry) -> str:
        """Swap each `<img>` of a rendered body that shows one of the entry's images for a `<picture>`."""
        assets = {asset.src: asset for asset in entry.assets}
        root = "../" * entry.url.count("/")
        folder = (self.root / entry.source).parent

        def swap(match: re.Match[str]) -> str:
            # Attribute values as the browser reads them: "&amp;" is "&", "%20" a space in a file name.
            attrs = {name: unescape(value) for name, value in _ATTR_RE.findall(match.group(0))}
            src = unquote(attrs.get("src", ""))
            # By the file it names: "anh.jpg", "anh/2.png" and "../../hinh-anh/anh.jpg" (a shared folder) alike.
            asset = assets.get((folder / src).resolve()) if src and not src.startswith("/") else None
            if asset is None or self.get(asset) is None:
                return match.group(0)
            # A sized figure (images/body_figures.py) keeps its class, and gets the sizes it is shown at.
            css_class = attrs.get("class", "")
            sizes = next((FIGURE_SIZES[c] for c in css_class.split() if c in FIGURE_SIZES), BODY_SIZES)
            return str(self.picture(ShownImage(asset.src, asset.name, attrs.get("alt", "")), root, sizes, css_class))

        return _IMG_RE.sub(swap, html)


BODY_SIZES = "(min-width: 76.25em) 34rem, (min-width: 45em) 70vw, 100vw"
SIZES = {
    "body": BODY_SIZES,
    "cover": "(min-width: 76.25em) 34rem, 100vw",
    "card": "(min-width: 76.25em) 18rem, (min-width: 45em) 45vw, 100vw",
    "photo": "(min-width: 76.25em) 17rem, (min-width: 45em) 45vw, 100vw",
}


DIGEST_CHARS = 20
"""Hex digits of the variants' hash in an image URL (80 bits: no two images of a site collide)."""


def _below(root: str) -> str:
    """'' for the site root itself, else `root` with one trailing slash."""
    root = root.rstrip("/")
    return "" if root in ("", ".") else root + "/"


def _line_naming(source: Path, name: str, start: int) -> int | None:
    """The first line of the content file, from line `start`, that names the image (for its error)."""
    try:
        lines = source.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, start=1) if number >= start and name in line), None)


def _fields_of(entry: Entry) -> dict[Path, str]:
    fields: dict[Path, str] = {}
    if isinstance(entry, Article) and entry.cover:
        fields[entry.cover.asset.src] = "cover"
    if isinstance(entry, Initiative):
        for image in entry.images:
            fields[image.asset.src] = "images"
    return fields
