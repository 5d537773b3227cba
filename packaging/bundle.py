"""What goes into the frozen program besides the code: the spec's data list, in one place.

packaging/bluebook.spec reads this module, and tests/test_packaging.py checks it against the
resources/ folder and paths.resource(), so a file added to resources/ cannot silently be
left out of the build. Imports nothing but the standard library (and, for the version, the
package's own ``__init__``), so the tests can load it without PyInstaller.
"""

from __future__ import annotations

import ast
import importlib.util
import posixpath
import re
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


@dataclass(frozen=True)
class Data:
    """Files under `source` (relative to the repository) matching `patterns`, placed in `target`
    (relative to sys._MEIPASS) with their sub-folders kept."""

    source: str
    target: str
    patterns: tuple[str, ...]


# paths.resources_dir() looks for sys._MEIPASS/resources when frozen; db/schema.py looks for
# its migrations beside itself (sys._MEIPASS/bluebook_desktop/db/migrations). Alembic reads
# env.py, script.py.mako and versions/*.py as files, so they travel as data, not as modules.
DATA: tuple[Data, ...] = (
    Data("resources/fonts", "resources/fonts", ("*.ttc", "*.ttf", "*.txt")),
    Data("resources/translations", "resources/translations", ("*.qm",)),
    Data("resources/icons", "resources/icons", ("*.png", "*.ico", "*.svg")),
    Data(
        "bluebook_desktop/db/migrations",
        "bluebook_desktop/db/migrations",
        ("env.py", "script.py.mako", "versions/*.py"),
    ),
)

# Files in resources/ that are sources or tools, not something the running program reads.
NOT_SHIPPED = ("*.ts", "*.py", "README*", ".gitkeep")

ICON_ICO = ROOT / "resources" / "icons" / "bluebook.ico"
ICON_PNG = ROOT / "resources" / "icons" / "bluebook.png"

# Python modules nothing in the program imports but that would otherwise be dragged in.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "numpy",
    "pydoc_data",
    "lib2to3",
    "test",
    "IPython",
    # The program never opens a connection: no TLS (and no OpenSSL, 5 MB) in the bundle.
    # hashlib falls back to Python's own md5/sha implementations.
    "ssl",
    "_ssl",
    "_hashlib",
    "readline",
    # Pillow is there for reportlab's images; the codecs with big libraries are not needed.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL.ImageFont",
    # python-docx needs lxml.etree only.
    "lxml.html",
    "lxml.objectify",
    "lxml.isoschematron",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
)

# Qt's own translations: only Chinese is shipped (English is Qt's source language).
QT_TRANSLATIONS_KEPT = ("_zh_CN.qm",)
# Qt libraries and plugins the hooks pull in but an office desktop never uses: embedded and
# framebuffer platforms, evdev input, network plugins, the GTK theme (it drags cairo, pango
# and gdk-pixbuf along; UOS and Kylin style Qt programs through their own themes), and the
# software OpenGL of Windows (nothing here draws with OpenGL). The preview and printing draw
# the PDF with PDFium (pypdfium2), so no Qt PDF or network library is needed either.
QT_UNUSED = re.compile(
    r"Qt6?(Quick|Qml|VirtualKeyboard|Designer|Help|Test|Sql|3D|Multimedia|WebEngine|Pdf"
    r"|Network)"
    r"|/plugins/(tls|networkinformation|sqldrivers|qmltooling|multimedia|position|sensors"
    r"|generic|egldeviceintegrations)/"
    r"|/plugins/platformthemes/libqgtk3"
    r"|/plugins/platforms/(lib)?q(linuxfb|eglfs|vnc|vkkhrdisplay|minimalegl)"
    r"|opengl32sw\.dll",  # Windows: software OpenGL (20 MB), for Qt Quick/OpenGL only
    re.IGNORECASE,
)

# Linux: libraries taken from the desktop rather than bundled. Every Linux desktop that can
# print has libcups2 (a bundled copy would bring its own TLS, Kerberos and Avahi stack, 10 MB,
# out of step with the system's printing service; without it Qt prints to PDF only), and
# every desktop session runs on D-Bus (libdbus-1-3; bundled, it brings libsystemd and libgcrypt).
LINUX_SYSTEM_LIBRARIES = ("libcups.so", "libdbus-1.so")
# Libraries no other library links against because Python loads them itself (ctypes):
# PDFium, with which the print preview and printing draw the pages.
CTYPES_LIBRARIES = ("libpdfium.so",)


def data_files() -> list[tuple[str, str]]:
    """The spec's datas: (source file, target folder) pairs for every file DATA selects."""
    pairs: list[tuple[str, str]] = []
    for entry in DATA:
        base = ROOT / entry.source
        for file in selected(entry):
            folder = Path(entry.target) / file.parent.relative_to(base)
            pairs.append((str(file), folder.as_posix()))
    return pairs


def selected(entry: Data) -> list[Path]:
    base = ROOT / entry.source
    found = {file for pattern in entry.patterns for file in base.glob(pattern) if file.is_file()}
    return sorted(found)


def migration_imports() -> list[str]:
    """Modules the migration scripts import: PyInstaller cannot see them (they are data)."""
    names: set[str] = set()
    for entry in DATA:
        if not entry.target.endswith("migrations"):
            continue
        for file in selected(entry):
            if file.suffix != ".py":
                continue
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module)
                    names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(name for name in names if _is_module(name))


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def version() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        from bluebook_desktop import __version__
    finally:
        sys.path.remove(str(ROOT))
    return __version__


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """'1.2.3rc1' -> (1, 2, 3, 0): Windows wants four small numbers."""
    numbers = [int(part) for part in re.findall(r"\d+", text.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_info_text(exe_name: str, text: str | None = None) -> str:
    """The Windows version resource, from version_info.txt.in and the package version."""
    from bluebook_desktop import APP_NAME, DISPLAY_NAME

    text = text or version()
    template = (PACKAGING / "version_info.txt.in").read_text(encoding="utf-8")
    return (
        template.replace("@VERSION_TUPLE@", repr(version_tuple(text)))
        .replace("@VERSION@", text)
        .replace("@APP_NAME@", APP_NAME)
        .replace("@DISPLAY_NAME@", DISPLAY_NAME)
        .replace("@EXE_NAME@", exe_name)
    )


def without_orphans(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: leave out LINUX_SYSTEM_LIBRARIES, and the libraries that only they or the
    plugins removed above linked against.

    Roots are Python extension modules, Qt plugins, the Python library and CTYPES_LIBRARIES;
    every other library is kept only if a root needs it (ELF DT_NEEDED), directly or through
    another kept library.
    """
    candidates = [b for b in binaries if not Path(b[0]).name.startswith(LINUX_SYSTEM_LIBRARIES)]
    files = {Path(dest).name: src for dest, src, kind in candidates if kind != "SYMLINK"}
    roots = [
        Path(dest).name
        for dest, _src, kind in candidates
        if kind == "EXTENSION"
        or "/plugins/" in dest.replace("\\", "/")
        or Path(dest).name.startswith(("libpython", "python", *CTYPES_LIBRARIES))
    ]
    reached = set(roots)
    todo = list(roots)
    while todo:
        for name in needed_libraries(files[todo.pop()]):
            if name in files and name not in reached:
                reached.add(name)
                todo.append(name)
    kept = [b for b in candidates if b[2] != "BINARY" or Path(b[0]).name in reached]
    for dest, _src, _kind in sorted(set(binaries) - set(kept)):
        print(f"bundle: leaving out {dest}")
    return kept


def without_dangling_links(
    toc: list[tuple[str, str, str]], files: set[str]
) -> list[tuple[str, str, str]]:
    """PyInstaller puts symbolic links to libraries in the top folder (libQt6Core.so.6 ->
    PySide6/Qt/lib/libQt6Core.so.6); drop those whose target is no longer in `files`."""

    def target(dest: str, link: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), link.replace("\\", "/")))

    return [e for e in toc if e[2] != "SYMLINK" or target(e[0], e[1]) in files]


def needed_libraries(path: str | Path) -> list[str]:
    """The DT_NEEDED names of a 64-bit little-endian ELF file (x86-64, arm64, loongarch64):
    the libraries it links against directly, which `ldd` (all of them, recursively) is not."""
    data = Path(path).read_bytes()
    if data[:6] != b"\x7fELF\x02\x01":
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads: list[tuple[int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for i in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize
        )
        if kind == 1:  # PT_LOAD
            loads.append((vaddr, offset, filesz))
        elif kind == 2:  # PT_DYNAMIC
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    offsets: list[int] = []
    strtab = 0
    for at in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, at)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED: an offset into the string table
            offsets.append(value)
        elif tag == 5:  # DT_STRTAB: a virtual address
            strtab = next(o + value - v for v, o, size in loads if v <= value < v + size)
    names = []
    for offset in offsets:
        end = data.index(b"\0", strtab + offset)
        names.append(data[strtab + offset : end].decode())
    return names
