"""XSS vectors in the style of the OWASP XSS filter evasion cheat sheet, each marked alert(1NN).

`live_markup` (tests/live_markup.py) finds a vector by its marker once it is live. Used in bodies
and in every front-matter text field of articles and initiatives (unit, build and browser tests).
"""

from __future__ import annotations

from pathlib import Path

VECTORS: tuple[str, ...] = (
    "<script>alert(130)</script>",
    "<SCRIPT>alert(131)</SCRIPT>",
    '<IMG SRC="javascript:alert(132);">',
    "<IMG SRC=javascript:alert(133)>",
    "<IMG SRC=JaVaScRiPt:alert(134)>",
    "<IMG SRC=`javascript:alert(135)`>",
    '<a onmouseover="alert(136)">lien ket</a>',
    '<IMG """><SCRIPT>alert(137)</SCRIPT>">',
    "<IMG SRC=javascript:alert(138)//String.fromCharCode(88,83,83)>",
    '<IMG SRC=# onmouseover="alert(139)">',
    '<IMG SRC= onmouseover="alert(140)">',
    '<IMG onmouseover="alert(141)">',
    '<IMG SRC=/ onerror="alert(142)"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112'
    '&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000052&#0000051&#0000041">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#52;&#52;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x34&#x35&#x29>",
    '<IMG SRC="jav\tascript:alert(146);">',
    '<IMG SRC="jav&#x09;ascript:alert(147);">',
    '<IMG SRC="jav&#x0A;ascript:alert(148);">',
    '<IMG SRC=" &#14;  javascript:alert(149);">',
    "<SCRIPT/XSS>alert(150)</SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(151)>",
    "<<SCRIPT>alert(152);//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.example/xss.js?< B >alert(153)",
    '<IMG SRC="javascript:alert(154)"',
    '<iframe src="javascript:alert(155)"></iframe>',
    "</TITLE><SCRIPT>alert(156);</SCRIPT>",
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(157);">',
    '<BODY BACKGROUND="javascript:alert(158)">',
    '<IMG DYNSRC="javascript:alert(159)">',
    '<IMG LOWSRC="javascript:alert(160)">',
    '<STYLE>li {list-style-image: url("javascript:alert(161)");}</STYLE><UL><LI>XSS</br>',
    "<svg/onload=alert(162)>",
    "<BODY ONLOAD=alert(163)>",
    '<BGSOUND SRC="javascript:alert(164);">',
    '<BR SIZE="&{alert(165)}">',
    '<LINK REL="stylesheet" HREF="javascript:alert(166);">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(167);">',
    '<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:alert(168);">',
    '<IFRAME SRC="javascript:alert(169);"></IFRAME>',
    '<IFRAME SRC=# onmouseover="alert(170)"></IFRAME>',
    '<FRAMESET><FRAME SRC="javascript:alert(171);"></FRAMESET>',
    '<TABLE BACKGROUND="javascript:alert(172)">',
    '<TABLE><TD BACKGROUND="javascript:alert(173)">',
    '<DIV STYLE="background-image: url(javascript:alert(174))">',
    '<DIV STYLE="width: expression(alert(175));">',
    '<IMG STYLE="xss:expr/*XSS*/ession(alert(176))">',
    '<STYLE TYPE="text/javascript">alert(177);</STYLE>',
    '<STYLE>.XSS{background-image:url("javascript:alert(178)");}</STYLE><A CLASS=XSS></A>',
    '<BASE HREF="javascript:alert(179);//">',
    '<OBJECT TYPE="text/x-scriptlet" DATA="javascript:alert(180)"></OBJECT>',
    '<EMBED SRC="javascript:alert(181)">',
    '<a href="jav&#x0D;ascript:alert(182)">x</a>',
    '<a href="&#x6A;avascript:alert(183)">x</a>',
    '<a href="  javascript:alert(184)">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(185)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(186)>">',
    '<form><button formaction="javascript:alert(187)">X</button></form>',
    "<details open ontoggle=alert(188)>",
    '<video><source onerror="alert(189)"></video>',
    '<a href="data:text/html,<script>alert(190)</script>">x</a>',
    '<img src="x` `<script>alert(191)</script>"` `>',
    '<object data="data:text/html,<script>alert(192)</script>"></object>',
    "[lien ket](javascript:alert(193))",
    "[lien ket](JaVaScRiPt:alert(194))",
    "![anh](javascript:alert(195))",
    "[lien ket](<javascript:alert(196)>)",
    "[lien ket][r]\n\n[r]: javascript:alert(197)",
    '## Muc { onclick="alert(198)" }',
    '<a href="vbscript:alert(199)">x</a>',
)


def _yaml(value: object) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def write_vector_site(dest: Path) -> tuple[Path, int]:
    """A fixture site with one article and one initiative per vector: the vector in every text field
    (cut to the field's length) and, when the schema accepts it there, in the body.

    Returns the site and how many bodies carry their vector.
    """
    import shutil

    from newsroom.content.reader import Source, parse_source
    from newsroom.content.schema import EntryErrors, parse_entry
    from newsroom.content.taxonomy import load_taxonomies
    from sitekit import SITES, make_site

    site = make_site(dest)
    photo = SITES / "basic" / "articles" / "initiatives" / "2024" / "so-tay-nong-san" / "anh-1.jpg"
    taxonomies = load_taxonomies()
    in_bodies = 0
    for number, vector in enumerate(VECTORS):
        text = vector.replace("\n", " ")
        short = text[:90]
        bundle = site / "articles" / "news" / f"v{number:02d}"
        bundle.mkdir(parents=True)
        shutil.copy(photo, bundle / "anh.jpg")
        head = (
            f"---\ntitle: {_yaml(f'Bài {number} {short}')}\nslug: bai-{number:02d}\ndate: 2025-10-{1 + number % 28:02d} 08:00\n"
            f"authors: {_yaml([short])}\ncategory: an-toan-mang\ntags: {_yaml([short, 'thử nghiệm'])}\n"
            f"province: dak-lak\ndescription: {_yaml(text[:290])}\ncover: anh.jpg\ncover_alt: {_yaml(text[:290])}\n---\n\n"
        )
        body = f"Mở đầu bài {number}.\n\n{vector}\n\nĐoạn cuối bài {number}.\n"
        (bundle / "index.md").write_text(head + body, encoding="utf-8")
        source = Source("news", bundle / "index.md", f"articles/news/v{number:02d}/index.md", bundle=bundle)
        try:
            parse_entry(parse_source(source), site, taxonomies)
            in_bodies += 1
        except EntryErrors:
            (bundle / "index.md").write_text(head + f"Mở đầu bài {number}.\n", encoding="utf-8")
        folder = site / "articles" / "initiatives" / f"v{number:02d}"
        folder.mkdir(parents=True)
        shutil.copy(photo, folder / "anh-1.jpg")
        member = {"name": short, "age": 20, "school": short, "role": short}
        (folder / "index.md").write_text(
            f"---\ntitle: {_yaml(f'Sáng kiến {number} {short}')}\nslug: sang-kien-{number:02d}\ndate: 2025-09-{1 + number % 28:02d}\n"
            f"description: {_yaml(text[:290])}\nteam: {_yaml(short)}\nmembers: {_yaml([member])}\nconsent: true\n"
            f"province: dak-lak\nfield: giao-duc\nimages: {_yaml([{'src': 'anh-1.jpg', 'alt': text[:290]}])}\n---\n\n"
            f"Sáng kiến số {number}.\n",
            encoding="utf-8",
        )
    return site, in_bodies
