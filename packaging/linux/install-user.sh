#!/bin/sh
# Install the frozen one-folder build for the current user on a Linux desktop (UOS, Kylin,
# deepin, Ubuntu...): no root, no network. Copies the folder to ~/.local/opt/bluebook, adds a
# menu entry with the program icon, and makes *.bluebook.json files open with the program.
#
#   sh install-user.sh [BUNDLE_DIR]        BUNDLE_DIR defaults to dist/bluebook
#   sh install-user.sh --uninstall         removes the program; the data stays in
#                                          ~/.local/share/BluebookDesktop
set -eu

here=$(cd "$(dirname "$0")" && pwd)
target="$HOME/.local/opt/bluebook"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data_home/applications"
mime="$data_home/mime"

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$mime" || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$target"
    rm -f "$apps/bluebook-desktop.desktop" "$mime/packages/bluebook-desktop.xml"
    refresh
    echo "已卸载。填写的数据仍在 $data_home/BluebookDesktop"
    exit 0
fi

bundle=${1:-"$here/../../dist/bluebook"}
if [ ! -x "$bundle/bluebook" ]; then
    echo "找不到程序：$bundle/bluebook" >&2
    exit 1
fi
bundle=$(cd "$bundle" && pwd)

mkdir -p "$target" "$apps" "$mime/packages"
rm -rf "$target/_internal"  # no stale library of an older version stays behind
cp -a "$bundle/." "$target/"
rm -f "$target/portable.txt"

cat >"$mime/packages/bluebook-desktop.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-bluebook+json">
    <sub-class-of type="application/json"/>
    <comment>Performance target book</comment>
    <comment xml:lang="zh_CN">绩效目标责任书</comment>
    <glob pattern="*.bluebook.json" weight="60"/>
  </mime-type>
</mime-info>
XML

cat >"$apps/bluebook-desktop.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Bluebook Desktop
Name[zh_CN]=绩效目标责任书填报
Comment=Fill and print the yearly performance target book
Comment[zh_CN]=填写、保存和打印绩效目标责任书（蓝皮书）
Exec="$target/bluebook" %f
Icon=$target/_internal/resources/icons/bluebook.png
Terminal=false
Categories=Office;
MimeType=application/x-bluebook+json;
StartupWMClass=bluebook
DESKTOP

refresh
echo "已安装到 $target；可从开始菜单打开“绩效目标责任书填报”。"
