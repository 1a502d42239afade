"""The one table: rows per measure, columns per tool, our ratios to Material and to Hugo beside the targets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

OURS, MATERIAL, HUGO = "this column", "Material blog", "Hugo"


@dataclass
class Results:
    """Per measure, per tool: a list of values (one per run). Times in s, memory and size in bytes."""

    values: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    def add(self, measure: str, tool: str, value: float | None) -> None:
        self.values.setdefault(measure, {}).setdefault(tool, [])
        if value is not None:
            self.values[measure][tool].append(value)

    def best(self, measure: str, tool: str) -> float | None:
        found = self.values.get(measure, {}).get(tool)
        return min(found) if found else None


# measure key, row label, kind, (target label, ratio column it applies to, limit) ...
ROWS: tuple[tuple[str, str, str, tuple[tuple[str, str, float], ...]], ...] = (
    ("cold", "cold build, empty caches (s)", "time", (("≤ 1.5× Hugo cold", "hugo", 1.5),)),
    ("second", "second build, nothing changed (s)", "time", (("≤ 2× Hugo second", "hugo", 2.0), ("≤ 0.1× Material", "material", 0.1))),
    ("edit", "build after editing one article (s)", "time", (("≤ 4× Hugo second", "hugo_second", 4.0),)),
    ("serve", "`mkdocs serve` save → page shows it (s)", "time", (("≤ 3 s (≤ 5 s at 10k)", "absolute", 3.0),)),
    ("hugo_serve", "`hugo server` save → page shows it (s)", "time", ()),
    ("rss", "peak RSS of a build (MiB)", "bytes", (("≤ 1 GiB at 10k", "absolute", 1024.0),)),
    ("size", "`site/` size (MB, hard links once)", "size", (("≤ 3× Material", "material", 3.0),)),
    ("files", "`site/` files", "count", ()),
)


def _show(value: float | None, kind: str, *, timed_out: bool = False) -> str:
    if timed_out:
        return "> timeout"
    if value is None:
        return "–"
    if kind == "bytes":
        return f"{value / 2**20:.0f}"
    if kind == "size":
        return f"{value / 1e6:.0f}"
    if kind == "count":
        return f"{value:.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def table(results: Results, timeouts: set[str]) -> str:
    lines = [
        f"| measure | {OURS} | {MATERIAL} | {HUGO} | ours ÷ Material | ours ÷ Hugo | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for key, label, kind, targets in ROWS:
        ours, material, hugo = (results.best(key, tool) for tool in (OURS, MATERIAL, HUGO))
        if key == "hugo_serve" and hugo is None:
            continue
        to_material = f"{ours / material:.2f}×" if ours and material else "–"
        to_hugo = f"{ours / hugo:.2f}×" if ours and hugo else "–"
        notes = []
        for text, against, limit in targets:
            if against == "hugo_second":
                base = results.best("second", HUGO)
                ratio = f"{ours / base:.2f}× Hugo second" if ours and base else "–"
                notes.append(f"{text} (now {ratio}, {'met' if ours and base and ours / base <= limit else 'not met'})")
            elif against == "absolute":
                shown = ours / 2**20 if ours and kind == "bytes" else ours
                met = shown is not None and shown <= limit and key not in timeouts
                notes.append(f"{text} ({'met' if met else 'not met'})")
            else:
                base = hugo if against == "hugo" else material
                met = bool(ours and base and ours / base <= limit)
                notes.append(f"{text} ({'met' if met else 'not met'})")
        lines.append(
            f"| {label} | {_show(ours, kind, timed_out=key in timeouts)} | {_show(material, kind)} | {_show(hugo, kind)}"
            f" | {to_material} | {to_hugo} | {'; '.join(notes)} |"
        )
    return "\n".join(lines)


def header(articles: int, initiatives: int, runs: int, cores: int, versions: Sequence[str], notes: Sequence[str]) -> str:
    lines = [
        f"N = {articles} articles (+ {initiatives} initiatives for this column and Hugo), {runs} run(s) per tool"
        + (" (default 1 at N ≥ 2000: read the figures as ±25 %)" if runs == 1 else "; best run shown"),
        f"machine: {cores} cores; " + "; ".join(versions),
    ]
    lines.extend(f"- {note}" for note in notes)
    return "\n".join(lines)
