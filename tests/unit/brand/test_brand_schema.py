"""brand.yml validation: a good kit loads; every error names its field, in Vietnamese, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from brand_kits import KIT, copy_kit, edit_kit, fixture_kit
from PIL import Image

from newsroom.brand import BrandError, BrandErrors, contrast_ratio, format_ratio, load_brand, relative_luminance


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    return copy_kit(tmp_path / "brand-kit")


def errors_of(kit: Path) -> BrandErrors:
    with pytest.raises(BrandErrors) as caught:
        load_brand(kit)
    return caught.value


def only_error(kit: Path, field: str) -> BrandError:
    errors = errors_of(kit)
    matching = [error for error in errors.errors if error.field == field]
    assert matching, f"no error for {field}: {errors.format()}"
    return matching[0]


def test_brand_placeholder_kit_loads() -> None:
    brand = load_brand(KIT)
    assert brand.name == "Ngày Chuyển đổi số quốc gia"
    assert brand.short_name == "Chuyển đổi số"
    assert brand.colors.primary == "#0b3d91"
    assert brand.colors.link == brand.colors.primary  # link defaults to primary
    assert dict(brand.colors.others)["highlight"] == "#ffcd00"
    assert brand.typeface.family == "Be Vietnam Pro"
    assert brand.campaign.day == (10, 10)
    assert [banner.file.src for banner in brand.banners] == ["banners/bang-ron-1200x400.png", "banners/bang-ron-1080x1080.png"]
    assert (brand.banners[0].width, brand.banners[0].height) == (1200, 400)
    assert all(check.passes for check in brand.contrast)
    assert {f.src for f in brand.files} >= {"brand.yml", "logo/logo.svg", "logo/logo.png", "fonts/OFL.txt"}


def test_brand_placeholder_artwork_stays_small() -> None:
    brand = load_brand(KIT)
    for file in brand.files:
        if file.src.startswith(("logo/", "banners/")):
            assert file.path.stat().st_size < 300 * 1024, file.src
    with Image.open(brand.logo.png.path) as master:
        assert master.size == (1024, 1024)


def test_brand_fixture_kit_loads_with_other_colours(tmp_path: Path) -> None:
    brand = load_brand(fixture_kit(tmp_path / "xanh-la"))
    assert brand.colors.primary == "#006b3f"
    assert brand.colors.link == "#005a9c"
    assert brand.campaign.start == (12, 20) and brand.campaign.end == (1, 5)
    assert brand.fingerprint != load_brand(KIT).fingerprint


def test_brand_missing_brand_file_is_an_error(tmp_path: Path) -> None:
    errors = errors_of(tmp_path)
    assert errors.fields == ["brand.yml"]
    assert "không tìm thấy" in errors.errors[0].message


def test_brand_broken_yaml_names_the_line(kit: Path) -> None:
    (kit / "brand.yml").write_text('name: "Ngày\ncolors: [\n', encoding="utf-8")
    error = only_error(kit, "brand.yml")
    assert "YAML" in error.message and "dòng" in error.message


def test_brand_missing_logo_file_names_the_field(kit: Path) -> None:
    (kit / "logo" / "logo.png").unlink()
    error = only_error(kit, "logo.png")
    assert "không tìm thấy tệp 'logo/logo.png'" in error.message
    assert error.hint


def test_brand_missing_logo_names_the_field(kit: Path) -> None:
    edit_kit(kit, logo=None)
    error = only_error(kit, "logo")
    assert error.message == "thiếu trường bắt buộc"


def test_brand_missing_logo_svg_key_names_the_field(kit: Path) -> None:
    edit_kit(kit, logo={"svg": None})
    assert only_error(kit, "logo.svg").message == "thiếu trường bắt buộc"


def test_brand_missing_font_file_names_the_field(kit: Path) -> None:
    (kit / "fonts" / "BeVietnamPro-Bold.ttf").unlink()
    assert "BeVietnamPro-Bold.ttf" in only_error(kit, "typeface.bold").message


def test_brand_font_that_is_not_a_font_is_an_error(kit: Path) -> None:
    (kit / "fonts" / "BeVietnamPro-Regular.ttf").write_bytes(b"not a font")
    assert "không đọc được phông" in only_error(kit, "typeface.regular").message


def test_brand_small_png_master_is_an_error(kit: Path) -> None:
    Image.new("RGBA", (256, 256), "#0b3d91").save(kit / "logo" / "logo.png")
    error = only_error(kit, "logo.png")
    assert "256×256" in error.message and "512" in error.message


def test_brand_logo_svg_that_is_not_svg_is_an_error(kit: Path) -> None:
    (kit / "logo" / "logo.svg").write_text("<html></html>", encoding="utf-8")
    assert "<svg>" in only_error(kit, "logo.svg").message


def test_brand_path_outside_the_kit_is_an_error(kit: Path) -> None:
    edit_kit(kit, logo={"svg": "../../etc/logo.svg"})
    assert "ngoài thư mục" in only_error(kit, "logo.svg").message


@pytest.mark.parametrize("value", ["red", "#12345", "#1234567", "0b3d91", "#gg3d91", 123])
def test_brand_bad_colour_names_the_field(kit: Path, value: object) -> None:
    edit_kit(kit, colors={"accent": value})
    error = only_error(kit, "colors.accent")
    assert "không phải mã màu #rrggbb" in error.message
    assert error.hint and "#rrggbb" in error.hint


def test_brand_unquoted_colour_is_read_as_a_comment(kit: Path) -> None:
    text = (kit / "brand.yml").read_text(encoding="utf-8").replace('accent: "#da251d"', "accent: #da251d")
    (kit / "brand.yml").write_text(text, encoding="utf-8")
    error = only_error(kit, "colors.accent")
    assert error.hint and "ngoặc kép" in error.hint


def test_brand_missing_colour_names_the_field(kit: Path) -> None:
    edit_kit(kit, colors={"primary_text": None})
    assert only_error(kit, "colors.primary_text").message == "thiếu màu bắt buộc"


def test_brand_low_contrast_accent_names_the_pair_and_ratio(kit: Path) -> None:
    edit_kit(kit, colors={"accent": "#ff7f7f"})
    error = only_error(kit, "colors.accent")
    ratio = format_ratio(contrast_ratio("#ff7f7f", "#ffffff"))
    assert error.message.startswith(f"colors.accent trên colors.background: tỉ lệ tương phản {ratio}, cần ít nhất 4.5:1")


def test_brand_low_contrast_text_on_primary_names_the_pair(kit: Path) -> None:
    edit_kit(kit, colors={"primary_text": "#3366cc"})
    assert "colors.primary_text trên colors.primary" in only_error(kit, "colors.primary_text").message


def test_brand_low_contrast_body_text_names_the_pair(kit: Path) -> None:
    edit_kit(kit, colors={"text": "#999999"})
    message = only_error(kit, "colors.text").message
    assert "colors.text trên colors.background: tỉ lệ tương phản 2.8:1" in message


def test_brand_low_contrast_link_names_the_link(kit: Path) -> None:
    edit_kit(kit, colors={"link": "#66aaff"})
    assert "colors.link trên colors.background" in only_error(kit, "colors.link").message


def test_brand_light_primary_blames_primary_for_default_links(kit: Path) -> None:
    # links use the primary colour unless `link` is given: a pale primary fails as a link colour
    edit_kit(kit, colors={"primary": "#7fa7e0", "primary_text": "#000000"})
    assert "colors.link trên colors.background" in only_error(kit, "colors.primary").message


def test_brand_unknown_key_suggests_the_right_one(kit: Path) -> None:
    raw_text = (kit / "brand.yml").read_text(encoding="utf-8").replace("tagline:", "tagine:")
    (kit / "brand.yml").write_text(raw_text, encoding="utf-8")
    errors = errors_of(kit)
    assert {"tagine", "tagline"} <= set(errors.fields)
    unknown = next(e for e in errors.errors if e.field == "tagine")
    assert unknown.hint and "tagline" in unknown.hint


@pytest.mark.parametrize(
    ("value", "expected"), [("10-32", "không phải ngày có trong mọi năm"), ("02-29", "mọi năm"), ("10/10", "MM-DD")]
)
def test_brand_bad_campaign_date_names_the_field(kit: Path, value: str, expected: str) -> None:
    edit_kit(kit, campaign={"start": value})
    assert expected in only_error(kit, "campaign.start").message


def test_brand_campaign_day_outside_window_is_an_error(kit: Path) -> None:
    edit_kit(kit, campaign={"day": "11-20"})
    assert "ngoài đợt cao điểm" in only_error(kit, "campaign.day").message


def test_brand_banner_without_alt_names_the_item(kit: Path) -> None:
    edit_kit(kit, banners=[{"file": "banners/bang-ron-1200x400.png"}, {"file": "banners/khong-co.png", "alt": "x"}])
    errors = errors_of(kit)
    assert "banners[0].alt" in errors.fields
    assert "banners[1].file" in errors.fields


def test_brand_errors_are_gathered_in_one_pass(kit: Path) -> None:
    edit_kit(kit, colors={"accent": "đỏ", "text": "#eeeeee"}, name="")
    (kit / "logo" / "icon.png").unlink()
    errors = errors_of(kit)
    assert {"name", "colors.accent", "colors.text", "logo.icon_png"} <= set(errors.fields)
    report = errors.format()
    assert report.startswith("Bộ nhận diện brand-kit/brand.yml có")
    content = errors.as_content_errors()
    assert {e.path for e in content} == {"brand-kit/brand.yml"}
    assert any(e.field == "colors.accent" for e in content)


def test_brand_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#0b3d91", "#0b3d91") == pytest.approx(1.0)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    # #777777 on white is the classic just-below-AA grey (4.48:1)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert format_ratio(4.4999) == "4.4:1"  # never rounded up into a pass


def test_brand_errors_name_brand_yml_as_the_build_labels_it(kit: Path) -> None:
    edit_kit(kit, colors={"accent": "red"})
    with pytest.raises(BrandErrors) as caught:
        load_brand(kit, label="assets/brand-kit/brand.yml")
    assert caught.value.as_content_errors()[0].format().startswith("assets/brand-kit/brand.yml [colors.accent]: 'red'")
