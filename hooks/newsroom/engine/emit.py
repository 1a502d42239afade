"""The emit phase (on_files): the site plan as MkDocs files.

Generated pages become `GeneratedPage`s over in-memory sources; image variants and social cards are
hard-linked from `.cache/` (`LinkedFile`); the brand kit's files, the plan's outputs and the
redirect pages are added as they are; the feeds and widgets get empty files, written in the render
phase once every body is rendered. The missing cards are submitted to the painter here, so they
are drawn while MkDocs renders the pages.

Under `mkdocs serve`, a generated page whose cache key is the one the previous build of the preview
wrote is marked unchanged (engine/preview.py): MkDocs neither renders nor writes it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import routes
from ..brand.card_painter import CardPainter
from ..brand.site_brand import BrandView, build_brand_files
from ..cache import ContentCache
from ..syndication.outputs import output_uris
from ..syndication.widget_files import resizer_source
from . import preview
from .build import Emitted, Planned
from .files import GeneratedFile, LinkedFile
from .page_cache import PageCache, shared_salt
from .pages import BodyRenderer, GeneratedPage
from .redirects import render_redirect

CARD_CACHE_VERSION = "2"


def emit(planned: Planned, files: Files, config: MkDocsConfig) -> Emitted:
    """Add every file of the plan to MkDocs' `files`; raise a PluginError when two write one path."""
    loaded, site_plan = planned.loaded, planned.plan
    setup, media = loaded.setup, loaded.media
    clashes = []

    def add(file: File) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            clashes.append(file.src_uri)
        files.append(file)

    entry_pages = site_plan.entry_pages
    renderer = BodyRenderer(config, lambda uri, html: media.rewrite_body(html, entry_pages[uri]) if uri in entry_pages else html)
    brand_files, brand_view = build_brand_files(loaded.brand, loaded.catalog.now)
    salt = _shared_salt(config, brand_view, setup.preview)
    page_cache = PageCache(setup.cache_dir, salt)
    incremental = setup.preview and preview.STATE.dirty and preview.STATE.salt == salt
    if setup.preview and preview.STATE.dirty and not incremental:
        for doc in files.documentation_pages():  # templates or config changed: docs/ pages too
            doc.is_modified = lambda: True  # type: ignore[method-assign]
    preview.STATE.salt = salt
    unchanged_pages = 0
    for spec in site_plan.pages:
        inclusion = InclusionLevel.DRAFT if spec.preview_only else InclusionLevel.NOT_IN_NAV
        if spec.src_uri in routes.NAV_PAGES:
            inclusion = InclusionLevel.INCLUDED
        # File.generated builds the class it is called on (typed as File)
        file = cast(GeneratedFile, GeneratedFile.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion))
        add(file)
        page = GeneratedPage(spec, file, config, renderer, page_cache, media.digest_of)
        if setup.preview:
            page.preview_key = page_cache.key(spec, media.digest_of) if not spec.preview_only else None
            if incremental and preview.STATE.unchanged(file.dest_uri, page.preview_key, config.site_dir):
                file.unchanged = True
                unchanged_pages += 1
                if spec.src_uri in preview.STATE.bodies:
                    renderer.rendered[spec.src_uri] = preview.STATE.bodies[spec.src_uri]
    linked: set[str] = set()
    for copied in site_plan.files:
        inclusion = InclusionLevel.DRAFT if copied.preview_only else InclusionLevel.INCLUDED
        for uri, path in media.files_of(copied.asset, copied.folder):
            if uri in linked:  # an image shown by several entries is published once
                continue
            linked.add(uri)
            add(LinkedFile.generated(config, uri, abs_src_path=str(path), inclusion=inclusion))
    for uri, source in brand_files.items():
        if isinstance(source, Path):
            add(File.generated(config, uri, abs_src_path=str(source)))
        else:
            add(File.generated(config, uri, content=source))
    painter = CardPainter(loaded.brand, ContentCache(setup.cache_dir, "the-chia-se", CARD_CACHE_VERSION), media.card_thumbnail)
    card_files: dict[str, File] = {}
    for card in site_plan.cards.values():
        path = painter.submit(card)
        card_files[card.uri] = LinkedFile.generated(config, card.uri, abs_src_path=str(path))
        add(card_files[card.uri])
    syndication_files: dict[str, File] = {}
    for feed in site_plan.feeds:
        for uri in output_uris(feed):
            syndication_files[uri] = File.generated(config, uri, content=b"")
            add(syndication_files[uri])
    for uri, content in site_plan.outputs.items():
        add(File.generated(config, uri, content=content))
    if site_plan.feeds:
        add(File.generated(config, routes.WIDGET_RESIZER, content=resizer_source()))
    for redirect in site_plan.redirects:
        depth = redirect.src_uri.count("/")
        relative = "../" * depth + redirect.target_url
        html = render_redirect(relative, setup.site_url + redirect.target_url)
        add(File.generated(config, redirect.src_uri, content=html))
    if clashes:
        raise PluginError(
            "Hai tệp của trang cùng ghi vào một đường dẫn: "
            + ", ".join(sorted(set(clashes)))
            + ". Gợi ý: một trang trong docs/ trùng địa chỉ với trang tạo tự động (đổi tên tệp trong docs/"
            + " hoặc đặt slug khác), hoặc hai ảnh cùng tên khác đuôi (anh.jpg và anh.png) trong một bài: đổi tên một ảnh."
        )
    return Emitted(planned, files, renderer, page_cache, brand_view, painter, card_files, syndication_files, unchanged_pages)


def _shared_salt(config: MkDocsConfig, brand_view: BrandView, preview: bool) -> str:
    """What every generated page's HTML depends on besides its spec (see page_cache)."""
    shared = {
        "brand": brand_view,
        "config": {
            key: config.get(key) for key in ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url")
        },
        "extra": dict(config.extra or {}),
        "nav": repr(config.nav),
        "css": [str(item) for item in config.extra_css],
        "js": [str(item) for item in config.extra_javascript],
        "preview": preview,
    }
    custom_dir = config.theme.custom_dir
    return shared_salt(
        Path(config.config_file_path),
        [Path(custom_dir)] if custom_dir else [],
        Path(__file__).resolve().parents[2],
        shared,
    )
