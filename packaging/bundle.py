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
from collections.abc import Callable
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
    # hashlib falls back to Python's own md5/sha implementations: nothing loads OpenSSL
    # unless a server is chosen (psycopg imports ssl before libpq starts; see shared_openssl).
    "_hashlib",
    "readline",
    # Tools for programmers that libraries import for their tests or error pages only: mako
    # colours template errors with pygments if it is there; reportlab's and lxml's test
    # helpers import unittest and doctest (and these pdb, pydoc and its HTTP server).
    "pygments",
    # reportlab decodes an XMP file of unknown encoding with it; the program's XMP is made in
    # code (formats/pdf_meta.py).
    "charset_normalizer",
    "pdb",
    "pydoc",
    "doctest",
    "unittest",
    "xmlrpc",
    "http.server",
    # SQLAlchemy's dialects of servers the program never uses (SQLite and PostgreSQL stay).
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
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
    "PySide6.QtDBus",
    # Python's codecs for Japanese and Korean text (the Chinese ones stay).
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_iso2022",
)
# keyring's Secret Service backend (secretstorage, jeepney) needs cryptography, whose Rust
# library alone is 10-12 MB. Only Linux could use it: there the server's password comes from
# PGPASSFILE / ~/.pgpass instead, or is asked at each start. Windows keeps it in the Credential
# Manager, whose keyring backend needs none of these (they reach the Windows build only
# because its wheels are chosen on Linux).
SECRET_SERVICE_MODULES = ("secretstorage", "jeepney", "cryptography", "_cffi_backend", "cffi")

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
    r"|generic|egldeviceintegrations|wayland-graphics-integration-client|xcbglintegrations)/"
    r"|/plugins/platformthemes/libqgtk3"
    # Image formats: the program shows PNG (built into QtGui) and PDF pages drawn by PDFium;
    # SVG stays for the icons of desktop themes.
    r"|/plugins/imageformats/(lib)?q(gif|icns|ico|jpeg|tga|tiff|wbmp|webp)"
    r"|/plugins/platforms/(lib)?q(linuxfb|eglfs|vnc|vkkhrdisplay|minimalegl|direct2d)"
    r"|opengl32sw\.dll",  # Windows: software OpenGL (20 MB), for Qt Quick/OpenGL only
    re.IGNORECASE,
)

# Linux: libraries taken from the desktop rather than bundled. Every Linux desktop that can
# print has libcups2 (a bundled copy would bring its own TLS, Kerberos and Avahi stack, 10 MB,
# out of step with the system's printing service; without it Qt prints to PDF only), and
# every desktop session runs on D-Bus (libdbus-1-3; bundled, it brings libsystemd and libgcrypt),
# and every X11 desktop (and XWayland) has libX11.
LINUX_SYSTEM_LIBRARIES = ("libcups.so", "libdbus-1.so", "libX11.so")
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


OPENSSL_NAMES = ("libssl.so.3", "libcrypto.so.3")


def shared_openssl(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: Python's ssl module, which psycopg imports before it starts libpq, uses the
    OpenSSL 3 that psycopg's wheel brings for libpq (psycopg_binary.libs/libssl-HASH.so.3):
    the system's libssl.so.3 and libcrypto.so.3 become links to those, instead of a second
    OpenSSL of 6 MB. The loader then finds the one library under both names."""
    wheel: dict[str, str] = {}
    for dest, _src, kind in binaries:
        path = dest.replace("\\", "/")
        match = re.fullmatch(r"psycopg_binary\.libs/(libssl|libcrypto)-[0-9a-f]+\.so\.3", path)
        if match and kind != "SYMLINK":
            wheel[match.group(1) + ".so.3"] = path
    shared = []
    for dest, src, kind in binaries:
        if kind == "BINARY" and dest in OPENSSL_NAMES and dest in wheel:
            print(f"bundle: {dest} is {wheel[dest]}")
            shared.append((dest, wheel[dest], "SYMLINK"))
        else:
            shared.append((dest, src, kind))
    return shared


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


# --- ICU's data, cut to what Qt asks of it (Linux) -------------------------------------------
#
# Linux Qt wheels bring ICU, and libicudata is 32 MB of data for every locale, converter,
# dictionary and transliterator. Of ICU, only QtCore calls anything (checked with `nm -D` on
# every library of the bundle): collation (QCollator), time zone names and IDs (QTimeZone),
# converters (QStringConverter for encodings Qt has no code of its own for) and case mapping
# (which is in ICU's code, not its data). So the data keeps collation, time zone names and
# locale data for Chinese, (American and British) English and the root locale, the Chinese
# converters (GBK, GB18030, Big5) and ICU's own tables, and leaves out break iterators and
# their dictionaries (Qt breaks lines with its own code), transliteration, spelled-out
# numbers, units, currencies, language and region names, and every other locale and
# converter. The library is rebuilt around the smaller
# data with the C compiler (an assembler file that includes it), under the same name and
# symbol; without a compiler the data stays whole and the build says so.

ICU_KEPT_LOCALES = re.compile(r"root|zh(_[A-Za-z0-9]+)*|en(_(US|GB|001|150))?")
# A locale's file (af.res, zh_Hant_TW.res, yue.res); supplemental files have other names.
ICU_LOCALE_FILE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res")
ICU_DROPPED_FOLDERS = ("brkitr", "translit", "rbnf", "unit", "curr", "lang", "region")
ICU_KEPT_CONVERTERS = re.compile(r".*(936|1386|950|1373)[-_].*\.cnv|gb18030\.cnv")
# ICU's own tables for what Qt never asks: character names (u_charName), spoof checks.
ICU_DROPPED_FILES = re.compile(r"unames\.icu|.*\.cfu")


def icu_item_kept(name: str) -> bool:
    """Whether the item `name` (e.g. "icudt73l/coll/zh.res") of ICU's data is kept."""
    parts = name.split("/")[1:]  # without the package name
    file = parts[-1]
    if len(parts) > 1 and parts[0] in ICU_DROPPED_FOLDERS:
        return False
    if file.endswith(".cnv"):
        return bool(ICU_KEPT_CONVERTERS.fullmatch(file))
    if ICU_DROPPED_FILES.fullmatch(file):
        return False
    if file == "res_index.res" or not ICU_LOCALE_FILE.fullmatch(file):
        return True  # an index, a supplemental table (metaZones, pool...) or ICU's own data
    return bool(ICU_KEPT_LOCALES.fullmatch(file.removesuffix(".res")))


@dataclass(frozen=True)
class IcuData:
    """ICU common data ("CmnD"): its header, and the items by name in the table's order."""

    header: bytes
    items: tuple[tuple[str, bytes], ...]

    @classmethod
    def parse(cls, blob: bytes) -> IcuData:
        (header_size,) = struct.unpack_from("<H", blob, 0)
        if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
            raise ValueError("not little-endian ICU common data")
        (count,) = struct.unpack_from("<I", blob, header_size)
        table = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
        base = header_size
        ends = [offset for _name, offset in table[1:]] + [len(blob) - base]
        items = []
        for (name_at, data_at), end in zip(table, ends, strict=True):
            name = blob[base + name_at : blob.index(b"\0", base + name_at)].decode("ascii")
            items.append((name, blob[base + data_at : base + end]))
        return cls(blob[:header_size], tuple(items))

    def pack(self) -> bytes:
        """The data as ICU reads it: the table sorted by name (ICU searches it by halves)."""
        items = sorted(self.items)
        names = b""
        name_at = []
        start = 4 + 8 * len(items)
        for name, _data in items:
            name_at.append(start + len(names))
            names += name.encode("ascii") + b"\0"
        body = bytearray(names)
        body += b"\0" * (-(start + len(body)) % 16)
        data_at = []
        for _name, data in items:
            data_at.append(start + len(body))
            body += data
            body += b"\0" * (-(start + len(body)) % 16)
        table = struct.pack("<I", len(items)) + b"".join(
            struct.pack("<II", n, d) for n, d in zip(name_at, data_at, strict=True)
        )
        return self.header + table + bytes(body)

    def kept(self, keep: Callable[[str], bool] = icu_item_kept) -> IcuData:
        return IcuData(self.header, tuple(item for item in self.items if keep(item[0])))


def elf_symbol(path: str | Path, pattern: str) -> tuple[str, bytes]:
    """The name and bytes of the first exported data symbol of a 64-bit little-endian ELF
    file whose name matches `pattern` (e.g. ICU's data, "icudt73_dat")."""
    data = Path(path).read_bytes()
    if data[:6] != b"\x7fELF\x02\x01":
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            name_at, _st_info, _other, index, value, length = struct.unpack_from(
                "<IBBHQQ", data, at
            )
            name = data[strings + name_at : data.index(b"\0", strings + name_at)].decode()
            if index and re.fullmatch(pattern, name):
                _n, _k, _f, address, section_offset = sections[index][:5]
                start = section_offset + value - address
                return name, data[start : start + length]
    raise ValueError(f"{path}: no symbol {pattern}")


def trimmed_icu_library(library: str | Path, work: Path) -> Path | None:
    """A copy of ICU's data library (libicudata.so.NN) holding only what Qt uses; None when
    there is no C compiler to build it with."""
    import shutil
    import subprocess

    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        print("bundle: no C compiler (cc): ICU's data is bundled whole")
        return None
    symbol, blob = elf_symbol(library, r"icudt\d+_dat")
    whole = IcuData.parse(blob)
    data = whole.kept()
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.dat").write_bytes(data.pack())
    (work / "icudata.s").write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{(work / "icudata.dat").as_posix()}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    out = work / Path(library).name
    subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{out.name}", "-o", str(out),
         str(work / "icudata.s")],
        check=True,
    )  # fmt: skip
    print(
        f"bundle: ICU data cut to {len(data.items)} of {len(whole.items)} items, "
        f"{len(blob) / 1e6:.1f} -> {out.stat().st_size / 1e6:.1f} MB"
    )
    return out
