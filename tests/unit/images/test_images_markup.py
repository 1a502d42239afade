"""render_img: a <picture> with WebP srcset, a fallback <img>, sizes, dimensions, lazy loading, escaping."""

from __future__ import annotations

from html.parser import HTMLParser

from newsroom.images import ProcessedImage, Variant, render_img


def variant(width: int, suffix: str, mime: str) -> Variant:
    return Variant(f"-{width}.{suffix}", width, width * 3 // 4, mime, b"")


PHOTO = ProcessedImage(
    stem="anh-bia",
    width=4000,
    height=3000,
    placeholder="#336699",
    variants=tuple(v for w in (480, 800) for v in (variant(w, "webp", "image/webp"), variant(w, "jpg", "image/jpeg"))),
)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_images_render_img_picture_markup() -> None:
    html = render_img(PHOTO, "/bai-viet/chuyen-doi-so/", "Đoàn viên hướng dẫn người dân", "(min-width: 60em) 50vw, 100vw")

    assert html.startswith("<picture><source ") and html.endswith("></picture>")
    (picture, _), (source_tag, source), (img_tag, img) = parse(html)
    assert (picture, source_tag, img_tag) == ("picture", "source", "img")
    assert source == {
        "type": "image/webp",
        "srcset": "/bai-viet/chuyen-doi-so/anh-bia-480.webp 480w, /bai-viet/chuyen-doi-so/anh-bia-800.webp 800w",
        "sizes": "(min-width: 60em) 50vw, 100vw",
    }
    assert img == {
        "src": "/bai-viet/chuyen-doi-so/anh-bia-800.jpg",
        "srcset": "/bai-viet/chuyen-doi-so/anh-bia-480.jpg 480w, /bai-viet/chuyen-doi-so/anh-bia-800.jpg 800w",
        "sizes": "(min-width: 60em) 50vw, 100vw",
        "width": "800",
        "height": "600",
        "alt": "Đoàn viên hướng dẫn người dân",
        "loading": "lazy",
        "decoding": "async",
        "style": "background-color:#336699",
    }


def test_images_render_img_escapes_every_attribute() -> None:
    html = render_img(PHOTO, 'x" onerror="alert(1)', 'a "quoted" <b>alt</b> & more', '100vw" onload="x', css_class='c" x="y')

    assert ' onerror="' not in html and ' onload="' not in html and ' x="' not in html
    (_, _), (_, source), (_, img) = parse(html)
    assert img["alt"] == 'a "quoted" <b>alt</b> & more'
    assert img["sizes"] == '100vw" onload="x'
    assert img["class"] == 'c" x="y'
    assert set(img) == {"src", "srcset", "sizes", "width", "height", "alt", "class", "loading", "decoding", "style"}
    assert set(source) == {"type", "srcset", "sizes"}
    assert "<b>" not in html


def test_images_render_img_relative_base_eager_and_class() -> None:
    html = render_img(PHOTO, "", "", "100vw", css_class="anh-bia", eager=True)

    (_, _), (_, source), (_, img) = parse(html)
    assert source["srcset"] == "anh-bia-480.webp 480w, anh-bia-800.webp 800w"
    assert img["src"] == "anh-bia-800.jpg"
    assert img["alt"] == ""  # decorative images keep an empty alt
    assert img["class"] == "anh-bia"
    assert (img["loading"], img["fetchpriority"]) == ("eager", "high")
    assert render_img(PHOTO, "../anh", "x", "100vw").count('"../anh/anh-bia-800.jpg"') == 1


def test_images_render_img_percent_encodes_file_names_that_would_break_srcset() -> None:
    image = ProcessedImage(
        stem="ảnh bìa, 1",
        width=100,
        height=75,
        placeholder=None,
        variants=(variant(100, "webp", "image/webp"), variant(100, "png", "image/png")),
    )

    html = render_img(image, "/vinh-danh/so tay/", "x", "100vw")

    (_, _), (_, source), (_, img) = parse(html)
    assert source["srcset"] == "/vinh-danh/so%20tay/%E1%BA%A3nh%20b%C3%ACa%2C%201-100.webp 100w"
    assert img["src"] == "/vinh-danh/so%20tay/%E1%BA%A3nh%20b%C3%ACa%2C%201-100.png"
    assert "style" not in img  # no placeholder for a transparent image
