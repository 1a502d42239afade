"""/thong-ke/ in a real build: drafts and scheduled articles are not counted; the downloads exist."""

from __future__ import annotations

import csv
import io

import lxml.html
from lxml import etree
from openpyxl import load_workbook

from sitekit import BuildSite, build_env, read


def test_build_report_page_counts_only_published(built_site: BuildSite) -> None:
    site = built_site("drafts_and_scheduled", env=build_env(SOURCE_DATE_EPOCH="1790000000"))  # 2026-09-21
    page = lxml.html.fromstring(read(site, "thong-ke/"))
    section = page.get_element_by_id("bai-viet-theo-tinh")
    rows = {r.xpath("string(th)"): [td.text_content() for td in r.xpath("td")] for r in section.xpath(".//tbody/tr")}
    assert len(rows) == 34
    assert rows["Hà Nội"] == ["1", "1"]  # the draft and the 2030 article are left out
    svg = section.xpath(".//*[local-name()='svg']")[0]
    assert svg.get("role") == "img" and svg.xpath("string(*[local-name()='title'])") == "Bài viết theo tỉnh, thành"
    out = site / "site" / "thong-ke"
    data = (out / "bai-viet-theo-tinh.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1] == ["Hà Nội", "1", "1"]
    assert etree.parse(str(out / "bai-viet-theo-nam.svg")).getroot().get("role") == "img"
    book = load_workbook(out / "thong-ke.xlsx")
    assert ("2025", 1, 1) in list(book["Bài viết theo năm"].iter_rows(values_only=True))
