"""Site files put in place by hard link: the build cache already holds their bytes.

MkDocs copies every static file into `site/` on every build. The column's image variants live in
`.cache/` (content-addressed, written once), so `LinkedFile` links them instead: no byte copied,
and `site/` costs no extra disk space. Where a link cannot be made (another file system, a
Windows share), it falls back to MkDocs' copy. Tools that publish `site/` (rsync, a web server)
read the files as usual; nothing writes into `site/` in place, so the cache cannot be altered.
"""

from __future__ import annotations

import os

from mkdocs import utils
from mkdocs.structure.files import File


class LinkedFile(File):
    def copy_file(self, dirty: bool = False) -> None:
        if self._content is not None:  # bytes given after all (a card the cache could not keep)
            super().copy_file(dirty)
            return
        if dirty and not self.is_modified():
            return
        source, dest = self.abs_src_path, self.abs_dest_path
        assert source is not None
        try:
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            if os.path.lexists(dest):
                os.unlink(dest)
            os.link(source, dest)
        except OSError:
            utils.copy_file(source, dest)


class GeneratedFile(File):
    """A generated page's file. Under the preview's dirty rebuilds (engine/preview.py), `unchanged`
    tells MkDocs that the page written by the previous build is still right: neither render nor write it."""

    unchanged = False

    def is_modified(self) -> bool:
        if self.unchanged:
            return False
        return super().is_modified()
