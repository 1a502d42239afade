"""ImagePipeline: the cache makes a warm build encode nothing; settings and damage invalidate it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from image_kit import camera_exif, png_claiming, quadrants, save
from PIL import Image

from newsroom.cache import ContentCache
from newsroom.images import ImageError, ImagePipeline, ImageSettings, ProcessedImage
from newsroom.images.archive import pack_image, unpack_image

SMALL = ImageSettings(widths=(40, 80, 120))


def cache_in(folder: Path) -> ContentCache:
    return ContentCache(folder / ".cache", "images", "1")


def photos(folder: Path, count: int = 3) -> list[tuple[str, Path]]:
    jobs = []
    for number in range(count):
        picture = Image.merge("RGB", [Image.effect_noise((160, 120), 20 + 10 * number + band) for band in range(3)])
        src = save(picture, folder / "articles" / f"bai-{number}" / "anh-bia.jpg", quality=90, exif=camera_exif(6))
        jobs.append((f"articles/bai-{number}/anh-bia.jpg", src))
    return jobs


def images(results: dict[str, ProcessedImage | ImageError]) -> dict[str, ProcessedImage]:
    assert all(isinstance(r, ProcessedImage) for r in results.values()), results
    return {key: r for key, r in results.items() if isinstance(r, ProcessedImage)}


def blobs(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / ".cache" / "images").rglob("*") if p.is_file())


def test_images_warm_cache_encodes_nothing(tmp_path: Path) -> None:
    jobs = photos(tmp_path)
    cold = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    first = images(cold.process_many(jobs))
    assert cold.encoded == 3 and cold.reused == 0
    assert len(blobs(tmp_path)) == 3

    warm = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    second = images(warm.process_many(jobs))

    assert warm.encoded == 0 and warm.reused == 3
    assert second == first  # byte-identical variants, same stems


def test_images_changing_quality_or_widths_encodes_again(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 2)
    ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many(jobs)

    for changed in (
        ImageSettings(widths=(40, 80, 120), webp_quality=60),
        ImageSettings(widths=(40, 80, 120), jpeg_quality=70),
        ImageSettings(widths=(40, 100)),
        ImageSettings(widths=(40, 80, 120), placeholder=False),
    ):
        pipeline = ImagePipeline(cache_in(tmp_path), changed, workers=1)
        results = images(pipeline.process_many(jobs))
        assert pipeline.encoded == 2, changed
        assert sorted({v.width for v in next(iter(results.values())).variants}) == sorted(w for w in changed.widths if w <= 120)
    again = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    again.process_many(jobs)
    assert again.encoded == 0  # every settings' entries live side by side


def test_images_code_version_of_the_cache_invalidates(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 1)
    ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many(jobs)

    bumped = ImagePipeline(ContentCache(tmp_path / ".cache", "images", "2"), SMALL, workers=1)
    bumped.process_many(jobs)

    assert bumped.encoded == 1


def test_images_edited_image_is_encoded_again(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 2)
    ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many(jobs)
    save(quadrants((160, 120)), jobs[0][1], quality=90)

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    pipeline.process_many(jobs)

    assert (pipeline.encoded, pipeline.reused) == (1, 1)


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: b"garbage" * 10,
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 0xFF]),
        lambda blob: blob + b"tail",
        lambda blob: blob.replace(b'"width"', b'"wxdth"', 1),
    ],
    ids=["empty", "garbage", "truncated", "flipped-byte", "trailing", "bad-manifest"],
)
def test_images_damaged_cache_entry_is_a_miss_not_a_crash(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    jobs = photos(tmp_path, 2)
    first = images(ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many(jobs))
    for blob in blobs(tmp_path):
        blob.write_bytes(damage(blob.read_bytes()))

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    second = images(pipeline.process_many(jobs))

    assert pipeline.encoded == 2 and second == first
    healed = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    healed.process_many(jobs)
    assert healed.encoded == 0  # the damaged entries were rewritten


def test_images_unwritable_cache_costs_speed_not_the_build(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 1)
    (tmp_path / ".cache").write_text("a file where the cache folder should be")

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    results = images(pipeline.process_many(jobs))

    assert pipeline.encoded == 1 and len(results) == 1


def test_images_errors_are_returned_per_job_and_good_images_still_cached(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 2)
    bad = tmp_path / "articles" / "hong.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    bomb = tmp_path / "articles" / "bom.png"
    bomb.write_bytes(png_claiming(20_000, 20_000))
    jobs += [("hong", bad), ("bom", bomb), ("mat", tmp_path / "articles" / "khong-co.jpg")]

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=2)
    results = pipeline.process_many(jobs)

    assert list(results) == [job_id for job_id, _ in jobs]
    kinds = {job_id: r.kind for job_id, r in results.items() if isinstance(r, ImageError)}
    assert kinds == {"hong": "corrupt", "bom": "bomb", "mat": "missing"}
    assert pipeline.encoded == 2 and pipeline.failed == 3
    assert len(blobs(tmp_path)) == 2  # errors are not cached: a fixed file is looked at afresh


def test_images_process_pool_gives_the_same_bytes_as_one_core(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 4)

    one = ImagePipeline(cache_in(tmp_path / "mot"), SMALL, workers=1)
    many = ImagePipeline(cache_in(tmp_path / "nhieu"), SMALL, workers=2)
    from_one, from_many = one.process_many(jobs), many.process_many(jobs)

    assert from_one == from_many
    assert one.encoded == many.encoded == 4
    assert sorted(p.read_bytes() for p in blobs(tmp_path / "mot")) == sorted(p.read_bytes() for p in blobs(tmp_path / "nhieu"))


def test_images_identical_bytes_are_encoded_once_and_named_per_file(tmp_path: Path) -> None:
    (job_id, src), *_ = photos(tmp_path, 1)
    copy = tmp_path / "articles" / "khac" / "anh-khac.jpg"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(src.read_bytes())

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=2)
    results = images(pipeline.process_many([(job_id, src), ("copy", copy)]))

    assert pipeline.encoded == 1
    assert results[job_id].stem == "anh-bia" and results["copy"].stem == "anh-khac"
    assert results[job_id].variants == results["copy"].variants
    assert results["copy"].file_name(results["copy"].variants[0]) == "anh-khac-40.webp"


def test_images_cache_hit_uses_the_job_file_name(tmp_path: Path) -> None:
    (job_id, src), *_ = photos(tmp_path, 1)
    ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many([(job_id, src)])
    renamed = src.with_name("anh-moi.jpg")
    src.rename(renamed)

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=1)
    result = images(pipeline.process_many([("moi", renamed)]))["moi"]

    assert pipeline.encoded == 0 and result.stem == "anh-moi"


def test_images_process_iter_yields_every_job_once(tmp_path: Path) -> None:
    jobs = photos(tmp_path, 3)
    ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many(jobs[:1])

    pipeline = ImagePipeline(cache_in(tmp_path), SMALL, workers=2)
    seen = [job_id for job_id, _ in pipeline.process_iter(jobs)]

    assert seen[0] == jobs[0][0]  # the cache hit comes first
    assert sorted(seen) == sorted(job_id for job_id, _ in jobs)
    assert (pipeline.reused, pipeline.encoded) == (1, 2)


def test_images_archive_round_trip(tmp_path: Path) -> None:
    (_, src), *_ = photos(tmp_path, 1)
    image = images(ImagePipeline(cache_in(tmp_path), SMALL, workers=1).process_many([("a", src)]))["a"]

    assert unpack_image(pack_image(image), image.stem) == image
    with pytest.raises(ValueError):
        unpack_image(pack_image(image)[:-3], image.stem)


def test_images_workers_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        ImagePipeline(cache_in(tmp_path), SMALL, workers=0)
    assert ImagePipeline(cache_in(tmp_path), SMALL).workers >= 1
