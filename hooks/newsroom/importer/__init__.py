"""`newsroom import`: initiatives from a provincial union's spreadsheet (CSV or XLSX) and a photo folder.

The steps, one module each: `sheet` reads the file into rows of cells, `columns` recognises the
Vietnamese headers, `values` reads one cell (dates, ages, consent), `names` matches provinces,
fields and awards, `rows` turns rows into initiatives (members, photos), `photos` finds the photo
files, `writer` lays out and validates the bundles with the content schema, and `template` writes
a ready-to-fill workbook. openpyxl is imported only where a workbook is read or
written, so `newsroom check` does not pay for it.
"""
