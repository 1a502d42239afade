"""Generated pages as MkDocs pages whose source is already in memory.

MkDocs reads each page from disk, parses its meta and builds a new Markdown converter for it.
For the column's thousands of generated pages that is the cost that grows with the site, so
`GeneratedPage` (a `Page` subclass, the engine's own structure) takes its source and meta from
the site plan, renders editor bodies with one converter reused for the whole build, and skips
Markdown entirely for listings, whose HTML comes from their template.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import markdown
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..content.model import Asset
from ..images.body_figures import Figures
from ..plan.site_plan import PageSpec
from .page_cache import CACHED_TEMPLATE, CachedPage, PageCache
from .sanitize import SafeAttributes, sanitize_html


class BodyRenderer:
    """One Markdown converter with the site's extensions (and `Figures`, `SafeAttributes`), reset between bodies."""

    def __init__(self, config: MkDocsConfig, finish: Callable[[str, str], str] = lambda uri, html: html) -> None:
        self._md = markdown.Markdown(
            extensions=[*config.markdown_extensions, Figures(), SafeAttributes()], extension_configs=config.mdx_configs or {}
        )
        self._finish = finish
        self.rendered: dict[str, str] = {}
        """src_uri -> sanitised body HTML, for feeds and anything else that needs the body again."""

    def render(self, src_uri: str, text: str) -> tuple[str, list[Any]]:
        self._md.reset()
        html = self._finish(src_uri, sanitize_html(self._md.convert(text)))
        self.rendered[src_uri] = html
        return html, list(getattr(self._md, "toc_tokens", []))


class GeneratedPage(Page):
    def __init__(
        self,
        spec: PageSpec,
        file: File,
        config: MkDocsConfig,
        renderer: BodyRenderer,
        cache: PageCache | None = None,
        asset_digest: Callable[[Asset], str] = lambda asset: "",
    ) -> None:
        super().__init__(escape(spec.title), file, config)
        self.spec = spec
        self._renderer = renderer
        self._cache = cache if not spec.preview_only else None  # drafts carry MkDocs' draft marker
        self._asset_digest = asset_digest
        self.cache_key: str | None = None
        """Set when this build renders the page and may keep it (a miss)."""
        self.cached: CachedPage | None = None
        """Set when the page comes from the cache (a hit): its final HTML."""
        self.preview_key: str | None = None
        """Under `mkdocs serve`: the cache key, computed before MkDocs decides whether to render."""

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = self.spec.markdown
        self.meta = dict(self.spec.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.present_anchor_ids = set()
        if self._cache is not None:
            key = self.preview_key or self._cache.key(self.spec, self._asset_digest)
            cached = self._cache.get(key) if key is not None else None
            if cached is not None:
                self.cached, self.content, self.toc = cached, cached.body, get_toc([])
                if self.spec.markdown.strip():
                    self._renderer.rendered[self.file.src_uri] = cached.body
                self.meta["template"] = CACHED_TEMPLATE
                return
            self.cache_key = key
            self._cache.rendered.append(self.file.dest_uri)
        if self.spec.markdown.strip():
            self.content, tokens = self._renderer.render(self.file.src_uri, self.spec.markdown)
            self.toc = get_toc(tokens)
        else:
            self.content, self.toc = "", get_toc([])

    def keep(self, html: str) -> None:
        """After MkDocs wrote the page: keep it for the next build, if this build rendered it."""
        if self._cache is not None and self.cache_key is not None:
            body = self._renderer.rendered.get(self.file.src_uri, "") if self.spec.markdown.strip() else ""
            self._cache.put(self.cache_key, CachedPage(html=html, body=body))
