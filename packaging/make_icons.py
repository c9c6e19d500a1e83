"""Make the application icon's PNG sizes, the Windows .ico and the macOS .icns from the SVG.

Run it with the project's Python after editing the SVG:

    .venv/bin/python packaging/make_icons.py

It draws resources/icons/workshop-app.svg with Qt's own SVG renderer (QtSvg, part of
PySide6-Essentials), so it needs no Pillow, Inkscape or iconutil. The .ico and .icns are plain
containers of PNG images, written here byte by byte: both formats accept PNG entries (Windows
Vista and later, macOS 10.7 and later).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "workshop-app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows: 256 px is the largest an .ico entry can describe (a size byte of 0 means 256).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS: the PNG-carrying types of an .icns file and the pixel size of each
# (the "@2x" types are the Retina variants of the size half theirs).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128@2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256@2x
)


def png_path(size: int) -> Path:
    """Where the PNG of one size goes: resources/icons/workshop-app-32.png."""
    return ICONS / f"workshop-app-{size}.png"


def render_pngs() -> dict[int, bytes]:
    """Draw the SVG at each size into a transparent PNG; return the PNG bytes by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    pngs: dict[int, bytes] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG", 9):
            raise SystemExit(f"cannot encode the {size} px PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    del app
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given PNGs (ICONDIR, one ICONDIRENTRY each, then the images)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size
        # width, height, palette colours, reserved, colour planes, bits per pixel, bytes, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding the given PNGs: "icns", total length, then (type, length, PNG) each."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _write(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ICONS.parent.parent)} ({len(data):,} bytes)")


def main() -> int:
    pngs = render_pngs()
    for size, data in pngs.items():
        _write(png_path(size), data)
    _write(ICONS / "workshop-app.ico", ico_bytes(pngs))
    _write(ICONS / "workshop-app.icns", icns_bytes(pngs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
