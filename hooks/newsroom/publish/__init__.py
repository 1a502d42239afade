"""Publishing the built site so that it changes in one step: a failed or killed build never loses the published site.

- `swap`: the file-system primitives (an atomic exchange of two names, a folder replaced).
- `staging`: a plain `mkdocs build -d DIR` writes into a staging folder beside DIR and puts it in
  place only after the last check passed: a failed build leaves DIR as it was.
- `versions`: `newsroom publish` (and `make build`) builds each site into its own folder and
  switches a `site` symlink to it with one rename; `newsroom rollback` switches back.
"""
