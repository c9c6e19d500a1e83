#!/bin/sh
# Install the one-folder build for one user (or, with PREFIX=/usr/local as root, for everyone):
# the program, a `workshop-app` command, the menu entry, the icon, and the .workshop file type.
#
#   ./install.sh              from inside the build (dist/workshop-app/), where make package puts it
#   ./install.sh --uninstall  removes what it installed
#
# Nothing here needs root for PREFIX=~/.local (the default). Make sure ~/.local/bin is on PATH
# to type `workshop-app` in a terminal; the menu entry works without it.
set -eu

PREFIX="${PREFIX:-$HOME/.local}"
HERE="$(cd "$(dirname "$0")" && pwd)"
BUNDLE="${BUNDLE:-$HERE}"
[ -x "$BUNDLE/workshop-app" ] || BUNDLE="$HERE/../../dist/workshop-app"

APP_DIR="$PREFIX/lib/workshop-app"
BIN="$PREFIX/bin/workshop-app"
SHARE="$PREFIX/share"
DESKTOP="$SHARE/applications/workshop-app.desktop"
MIME_XML="$SHARE/mime/packages/workshop-app.xml"
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    # Each is optional: a desktop without them picks the files up at its next login.
    command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$BIN" "$DESKTOP" "$MIME_XML" "$SHARE/icons/hicolor/scalable/apps/workshop-app.svg"
    for size in $SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/workshop-app.png"
    done
    refresh
    echo "Workshop App removed from $PREFIX"
    exit 0
fi

if [ ! -x "$BUNDLE/workshop-app" ]; then
    echo "install.sh: no build found at $BUNDLE (run make package first)" >&2
    exit 1
fi
ICONS="$BUNDLE/_internal/resources/icons"
LINUX="$BUNDLE/linux"
[ -f "$LINUX/workshop-app.desktop" ] || LINUX="$HERE"

# The program: copied whole (it finds its libraries relative to itself), then linked onto PATH.
if [ "$(cd "$BUNDLE" && pwd)" != "$(mkdir -p "$APP_DIR" && cd "$APP_DIR" && pwd)" ]; then
    rm -rf "$APP_DIR"
    mkdir -p "$APP_DIR"
    cp -R "$BUNDLE/." "$APP_DIR/"
fi
mkdir -p "$PREFIX/bin"
ln -sf "$APP_DIR/workshop-app" "$BIN"

# The menu entry, pointing at the installed command even if PREFIX/bin is not on PATH.
mkdir -p "$SHARE/applications"
sed -e "s|^Exec=workshop-app |Exec=$BIN |" -e "/^Exec=/a TryExec=$BIN" \
    "$LINUX/workshop-app.desktop" >"$DESKTOP"

# The icon, at every size the theme spec knows, and the file type.
for size in $SIZES; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/workshop-app-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/workshop-app.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps" "$SHARE/mime/packages"
cp "$ICONS/workshop-app.svg" "$SHARE/icons/hicolor/scalable/apps/workshop-app.svg"
cp "$LINUX/workshop-app.xml" "$MIME_XML"

refresh
echo "Workshop App installed: $BIN (menu entry, icon and .workshop file type in $SHARE)"
