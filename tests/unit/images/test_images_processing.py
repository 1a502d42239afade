"""process_image: upright, stripped, sRGB, never upscaled, every input mode, reproducible."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from image_kit import (
    BLUE,
    GREEN,
    QUADRANTS,
    RED,
    WHITE,
    XMP,
    alpha_at,
    camera_exif,
    close,
    colour_at,
    decode,
    metadata_left,
    quadrants,
    save,
    srgb_icc,
    stored_for,
    wide_gamut_icc,
)
from PIL import Image, ImageCms, JpegImagePlugin

from newsroom.images import ImageSettings, ProcessedImage, process_image
from newsroom.images.processing import draft_request, target_sizes

SMALL = ImageSettings(widths=(40, 80, 120))
SPOTS = {"top_left": (0.25, 0.25), "top_right": (0.75, 0.25), "bottom_left": (0.25, 0.75), "bottom_right": (0.75, 0.75)}


def assert_upright(image: Image.Image) -> None:
    for corner, (fx, fy) in SPOTS.items():
        found = colour_at(image, fx, fy)
        assert close(found, QUADRANTS[corner], 40), f"{corner}: found {found}, expected {QUADRANTS[corner]}"


# --- orientation ---------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_images_every_exif_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    upright = quadrants((120, 80))
    src = save(stored_for(upright, orientation), tmp_path / f"huong-{orientation}.jpg", quality=95, exif=camera_exif(orientation))

    image = process_image(src, SMALL)

    assert (image.width, image.height) == (120, 80)
    assert [(v.width, v.height) for v in image.webp] == [(40, 27), (80, 53), (120, 80)]
    for variant in image.variants:
        decoded = decode(variant)
        assert decoded.size == (variant.width, variant.height)
        assert_upright(decoded)


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_images_large_rotated_jpeg_is_upright_through_draft_decoding(tmp_path: Path, orientation: int) -> None:
    upright = quadrants((2400, 1800))
    src = save(stored_for(upright, orientation), tmp_path / "lon.jpg", quality=90, exif=camera_exif(orientation))

    image = process_image(src, ImageSettings())

    assert (image.width, image.height) == (2400, 1800)
    assert [(v.width, v.height) for v in image.fallback] == [(480, 360), (800, 600), (1200, 900), (1600, 1200)]
    for variant in image.variants:
        assert_upright(decode(variant))


def test_images_draft_request_asks_for_enough_pixels_in_stored_orientation() -> None:
    # a phone's portrait photo: stored 4000x3000, upright 3000x4000, largest variant 1600 wide
    assert draft_request((4000, 3000), (3000, 4000), (1600, 2133)) == (2134, 1600)
    assert draft_request((4000, 3000), (4000, 3000), (1600, 1200)) == (1600, 1200)


def test_images_draft_decodes_large_jpeg_at_reduced_scale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = save(quadrants((4000, 3000)), tmp_path / "anh-12mp.jpg", quality=90)
    requests: list[tuple[int, int] | None] = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self: JpegImagePlugin.JpegImageFile, mode: str | None, size: tuple[int, int] | None) -> object:
        requests.append(size)
        result = original(self, mode, size)
        requests.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    image = process_image(src, ImageSettings())

    assert requests == [(1600, 1200), (2000, 1500)]  # decoded at half scale, never below the largest variant
    assert image.largest_fallback.width == 1600


# --- sizes ---------------------------------------------------------------------------------


def test_images_target_sizes_never_upscale() -> None:
    assert target_sizes((1000, 500), (480, 800, 1200, 1600)) == [(480, 240), (800, 400)]
    assert target_sizes((300, 200), (480, 800)) == [(300, 200)]
    assert target_sizes((480, 1), (480, 800)) == [(480, 1)]
    assert target_sizes((2000, 3), (480,)) == [(480, 1)]  # at least one pixel high


@pytest.mark.parametrize("size", [(30, 20), (100, 60), (121, 81), (640, 480)])
def test_images_no_variant_is_larger_than_its_source(tmp_path: Path, size: tuple[int, int]) -> None:
    src = save(quadrants(size), tmp_path / "anh.png")

    image = process_image(src, SMALL)

    assert image.variants
    for variant in image.variants:
        assert variant.width <= size[0] and variant.height <= size[1]
        assert decode(variant).size == (variant.width, variant.height)
    if size[0] < 40:  # narrower than the smallest width: one variant pair at the source width
        assert [(v.width, v.height) for v in image.variants] == [size, size]


def test_images_variant_names_and_types(tmp_path: Path) -> None:
    src = save(quadrants((200, 100)), tmp_path / "anh-bia.jpg")

    image = process_image(src, SMALL)

    assert [image.file_name(v) for v in image.variants] == [
        "anh-bia-40.webp",
        "anh-bia-40.jpg",
        "anh-bia-80.webp",
        "anh-bia-80.jpg",
        "anh-bia-120.webp",
        "anh-bia-120.jpg",
    ]
    assert [v.mime for v in image.variants[:2]] == ["image/webp", "image/jpeg"]
    assert [decode(v).format for v in image.variants[:2]] == ["WEBP", "JPEG"]
    assert image.largest_fallback.name_suffix == "-120.jpg"


# --- metadata ------------------------------------------------------------------------------


def test_images_jpeg_with_exif_gps_xmp_icc_and_comment_comes_out_stripped(tmp_path: Path) -> None:
    src = save(
        quadrants((160, 120)),
        tmp_path / "dien-thoai.jpg",
        quality=95,
        exif=camera_exif(6),
        icc_profile=srgb_icc(),
        xmp=XMP,
        comment=b"GPS 21.0285 105.8542",
    )
    original = src.read_bytes()
    assert b"GPS" in original and b"Exif" in original and b"http://ns.adobe.com/xap" in original

    image = process_image(src, SMALL)

    for variant in image.variants:
        assert metadata_left(variant) == [], variant.name_suffix


def test_images_png_and_webp_with_metadata_come_out_stripped(tmp_path: Path) -> None:
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Comment", "GPS 21.0285 105.8542")
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    transparent = quadrants((160, 120)).convert("RGBA")
    transparent.putpixel((0, 0), (0, 0, 0, 0))
    png = save(transparent, tmp_path / "logo.png", pnginfo=text, exif=camera_exif(1), icc_profile=srgb_icc())
    webp = save(quadrants((160, 120)), tmp_path / "anh.webp", exif=camera_exif(1), icc_profile=srgb_icc(), xmp=XMP)

    for src in (png, webp):
        image = process_image(src, SMALL)
        for variant in image.variants:
            assert metadata_left(variant) == [], f"{src.name} {variant.name_suffix}"


def test_images_embedded_wide_gamut_profile_is_converted_to_srgb(tmp_path: Path) -> None:
    colour = (60, 160, 90)
    src = save(Image.new("RGB", (100, 60), colour), tmp_path / "adobe-rgb.png", icc_profile=wide_gamut_icc())
    expected = ImageCms.profileToProfile(
        Image.new("RGB", (1, 1), colour),
        ImageCms.ImageCmsProfile(io.BytesIO(wide_gamut_icc())),
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")),
        renderingIntent=ImageCms.Intent.PERCEPTUAL,
    )
    assert expected is not None
    target = expected.getpixel((0, 0))
    assert isinstance(target, tuple) and abs(int(target[0]) - colour[0]) > 30  # the conversion matters

    image = process_image(src, SMALL)

    png_variant = image.largest_fallback
    found = colour_at(decode(png_variant), 0.5, 0.5)
    assert close(found, tuple(int(c) for c in target), 3), found
    assert metadata_left(png_variant) == []
    assert close(colour_at(decode(image.webp[-1]), 0.5, 0.5), tuple(int(c) for c in target), 12)


def test_images_broken_icc_profile_is_ignored_not_fatal(tmp_path: Path) -> None:
    src = tmp_path / "hong-icc.jpg"
    src.write_bytes(_jpeg_with_app2(quadrants((80, 60)), b"ICC_PROFILE\x00\x01\x01" + b"not a profile" * 10))

    image = process_image(src, SMALL)

    assert_upright(decode(image.largest_fallback))
    assert all(metadata_left(v) == [] for v in image.variants)


def _jpeg_with_app2(image: Image.Image, payload: bytes) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    data = out.getvalue()
    segment = b"\xff\xe2" + (len(payload) + 2).to_bytes(2, "big") + payload
    return data[:2] + segment + data[2:]


# --- input modes ---------------------------------------------------------------------------


def test_images_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    src = save(Image.new("CMYK", (100, 60), (0, 255, 255, 0)), tmp_path / "in-an.jpg", quality=95)

    image = process_image(src, SMALL)

    for variant in image.variants:
        decoded = decode(variant)
        assert decoded.mode == "RGB"
        assert close(colour_at(decoded, 0.5, 0.5), (255, 0, 0), 40)
    assert image.largest_fallback.mime == "image/jpeg"


def test_images_sixteen_bit_grey_png_is_scaled_not_clipped(tmp_path: Path) -> None:
    grey = Image.new("I;16", (100, 60), 32768)  # mid grey in 16 bits
    src = save(grey, tmp_path / "16-bit.png")
    assert Image.open(src).mode.startswith("I")

    image = process_image(src, SMALL)

    found = colour_at(decode(image.largest_fallback), 0.5, 0.5)
    assert close(found, (128, 128, 128), 4), found


def test_images_palette_png_without_transparency_falls_back_to_jpeg(tmp_path: Path) -> None:
    src = save(quadrants((100, 60)).convert("P", palette=Image.Palette.ADAPTIVE, colors=8), tmp_path / "bang-mau.png")

    image = process_image(src, SMALL)

    assert image.largest_fallback.mime == "image/jpeg"
    assert_upright(decode(image.largest_fallback))
    assert image.placeholder is not None


def test_images_palette_png_with_transparency_keeps_alpha(tmp_path: Path) -> None:
    palette = Image.new("P", (100, 60), 0)
    palette.putpalette([255, 255, 255, 220, 20, 30])
    palette.paste(1, (50, 0, 100, 60))
    src = save(palette, tmp_path / "trong-suot.png", transparency=0)

    image = process_image(src, SMALL)

    fallback = decode(image.largest_fallback)
    assert image.largest_fallback.mime == "image/png"
    assert alpha_at(fallback, (10, 30)) == 0
    assert close(colour_at(fallback, 0.75, 0.5), RED)
    assert decode(image.webp[-1]).mode == "RGBA"
    assert image.placeholder is None  # a background colour would show through the transparent part


def test_images_rgba_with_real_alpha_falls_back_to_png(tmp_path: Path) -> None:
    rgba = quadrants((100, 60)).convert("RGBA")
    rgba.paste((0, 0, 0, 0), (0, 0, 20, 20))
    src = save(rgba, tmp_path / "logo.png")

    image = process_image(src, SMALL)

    assert [v.mime for v in image.fallback] == ["image/png"] * 2
    assert [v.name_suffix for v in image.fallback] == ["-40.png", "-80.png"]  # 120 would upscale
    assert alpha_at(decode(image.largest_fallback), (2, 2)) == 0


def test_images_rgba_that_is_fully_opaque_falls_back_to_jpeg(tmp_path: Path) -> None:
    src = save(quadrants((100, 60)).convert("RGBA"), tmp_path / "anh-rgba.png")

    image = process_image(src, SMALL)

    assert image.largest_fallback.mime == "image/jpeg"
    assert decode(image.webp[-1]).mode == "RGB"


def test_images_grey_with_alpha_keeps_alpha(tmp_path: Path) -> None:
    la = Image.new("LA", (100, 60), (90, 255))
    la.paste((90, 0), (0, 0, 50, 60))
    src = save(la, tmp_path / "xam-trong-suot.png")

    image = process_image(src, SMALL)

    decoded = decode(image.largest_fallback).convert("RGBA")
    assert alpha_at(decoded, (10, 24)) == 0
    assert close(colour_at(decoded, 0.9, 0.5), (90, 90, 90), 2)


def test_images_animated_gif_publishes_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (100, 60), colour) for colour in (RED, GREEN, BLUE)]
    src = tmp_path / "dong.gif"
    frames[0].save(src, save_all=True, append_images=frames[1:], duration=100, loop=0)
    with Image.open(src) as gif:
        assert getattr(gif, "n_frames", 1) == 3  # only multi-frame formats have n_frames

    image = process_image(src, SMALL)

    for variant in image.variants:
        decoded = decode(variant)
        assert not getattr(decoded, "is_animated", False)
        assert close(colour_at(decoded, 0.5, 0.5), RED, 30)


def test_images_grey_jpeg_and_bilevel_png_become_rgb(tmp_path: Path) -> None:
    grey = save(Image.new("L", (100, 60), 200), tmp_path / "xam.jpg")
    bilevel = save(Image.new("1", (100, 60), 1), tmp_path / "den-trang.png")

    assert close(colour_at(decode(process_image(grey, SMALL).largest_fallback), 0.5, 0.5), (200, 200, 200), 3)
    assert close(colour_at(decode(process_image(bilevel, SMALL).largest_fallback), 0.5, 0.5), WHITE, 3)


# --- placeholder and reproducibility -------------------------------------------------------


def test_images_placeholder_is_the_dominant_colour(tmp_path: Path) -> None:
    picture = Image.new("RGB", (120, 80), (10, 90, 160))
    picture.paste(WHITE, (0, 0, 30, 30))
    src = save(picture, tmp_path / "xanh.png")

    image = process_image(src, SMALL)

    assert image.placeholder is not None and len(image.placeholder) == 7
    red, green, blue = (int(image.placeholder[i : i + 2], 16) for i in (1, 3, 5))
    assert close((red, green, blue), (10, 90, 160), 6)
    assert process_image(src, ImageSettings(widths=(40,), placeholder=False)).placeholder is None


def test_images_output_is_byte_identical_for_identical_input(tmp_path: Path) -> None:
    noisy = Image.merge("RGB", [Image.effect_noise((300, 200), 40 + 10 * i) for i in range(3)])
    first = save(noisy, tmp_path / "mot" / "anh.jpg", quality=90, exif=camera_exif(6))
    second = tmp_path / "hai" / "anh.jpg"
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())

    runs: list[ProcessedImage] = [process_image(first, SMALL), process_image(second, SMALL), process_image(first, SMALL)]

    assert runs[0] == runs[1] == runs[2]
    assert process_image(first, ImageSettings(widths=(40, 80, 120), webp_quality=50)) != runs[0]


def test_images_settings_are_validated_and_normalised() -> None:
    assert ImageSettings(widths=(800, 480, 800)).widths == (480, 800)
    assert ImageSettings().to_json() == (
        '{"jpeg_quality":82,"max_pixels":50000000,"placeholder":true,"webp_quality":78,"widths":[480,800,1200,1600]}'
    )
    for bad in ({"widths": ()}, {"widths": (0, 10)}, {"webp_quality": 0}, {"jpeg_quality": 101}, {"max_pixels": 0}):
        with pytest.raises(ValueError):
            ImageSettings(**bad)


def test_images_colours_survive(tmp_path: Path) -> None:
    src = save(quadrants((120, 80)), tmp_path / "mau.png")

    image = process_image(src, SMALL)

    decoded = decode(image.largest_fallback)
    assert close(colour_at(decoded, 0.25, 0.25), RED) and close(colour_at(decoded, 0.25, 0.75), BLUE)


def test_images_multi_picture_jpeg_publishes_its_primary_picture(tmp_path: Path) -> None:
    src = tmp_path / "mpo.jpg"
    quadrants((2000, 1500)).save(src, "MPO", save_all=True, append_images=[Image.new("RGB", (2000, 1500), BLUE)], quality=90)
    assert Image.open(src).format == "MPO"

    image = process_image(src, ImageSettings(widths=(480, 800)))

    assert [(v.width, v.height) for v in image.fallback] == [(480, 360), (800, 600)]
    assert_upright(decode(image.largest_fallback))
