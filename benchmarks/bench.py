"""make bench: what users feel, measured against Qt and SQLite on the same machine.

Prints a table and writes bench-results.json. Never fails a build: a missed target is a
finding to act on, not an error. ``--scale`` shrinks the large workshop (the smoke test uses a
tiny one); ``--runs`` sets how many cold starts are alternated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

TARGETS = {
    "startup_ratio": 1.5,
    "open_large_s": 1.0,
    "record_p95_ms": 16.0,
    "record_ratio": 2.0,
    "roster_edit_p95_ms": 16.0,
    "search_p95_ms": 50.0,
    "export_s.md": 2.0,
    "export_s.html": 2.0,
    "export_s.csv": 2.0,
    "export_s.docx": 15.0,
    "export_s.pdf": 15.0,
    "export_s.xlsx": 15.0,
    "peak_rss_mb": 300.0,
}
QUERIES = [
    "partnership",
    "capacity development",
    "Rabat",
    "trust",
    "migration management",
    "Moldova",
    "public opinion",
    "ownership priorities",
    "return",
    "diaspora",
]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _cold_start(kind: str, workshop: Path) -> tuple[float, float]:
    """Seconds from launching a fresh process to its window's first paint, and (for the
    app) to the workshop being painted in it."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "startup_probe.py"), kind, str(workshop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_env(),
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    painted = time.perf_counter() - start
    second = child.stdout.readline()
    shown = time.perf_counter() - start
    child.wait(timeout=120)
    if first.strip() != "paint" or not second.startswith("shown"):
        raise RuntimeError(f"startup probe said {first!r} {second!r}")
    return painted, shown


def startup_ratio(demo: Path, runs: int) -> tuple[float, dict[str, float]]:
    app, bare, shown = [], [], []
    _cold_start("bare", demo)  # compile and cache both programs' bytecode first
    _cold_start("app", demo)
    for _ in range(runs):  # alternated, so both see the same machine state
        bare.append(_cold_start("bare", demo)[0])
        painted, opened = _cold_start("app", demo)
        app.append(painted)
        shown.append(opened)
    medians = {
        "app_first_paint_s": statistics.median(app),
        "bare_first_paint_s": statistics.median(bare),
        "app_workshop_shown_s": statistics.median(shown),
    }
    return medians["app_first_paint_s"] / medians["bare_first_paint_s"], medians


def gui_probe(large: Path, records: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(HERE / "gui_probe.py"), str(large), "--records", str(records)],
        capture_output=True,
        text=True,
        timeout=900,
        env=_env(),
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def record_ratio(large: Path, count: int = 200) -> tuple[float, dict[str, float]]:
    """The store's "record a contribution" against a bare sqlite3 insert (same PRAGMAs, one
    transaction each, then the same PASSIVE checkpoint that keeps the main file whole),
    alternated; the median of the per-pair ratios. The details also give the ratio to a
    bare commit without the checkpoint, what this measured before the file promise."""
    from workshop_app.domain.model import Contribution, new_id
    from workshop_app.store import Document

    with tempfile.TemporaryDirectory() as tmp:
        ours_path, bare_path = Path(tmp) / "ours.workshop", Path(tmp) / "bare.db"
        import shutil

        shutil.copyfile(large, ours_path)
        bare = sqlite3.connect(bare_path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
            bare.execute(f"PRAGMA {pragma}")
        bare.execute(
            "CREATE TABLE contributions (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, "
            "agenda_item_id TEXT, text TEXT, recorded_at TEXT)"
        )
        ratios, ours_ms, bare_ms = [], [], []
        commit_only_ratios, commit_only_ms = [], []
        with Document.open(ours_path) as doc:
            item = doc.agenda.items()[-1].id
            for n in range(count):
                text = f"Benchmark contribution {n} about partnership and trust"
                t0 = time.perf_counter()
                doc.contributions.record(Contribution(id=new_id(), agenda_item_id=item, text=text))
                t1 = time.perf_counter()
                bare.execute("BEGIN")
                bare.execute(
                    "INSERT INTO contributions (id, agenda_item_id, text, recorded_at) "
                    "VALUES (?, ?, ?, ?)",
                    (new_id(), item, text, dt.datetime.now().isoformat()),
                )
                bare.execute("COMMIT")
                t2 = time.perf_counter()
                bare.execute("PRAGMA wal_checkpoint(PASSIVE)")
                t3 = time.perf_counter()
                ours_ms.append((t1 - t0) * 1000)
                bare_ms.append((t3 - t1) * 1000)
                commit_only_ms.append((t2 - t1) * 1000)
                ratios.append((t1 - t0) / (t3 - t1))
                commit_only_ratios.append((t1 - t0) / (t2 - t1))
        bare.close()
    return statistics.median(ratios), {
        "store_median_ms": statistics.median(ours_ms),
        "sqlite_median_ms": statistics.median(bare_ms),
        "sqlite_commit_only_median_ms": statistics.median(commit_only_ms),
        "ratio_to_commit_only": statistics.median(commit_only_ratios),
    }


def search_p95(large: Path, count: int = 50) -> float:
    from workshop_app.store import Document

    timings = []
    with Document.open(large, readonly=True) as doc:
        for n in range(count):
            query = QUERIES[n % len(QUERIES)]
            t0 = time.perf_counter()
            doc.contributions.search(query)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return timings[int(len(timings) * 0.95) - 1]


def export_seconds(large: Path) -> dict[str, float]:
    from workshop_app.minutes import MinutesOptions, export_minutes
    from workshop_app.minutes.pdf import ensure_gui_application

    ensure_gui_application()
    seconds = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("md", "html", "csv", "docx", "pdf", "xlsx"):
            t0 = time.perf_counter()
            export_minutes(large, MinutesOptions(), fmt, Path(tmp) / f"minutes.{fmt}")
            seconds[f"export_s.{fmt}"] = time.perf_counter() - t0
    return seconds


class Stopwatch:
    """Says on stderr how long each part of the run took."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        print(f"  {self.label}: {time.perf_counter() - self.start:.1f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--large", type=Path, help="reuse this large workshop")
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    args = parser.parse_args(argv)

    from benchmarks.make_large import main as make_large
    from workshop_app.demo import write_demo

    with tempfile.TemporaryDirectory(prefix="workshop-bench-") as tmp:
        demo = Path(tmp) / "demo.workshop"
        write_demo(demo)
        large = args.large or Path(tmp) / "large.workshop"
        if not large.exists():
            with Stopwatch("building the large workshop"):
                make_large([str(large), "--scale", str(args.scale)])
        results: dict[str, float] = {}
        details: dict[str, object] = {}
        with Stopwatch("cold starts"):
            results["startup_ratio"], details["startup"] = startup_ratio(demo, args.runs)
        with Stopwatch("GUI on the large workshop"):
            gui = gui_probe(large, args.records)
        keys = ("open_large_s", "record_p95_ms", "roster_edit_p95_ms", "peak_rss_mb")
        results.update({k: gui[k] for k in keys})
        details["record_median_ms"] = gui["record_median_ms"]
        details["roster_edit_full_reread_p95_ms"] = gui["roster_edit_full_reread_p95_ms"]
        details["roster_rows"] = gui["roster_rows"]
        with Stopwatch("store against sqlite3"):
            results["record_ratio"], details["record"] = record_ratio(large)
        with Stopwatch("search"):
            results["search_p95_ms"] = search_p95(large)
        with Stopwatch("exports"):
            results.update(export_seconds(large))

    rows = []
    for key, target in TARGETS.items():
        value = results[key]
        rows.append(
            (
                key,
                value,
                target,
                "ok" if value <= target else f"MISSED by {(value / target - 1) * 100:.0f}%",
            )
        )
    width = max(len(r[0]) for r in rows)
    print(f"{'metric':<{width}}  {'measured':>10}  {'target':>8}  verdict")
    for key, value, target, verdict in rows:
        print(f"{key:<{width}}  {value:>10.3f}  {target:>8g}  {verdict}")
    payload = {
        **{k: round(v, 4) for k, v in results.items()},
        "details": details,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "scale": args.scale,
        },
    }
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
