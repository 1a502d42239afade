"""make bench: this column, Material's blog plugin and Hugo building one synthetic corpus, one table.

    .venv/bin/python -m scripts.bench --articles 2000 [--runs 3] [--json out.json] [--profile]

Prints figures, asserts nothing. Work files (corpus, the three sites, logs, results) go to .bench/n<N>/.
"""

from __future__ import annotations

import argparse
import cProfile  # noqa: F401  (documents what --profile runs: python -m cProfile)
import io
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from . import column, hugo_site, material_blog
from .corpus import IMAGE_SIZE, PROJECT, edit_title, generate
from .measure import build, environment, serve_save_to_page, site_size
from .report import HUGO, OURS, Results, header, table
from .tool import Site


def versions(hugo: Site | None) -> list[str]:
    found = [f"Python {platform.python_version()}"]
    for package in ("mkdocs", "mkdocs-material", "mkdocs-rss-plugin", "pagefind", "Pillow"):
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} not installed")
    if hugo is not None:
        done = subprocess.run([hugo.command[0], "version"], capture_output=True, text=True)
        line = next((line for line in done.stdout.splitlines() if line.startswith("hugo v")), "hugo ?")
        found.append(line.split("-")[0])
    return found


def profile(site: Site, out: Path, log: Path) -> str:
    """Our build with nothing changed, under cProfile: the top 25 by cumulative and by own time."""
    stats_file = out.with_suffix(".prof")
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file), site.command[0], *site.command[1:]]
    with log.open("a", encoding="utf-8") as stream:
        stream.write(f"\n$ (cd {site.root} && {' '.join(command)})\n")
        stream.flush()
        start = time.perf_counter()
        subprocess.run(command, cwd=site.root, env=environment(site), stdout=stream, stderr=stream, check=True)
        seconds = time.perf_counter() - start
    text = io.StringIO()
    text.write(f"cProfile of this column's second build (nothing changed): {seconds:.1f} s under the profiler\n")
    for order in ("cumulative", "tottime"):
        text.write(f"\n## top 25 by {order}\n")
        pstats.Stats(str(stats_file), stream=text).strip_dirs().sort_stats(order).print_stats(25)
    out.write_text(text.getvalue(), encoding="utf-8")
    return text.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", "-n", type=int, default=2000, help="corpus size N (default 2000; N/10 initiatives)")
    parser.add_argument("--runs", type=int, help="runs per tool (default 1 for N ≥ 2000, else 3); the best run is shown")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--workdir", type=Path, default=PROJECT / ".bench", help="default .bench/ in the project")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--profile", action="store_true", help="also profile our second build (top 25 cumulative/tottime)")
    parser.add_argument("--tools", default="column,material,hugo", help="comma-separated subset of column,material,hugo")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve save-to-page measure")
    parser.add_argument("--small-images", action="store_true", help="160×120 images (smoke tests)")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.articles >= 2000 else 3)
    work = args.workdir / f"n{args.articles}"
    work.mkdir(parents=True, exist_ok=True)
    log = work / "build.log"
    log.write_text("", encoding="utf-8")

    started = time.perf_counter()
    size = (160, 120) if args.small_images else IMAGE_SIZE
    corpus = generate(args.articles, args.workdir / f"pool-{size[0]}x{size[1]}", seed=args.seed, image_size=size)
    wanted = args.tools.split(",")
    makers = {"column": column.lay_out, "material": material_blog.lay_out, "hugo": hugo_site.lay_out}
    sites = [makers[name](corpus, work / name) for name in ("column", "material", "hugo") if name in wanted]
    print(f"corpus and layouts in {time.perf_counter() - started:.1f} s under {work}", flush=True)

    results = Results()
    timeouts: set[str] = set()
    profile_text = ""
    for run in range(1, runs + 1):
        for site in sites:  # alternate: every tool's cold build, then every tool's second build, ...
            site.clear()
            figures = build(site, log)
            results.add("cold", site.name, figures.seconds)
            results.add("rss", site.name, figures.peak_rss)
            print(f"run {run} {site.name}: cold {figures.seconds:.1f} s", flush=True)
        for site in sites:
            figures = build(site, log)
            results.add("second", site.name, figures.seconds)
            results.add("rss", site.name, figures.peak_rss)
            print(f"run {run} {site.name}: second {figures.seconds:.1f} s", flush=True)
        if args.profile and run == runs and sites[0].name == OURS:
            profile_text = profile(sites[0], work / "profile-second-build.txt", log)
            print(f"profile written to {work / 'profile-second-build.txt'}", flush=True)
        for site in sites:
            edit_title(site.edit_target, f"bench-edit-{run}")
            figures = build(site, log)
            results.add("edit", site.name, figures.seconds)
            results.add("rss", site.name, figures.peak_rss)
            print(f"run {run} {site.name}: after one edit {figures.seconds:.1f} s", flush=True)
    # rss: the peak of any single build; keep only the maximum
    for tool, values in results.values.get("rss", {}).items():
        results.values["rss"][tool] = [max(values)] if values else []
    for site in sites:
        size_bytes, files = site_size(site.output)
        results.add("size", site.name, size_bytes)
        results.add("files", site.name, files)
    ours = next((site for site in sites if site.name == OURS), None)
    if ours is not None and not args.no_serve:
        edited = corpus.articles[len(corpus.articles) // 2]
        for run in range(1, runs + 1):
            seconds = serve_save_to_page(ours, column.page_url(edited.slug), f"bench-serve-{run}-{os.getpid()}", log)
            if seconds is None:
                timeouts.add("serve")
            results.add("serve", OURS, seconds)
            print(f"run {run} {OURS}: mkdocs serve save-to-page {'> timeout' if seconds is None else f'{seconds:.1f} s'}", flush=True)

    hugo = next((site for site in sites if site.name == HUGO), None)
    notes = [f"{site.name}: {site.note}" for site in sites if site.note]
    notes.append(f"total bench time {time.perf_counter() - started:.0f} s; build logs in {log}")
    text = header(len(corpus.articles), len(corpus.initiatives), runs, os.cpu_count() or 0, versions(hugo), notes)
    text += "\n\n" + table(results, timeouts) + "\n"
    print("\n" + text)
    result_file = work / "results.md"
    result_file.write_text(text + ("\n" + profile_text if profile_text else ""), encoding="utf-8")
    print(f"written to {result_file}")
    if profile_text:
        print("\n" + profile_text)
    if args.json:
        args.json.write_text(
            json.dumps({"articles": len(corpus.articles), "runs": runs, "cores": os.cpu_count(), "values": results.values,
                        "timeouts": sorted(timeouts)}, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
