"""The benchmark script itself runs (on a tiny workshop) and reports every metric."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.bench import TARGETS

ROOT = Path(__file__).resolve().parents[2]


def test_bench_runs_on_a_tiny_workshop(tmp_path: Path) -> None:
    out = tmp_path / "bench-results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--scale", "0.002", "--runs", "1",
         "--records", "5", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    for key in TARGETS:
        assert isinstance(data[key], int | float) and data[key] > 0, key
    assert "startup_ratio" in result.stdout and "verdict" in result.stdout
