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

from ..plan.site_plan import PageSpec
from .sanitize import sanitize_html


class BodyRenderer:
    """One Markdown converter with the site's extensions, reset between bodies."""

    def __init__(self, config: MkDocsConfig, finish: Callable[[str, str], str] = lambda uri, html: html) -> None:
        self._md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
        self._finish = finish
        self.rendered: dict[str, str] = {}
        """src_uri -> sanitised body HTML, for feeds and anything else that needs the body again."""

    def render(self, src_uri: str, text: str) -> tuple[str, list[Any]]:
        self._md.reset()
        html = self._finish(src_uri, sanitize_html(self._md.convert(text)))
        self.rendered[src_uri] = html
        return html, list(getattr(self._md, "toc_tokens", []))


class GeneratedPage(Page):
    def __init__(self, spec: PageSpec, file: File, config: MkDocsConfig, renderer: BodyRenderer) -> None:
        super().__init__(escape(spec.title), file, config)
        self.spec = spec
        self._renderer = renderer

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = self.spec.markdown
        self.meta = dict(self.spec.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.spec.markdown.strip():
            self.content, tokens = self._renderer.render(self.file.src_uri, self.spec.markdown)
            self.toc = get_toc(tokens)
        else:
            self.content, self.toc = "", get_toc([])
        self.present_anchor_ids = set()
