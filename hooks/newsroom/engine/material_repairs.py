"""Repairs of Material's own markup that the Nu HTML checker rejects, on every page.

Material 9.8 writes these outside any template block an override could replace:

- `autocomplete="off"` on its drawer and search toggles (base.html): the attribute is not allowed
  on `<input type="checkbox">`;
- `tabindex=""` on the labels of navigation sections (partials/nav-item.html sets the variable
  only for other items, and prints the empty value for sections): not a valid integer.

Each repair replaces one exact string, so a Material release that fixes or changes the markup
makes it a no-op, never a wrong edit; tests/browser/test_html_validity.py notices new errors.
"""

from __future__ import annotations

_REPAIRS = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' tabindex="">', ">"),
)


def repair_material_markup(html: str) -> str:
    """`html` with Material's invalid attributes removed; anything else is left as it is."""
    for invalid, valid in _REPAIRS:
        html = html.replace(invalid, valid)
    return html
