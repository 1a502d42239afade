"""Draw every social card of a site without the card cache and print CPU time and size per card.

    .venv/bin/python scripts/measure_cards.py [ROOT] [--profile N]

ROOT is the folder of mkdocs.yml (the project by default). The images are processed first (through
the image cache, `.cache/` or NEWSROOM_CACHE_DIR), so only the drawing is timed. With `--profile N`,
the cProfile entries with the most cumulative time over all cards are printed too.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

from newsroom.brand.cards import THUMBNAIL_SIZE, draw_social_card
from newsroom.brand.site_brand import load_site_brand
from newsroom.cache import cache_dir_of
from newsroom.content.catalog import load_catalog
from newsroom.content.dates import build_now
from newsroom.content.taxonomy import load_taxonomies
from newsroom.images.library import MediaLibrary
from newsroom.plan.column_settings import load_settings
from newsroom.plan.site_plan import build_site_plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", nargs="?", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N cProfile entries")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    taxonomies = load_taxonomies()
    catalog = load_catalog(root, taxonomies, build_now(), cache_dir=cache_dir_of(root))
    media = MediaLibrary(cache_dir_of(root), root)
    errors = media.process(catalog.entries)
    if errors:
        print("\n".join(e.format() for e in errors), file=sys.stderr)
        return 1
    brand = load_site_brand(root)
    plan = build_site_plan(catalog, taxonomies, load_settings(None), "https://example.org/", False)
    profile = cProfile.Profile()
    rows: list[tuple[str, float, int, str]] = []
    for spec in plan.cards.values():
        source = card_source(spec.thumbnail, media)
        thumb = source.read_bytes() if source is not None else None
        started = time.process_time()
        data = draw_social_card(brand, spec.title, spec.kicker, thumb, source)
        elapsed = time.process_time() - started
        if args.profile:
            profile.enable()
            draw_social_card(brand, spec.title, spec.kicker, thumb, source)
            profile.disable()
        with Image.open(io.BytesIO(data)) as card:
            kind = f"{card.format} {card.size[0]}×{card.size[1]}"
        rows.append((spec.uri, elapsed, len(data), kind))
    for uri, elapsed, size, kind in rows:
        print(f"{elapsed * 1000:7.1f} ms {size / 1024:7.1f} KB  {kind}  {uri}")
    times = [r[1] * 1000 for r in rows]
    sizes = [r[2] / 1024 for r in rows]
    covered = sum(1 for spec in plan.cards.values() if spec.thumbnail is not None)
    print(
        f"\n{len(rows)} cards ({covered} with a cover): CPU per card median {statistics.median(times):.1f} ms,"
        f" mean {statistics.mean(times):.1f} ms, max {max(times):.1f} ms;"
        f" size median {statistics.median(sizes):.1f} KB, mean {statistics.mean(sizes):.1f} KB, max {max(sizes):.1f} KB,"
        f" total {sum(sizes) / 1024:.2f} MB"
    )
    if args.profile:
        print()
        pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(args.profile)
    return 0


def card_source(thumbnail: Path | None, media: MediaLibrary) -> Path | None:
    """The file a card's thumbnail is drawn from: the resized variant the build uses."""
    if thumbnail is None:
        return None
    found = media.card_thumbnail(thumbnail, THUMBNAIL_SIZE)
    return found[0] if found is not None else thumbnail


if __name__ == "__main__":
    raise SystemExit(main())
