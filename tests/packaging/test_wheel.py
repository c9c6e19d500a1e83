"""A plain ``pip install .`` (a wheel, as pipx does) gives a working ``workshop-app``.

Slow: builds the wheel, makes a fresh virtual environment outside the checkout, installs the
wheel there (its dependencies come from pip's cache or the registry) and runs every headless
command from a folder that has no source tree in reach. Run by ``make test-package`` and CI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_app import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(folder: Path) -> Path:
    """``pip wheel .`` of the checkout (no dependencies) into ``folder``; the wheel's path."""
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = folder.glob("workshop_app-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The ``workshop-app`` script of a fresh environment holding only the built wheel."""
    wheel = build_wheel(tmp_path_factory.mktemp("wheels"))
    env_dir = tmp_path_factory.mktemp("env")
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    pip = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    yield bin_dir / "workshop-app"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder with no checkout in reach."""
    assert not (tmp_path / "resources").exists()
    return tmp_path


def run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(script), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_wheel_carries_the_resources(tmp_path: Path) -> None:
    names = zipfile.ZipFile(build_wheel(tmp_path)).namelist()
    for resource in sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")):
        if (ROOT / resource).is_file():
            assert f"workshop_app/{resource}" in names, resource
    assert not any(name.startswith(("tests/", "benchmarks/", "packaging/")) for name in names)


def test_every_headless_command_works_from_the_installed_wheel(
    installed: Path, elsewhere: Path
) -> None:
    version = run(installed, "--version", cwd=elsewhere)
    assert version.stdout.strip() == f"workshop-app {__version__}", version.stderr

    demo = run(installed, "demo", "demo.workshop", cwd=elsewhere)
    assert demo.returncode == 0, demo.stderr
    exported = run(
        installed, "export", "demo.workshop", "--format", "json", "-o", "demo.json", cwd=elsewhere
    )
    assert exported.returncode == 0, exported.stderr
    document = json.loads((elsewhere / "demo.json").read_text(encoding="utf-8"))
    assert document["workshop"]["title"] == "European Conversation"

    imported = run(installed, "import-json", "demo.json", "back.workshop", cwd=elsewhere)
    assert imported.returncode == 0, imported.stderr
    for fmt in ("md", "html", "docx", "pdf", "csv", "json"):
        out = f"minutes.{fmt}"
        result = run(
            installed, "export", "back.workshop", "--format", fmt, "-o", out, cwd=elsewhere
        )
        assert result.returncode == 0, f"{fmt}: {result.stderr}"
        assert (elsewhere / out).stat().st_size > 0, fmt
    html = (elsewhere / "minutes.html").read_text(encoding="utf-8")
    assert "European Conversation" in html  # rendered by the packaged Jinja2 templates

    people = elsewhere / "people.csv"
    people.write_text("First name,Last name,Organisation\nAna,Pires,Pires Lda\n", encoding="utf-8")
    added = run(installed, "import-participants", "back.workshop", "people.csv", cwd=elsewhere)
    assert added.returncode == 0, added.stderr

    checked = run(installed, "check", "back.workshop", cwd=elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr


def test_the_desktop_app_from_the_wheel_starts_and_keeps_running(
    installed: Path, elsewhere: Path
) -> None:
    assert run(installed, "demo", "demo.workshop", cwd=elsewhere).returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    app = subprocess.Popen(
        [str(installed), "demo.workshop"], cwd=elsewhere, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        # A missing resource (icon, template) or module ends it within a second or two.
        with pytest.raises(subprocess.TimeoutExpired):
            app.wait(timeout=8)
    finally:
        app.terminate()
        _, err = app.communicate(timeout=30)
    assert "Traceback" not in err, err
    errors_log = Path(os.environ["WORKSHOP_APP_LOG_DIR"]) / "errors.log"
    assert not errors_log.exists(), errors_log.read_text(encoding="utf-8")
