"""Build the desktop application with PyInstaller into dist/workshop-app/ and report time and size.

Run from anywhere with the project's Python (``make package`` does):

    .venv/bin/python packaging/build.py              # always build, from a clean work folder
    .venv/bin/python packaging/build.py --if-needed  # build only if dist/ is older than the sources

It prints the build's wall time and the folder's size, and writes them to
dist/workshop-app/BUILD-INFO.txt.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "workshop_app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "workshop-app"
EXE_NAME = "workshop-app.exe" if sys.platform == "win32" else "workshop-app"
# What the build is made of: a newer file in any of these makes dist/ out of date.
SOURCES = ("workshop_app", "resources", "packaging", "pyproject.toml")


def executable() -> Path:
    """The frozen executable inside the one-folder build."""
    return BUNDLE / EXE_NAME


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                newest = max(newest, file.stat().st_mtime)
    return newest


def is_up_to_date() -> bool:
    """Whether dist/ holds a build newer than every source file that goes into it."""
    info = BUNDLE / "BUILD-INFO.txt"  # written last, so its presence means the build finished
    return executable().is_file() and info.is_file() and info.stat().st_mtime >= _newest_source()


def folder_size(path: Path) -> int:
    """Bytes in all files under ``path`` (symbolic links not followed)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build() -> tuple[float, int]:
    """Run PyInstaller on the spec; return (seconds, bytes of dist/workshop-app)."""
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(SPEC),
    ]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    seconds = time.monotonic() - started
    size = folder_size(BUNDLE)
    (BUNDLE / "BUILD-INFO.txt").write_text(
        f"built with PyInstaller from {SPEC.name} in {seconds:.0f} s; "
        f"{size / 2**20:.1f} MiB in {sum(1 for _ in BUNDLE.rglob('*'))} files and folders\n",
        encoding="utf-8",
    )
    return seconds, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--if-needed", action="store_true", help="skip the build if dist/ is up to date"
    )
    args = parser.parse_args(argv)
    if args.if_needed and is_up_to_date():
        print(f"{BUNDLE.relative_to(ROOT)} is up to date: not rebuilt")
        return 0
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[package]' (make package does)")
        return 1
    seconds, size = build()
    print(f"built {executable().relative_to(ROOT)} in {seconds:.0f} s; {size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
