"""render_redirect: a static page that sends readers and crawlers on, with its target escaped."""

from __future__ import annotations

from lxml import html

from newsroom.engine.redirects import render_redirect


def test_redirect_page_refreshes_to_the_relative_target_and_names_the_canonical() -> None:
    page = html.fromstring(render_redirect("../../bai-viet/moi/", "https://chuyendoiso.tainangviet.vn/bai-viet/moi/"))
    assert page.get("lang") == "vi"
    assert page.find(".//meta[@http-equiv='refresh']").get("content") == "0; url=../../bai-viet/moi/"
    assert page.find(".//link[@rel='canonical']").get("href") == "https://chuyendoiso.tainangviet.vn/bai-viet/moi/"
    assert page.find(".//meta[@name='robots']").get("content") == "noindex"
    link = page.find(".//body//a")
    assert (link.get("href"), link.text) == ("../../bai-viet/moi/", "https://chuyendoiso.tainangviet.vn/bai-viet/moi/")
    assert page.findall(".//script") == []


def test_redirect_escapes_quotes_and_markup_in_the_urls() -> None:
    text = render_redirect('x/"><script>alert(1)</script>', 'https://e.org/"><b>')
    assert "<script>" not in text and "<b>" not in text
    page = html.fromstring(text)
    assert page.find(".//meta[@http-equiv='refresh']").get("content") == '0; url=x/"><script>alert(1)</script>'
    assert page.find(".//link[@rel='canonical']").get("href") == 'https://e.org/"><b>'
