"""The Centre's report: figures counted from a catalog, and the files that carry them."""
