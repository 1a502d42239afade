"""Material's invalid attributes are removed from the pages, nothing else is touched."""

from __future__ import annotations

from newsroom.engine.material_repairs import repair_material_markup


def test_markup_repair_removes_materials_invalid_attributes() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
        '<label class="md-nav__link" for="__nav_6" id="__nav_6_label" tabindex="">Giới thiệu</label>'
    )
    assert repair_material_markup(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<label class="md-nav__link" for="__nav_6" id="__nav_6_label">Giới thiệu</label>'
    )


def test_markup_repair_leaves_valid_markup_alone() -> None:
    html = '<input type="text" autocomplete="off"><label tabindex="0">x</label><p>tabindex=""</p>'
    assert repair_material_markup(html) == html
