"""Delivery: the frozen build's data list, portable mode, Chinese folder names, no network,
the installer's per-user promises; and (slow) the real PyInstaller build and its smoke run."""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers.files import FIXTURE_BOOK

from bluebook_desktop import __version__, paths
from bluebook_desktop.db import schema

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bluebook_desktop"
PACKAGING = ROOT / "packaging"
FIXTURE = FIXTURE_BOOK
SIZE_BUDGET = 150_000_000  # bytes, the Linux one-folder bundle unpacked


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    return load("bundle")


def modules() -> list[tuple[Path, ast.Module]]:
    return [(f, ast.parse(f.read_text(encoding="utf-8"))) for f in sorted(PACKAGE.rglob("*.py"))]


# --- the spec's data list mirrors resources/ and what the code looks up ----------------------


def test_every_resource_folder_is_bundled_where_the_lookup_looks(bundle: ModuleType) -> None:
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert {"fonts", "translations", "icons"} <= folders
    bundled = {(d.source, d.target) for d in bundle.DATA}
    for folder in folders:
        # paths.resources_dir() is sys._MEIPASS/resources when frozen.
        assert (f"resources/{folder}", f"resources/{folder}") in bundled


def test_every_resource_file_is_bundled(bundle: ModuleType) -> None:
    selected = {file for entry in bundle.DATA for file in bundle.selected(entry)}
    for file in (ROOT / "resources").rglob("*"):
        if file.is_file() and not any(file.match(p) for p in bundle.NOT_SHIPPED):
            assert file in selected, f"{file} is not in packaging/bundle.py DATA"


def looked_up_resources() -> set[tuple[str, ...]]:
    """What the code asks resource() for: the literal calls, resource("fonts", NAME) and
    resource(*PARTS) with module constants, and - in a module that calls resource() - every
    constant tuple of strings that starts with a resources/ folder (such as about.LICENCES)."""
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    found: set[tuple[str, ...]] = set()
    for _file, tree in modules():
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "resource"
        ]
        if not calls:
            continue
        constants: dict[str, object] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    with contextlib.suppress(ValueError):
                        constants[target.id] = ast.literal_eval(node.value)
        for call in calls:
            parts: list[object] = []
            for arg in call.args:
                if isinstance(arg, ast.Starred) and isinstance(arg.value, ast.Name):
                    parts.extend(constants.get(arg.value.id, ("?",)))  # type: ignore[arg-type]
                elif isinstance(arg, ast.Name):
                    parts.append(constants.get(arg.id, "?"))
                else:
                    parts.append(arg.value if isinstance(arg, ast.Constant) else "?")
            if parts and parts[0] != "?":
                found.add(tuple(str(part) for part in parts))
        found.update(string_tuples(list(constants.values()), folders))
    return found


def string_tuples(values: list[object], folders: set[str]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for value in values:
        if isinstance(value, tuple):
            if value and all(isinstance(v, str) for v in value) and value[0] in folders:
                found.add(value)
            else:
                found |= string_tuples(list(value), folders)
    return found


def test_every_resource_the_code_looks_up_is_bundled(bundle: ModuleType) -> None:
    wanted = looked_up_resources()
    assert {("translations",), ("fonts", "uming.ttc"), ("fonts", "uming.LICENSE.txt")} <= wanted
    targets = {d.target for d in bundle.DATA}
    selected = {file for entry in bundle.DATA for file in bundle.selected(entry)}
    for parts in wanted:
        assert f"resources/{parts[0]}" in targets, parts
        if len(parts) > 1 and "?" not in parts:
            assert ROOT.joinpath("resources", *parts) in selected, parts


def test_migrations_are_bundled_as_files_where_schema_looks(bundle: ModuleType) -> None:
    (entry,) = [d for d in bundle.DATA if d.target.endswith("migrations")]
    assert Path(entry.target) == schema.MIGRATIONS.relative_to(ROOT)
    names = {p.relative_to(schema.MIGRATIONS).as_posix() for p in bundle.selected(entry)}
    assert {"env.py", "script.py.mako"} <= names
    versions = {f"versions/{p.name}" for p in (schema.MIGRATIONS / "versions").glob("*.py")}
    assert versions and versions <= names
    imports = set(bundle.migration_imports())
    assert {"alembic.context", "alembic.op", "sqlalchemy", "bluebook_desktop.db.models"} <= imports


def test_data_files_keep_sub_folders(bundle: ModuleType) -> None:
    pairs = bundle.data_files()
    assert (str(schema.MIGRATIONS / "versions" / "0001_first_schema.py"),
            "bluebook_desktop/db/migrations/versions") in pairs  # fmt: skip
    assert all(not target.startswith("/") for _source, target in pairs)


def test_frozen_lookup_uses_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.resource("fonts", "uming.ttc") == tmp_path / "resources" / "fonts" / "uming.ttc"


def test_source_tree_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resource("fonts", "uming.ttc").is_file()


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        # PDFium (pypdfium2) draws the preview and the printout: no Qt PDF, no network.
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("PySide6/Qt6Network.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),  # the smoke run needs it
        ("PySide6/plugins/platforms/qwindows.dll", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/opengl32sw.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", True),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/plugins/imageformats/qtiff.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
    ],
)
def test_unused_qt_parts(bundle: ModuleType, dest: str, dropped: bool) -> None:
    assert bool(bundle.QT_UNUSED.search(dest)) is dropped


# --- portable mode, Chinese folder names ----------------------------------------------------


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen bluebook.exe on a USB stick whose folder has a Chinese name."""
    folder = tmp_path / "U盘" / "蓝皮书填报"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "bluebook.exe"))
    monkeypatch.delenv(paths.DB_ENV)
    return folder


def test_portable_txt_keeps_everything_beside_the_program(frozen_program: Path) -> None:
    (frozen_program / "portable.txt").write_text("", encoding="utf-8")
    assert paths.program_dir() == frozen_program
    assert paths.is_portable()
    found = paths.resolve()
    data = frozen_program / "data"
    assert found.data_dir == data
    assert found.database == data / paths.DB_NAME
    assert found.log_dir == data / "logs"
    assert found.backup_dir == data / "backups"


def test_without_portable_txt_the_user_folder_is_used(
    frozen_program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    assert not paths.is_portable()
    assert not paths.resolve().data_dir.is_relative_to(frozen_program)


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bluebook_desktop.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )


def test_chinese_data_folder_through_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "张三" / "绩效 目标（2021）"
    env = {**os.environ, paths.DB_ENV: str(folder / "蓝皮书.sqlite3")}
    imported = cli("import", str(FIXTURE), env=env)
    assert imported.returncode == 0, imported.stderr
    book_id = imported.stdout.strip()
    out = folder / "导出" / "三水.bluebook.json"
    out.parent.mkdir()
    exported = cli("export", book_id, "--json", str(out), env=env)
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes() == FIXTURE.read_bytes()
    assert (folder / "蓝皮书.sqlite3").is_file()


# --- no network ---------------------------------------------------------------------------

NETWORK_MODULES = ("socket", "ssl", "urllib", "http", "requests", "httpx", "ftplib", "smtplib")


def test_the_program_imports_nothing_that_talks_to_the_network() -> None:
    offenders = []
    for file, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in NETWORK_MODULES or name.startswith(
                    ("PySide6.QtNetwork", "PySide6.QtWebEngine")
                ):
                    offenders.append(f"{file.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_the_bundle_leaves_qts_network_out(bundle: ModuleType) -> None:
    assert {"PySide6.QtNetwork", "_hashlib"} <= set(bundle.EXCLUDED_MODULES)


# A single clerk's program loads nothing network-capable: only a server URL (postgresql://)
# loads psycopg, libpq with its OpenSSL (and so Python's ssl, which psycopg imports first) and
# keyring. These are imported inside the functions that open a server, never by a module.
SERVER_MODULES = ("psycopg", "psycopg_binary", "keyring", "ssl")


def test_server_libraries_are_imported_only_where_a_server_is_opened() -> None:
    at_module_level = []
    for file, tree in modules():
        top = [n for n in tree.body if not isinstance(n, ast.FunctionDef | ast.ClassDef)]
        for statement in top:
            for node in ast.walk(statement):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                else:
                    continue
                at_module_level += [
                    f"{file.relative_to(ROOT)}: {name}"
                    for name in names
                    if name.split(".")[0] in SERVER_MODULES and not _type_checking(statement)
                ]
    assert at_module_level == []


def _type_checking(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test)


def test_pythons_ssl_uses_the_openssl_psycopg_brings(bundle: ModuleType) -> None:
    binaries = [
        ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3", "BINARY"),
        ("libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "BINARY"),
        ("psycopg_binary.libs/libssl-6a9b88ec.so.3", "/w/libssl-6a9b88ec.so.3", "BINARY"),
        ("psycopg_binary.libs/libcrypto-3a0647ea.so.3", "/w/libcrypto-3a0647ea.so.3", "BINARY"),
        ("libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "BINARY"),
    ]
    shared = bundle.shared_openssl(binaries)
    assert shared[:2] == [
        ("libssl.so.3", "psycopg_binary.libs/libssl-6a9b88ec.so.3", "SYMLINK"),
        ("libcrypto.so.3", "psycopg_binary.libs/libcrypto-3a0647ea.so.3", "SYMLINK"),
    ]
    assert shared[2:] == binaries[2:]
    # Without psycopg's wheel, the system's OpenSSL stays.
    assert bundle.shared_openssl(binaries[:2]) == binaries[:2]


# --- version resource, icon, installer script -----------------------------------------------


def test_windows_version_resource(bundle: ModuleType) -> None:
    text = bundle.version_info_text("bluebook")
    assert not re.search(r"@[A-Z_]+@", text)
    major, minor, patch, _ = bundle.version_tuple(__version__)
    assert f"filevers=({major}, {minor}, {patch}, 0)" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    ast.parse(text, mode="eval")  # PyInstaller eval()s it with its VSVersionInfo classes
    try:
        from PyInstaller.utils.win32 import versioninfo
    except ImportError:  # needs pefile: Windows only
        return
    names = {n: getattr(versioninfo, n) for n in dir(versioninfo) if not n.startswith("_")}
    assert isinstance(eval(text, names), versioninfo.VSVersionInfo)  # noqa: S307


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0))],
)
def test_version_tuple(bundle: ModuleType, version: str, expected: tuple[int, ...]) -> None:
    assert bundle.version_tuple(version) == expected


def test_program_icon() -> None:
    image = pytest.importorskip("PIL.Image")
    png = ROOT / "resources" / "icons" / "bluebook.png"
    ico = ROOT / "resources" / "icons" / "bluebook.ico"
    assert png.stat().st_size < 50_000 and ico.stat().st_size < 100_000
    with image.open(png) as icon:
        assert icon.size == (256, 256)
    with image.open(ico) as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])


def test_installer_is_per_user_and_keeps_the_data() -> None:
    text = (PACKAGING / "bluebook.iss").read_text(encoding="utf-8-sig")
    setup = dict(line.split("=", 1) for line in text.splitlines() if re.match(r"^[A-Za-z]+=", line))
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never offers elevation
    assert setup["DefaultDirName"] == "{#InstallRoot}\\BluebookDesktop"
    assert '#define InstallRoot "{userpf}"' in text
    for forbidden in ("HKLM", "HKCR", "{autopf}", "{commonpf}", "{pf}", "{commonappdata}"):
        assert forbidden not in text
    roots = re.findall(r"^Root: (\w+);", text, flags=re.MULTILINE)
    assert roots and set(roots) <= {"HKA", "HKCU"}
    assert r"Software\Classes\.bluebook.json" in text
    assert "[UninstallDelete]" not in text  # the uninstaller removes only what it installed
    assert "{localappdata}\\BluebookDesktop" not in text
    assert "安装" in text and "[Messages]" in text


FAKE_CLI = """#!/bin/sh
case "$1" in
  --version) echo "bluebook-cli 0" ;;
  import) echo 1 ;;
  list) printf '1\\t2021\\n' ;;
esac
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in programs are shell scripts")
def test_build_script_prints_chinese_paths_on_a_cp1252_console(tmp_path: Path) -> None:
    """GitHub's Windows runners and an English Windows give Python a cp1252 console; the
    smoke run prints the Chinese paths it passes to the frozen programs."""
    bundle = tmp_path / "dist" / "bluebook"
    bundle.mkdir(parents=True)
    for name in ("bluebook", "bluebook-cli"):
        (bundle / name).write_text(FAKE_CLI, encoding="utf-8")
        (bundle / name).chmod(0o755)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252:strict"}  # stderr escapes anyway
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--smoke-only", "--dist", str(bundle.parent)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    out, err = done.stdout.decode("cp1252"), done.stderr.decode("cp1252")
    assert "Traceback" not in err, err
    # The export step was printed, its folder 张三 escaped; the stand-in wrote no file.
    assert re.search(r"bluebook-cli export 1 --json \S*\\u5f20\\u4e09", out), out
    assert done.returncode == 1 and err.startswith("build.py: FAILED: the exported book")


# --- the real build (slow) --------------------------------------------------------------------


@pytest.mark.slow
def test_frozen_build_passes_its_smoke_run(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller")
    dist, work = tmp_path / "dist", tmp_path / "work"
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--skip-tests", "--no-installer",
         "--dist", str(dist), "--work", str(work)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "smoke run passed" in done.stdout
    built = dist / "bluebook"
    suffix = ".exe" if sys.platform == "win32" else ""
    assert (built / f"bluebook{suffix}").is_file() and (built / f"bluebook-cli{suffix}").is_file()
    assert not (built / "portable.txt").exists() and not (built / "data").exists()
    size = load("build").bundle_size(built)
    if sys.platform.startswith("linux"):
        assert size < SIZE_BUDGET, f"bundle is {size / 1e6:.1f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries: Linux builds")
def test_a_library_python_loads_itself_is_not_left_out_as_an_orphan(bundle: ModuleType) -> None:
    import _ctypes

    import pypdfium2_raw

    pdfium = Path(pypdfium2_raw.__file__).parent / "libpdfium.so"
    extension = Path(_ctypes.__file__)
    binaries = [
        (f"lib-dynload/{extension.name}", str(extension), "EXTENSION"),
        ("pypdfium2_raw/libpdfium.so", str(pdfium), "BINARY"),
        ("libnothing-needs-this.so.1", str(pdfium), "BINARY"),
    ]
    kept = {dest for dest, _src, _kind in bundle.without_orphans(binaries)}
    assert kept == {f"lib-dynload/{extension.name}", "pypdfium2_raw/libpdfium.so"}


# --- ICU's data, cut to what Qt uses ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/coll/zh.res", True),  # QCollator: pinyin order
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/res_index.res", True),
        ("icudt73l/coll/ko.res", False),
        ("icudt73l/zone/zh_Hant_TW.res", True),  # QTimeZone's names
        ("icudt73l/zone/fr.res", False),
        ("icudt73l/zone/tzdbNames.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/metaZones.res", True),
        ("icudt73l/res_index.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/zh_Hans_CN.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/en_AU.res", False),
        ("icudt73l/unames.icu", False),
        ("icudt73l/ibm-1373_P100-2002.cnv", True),  # Big5
        ("icudt73l/ibm-5471_P100-2006.cnv", False),
        ("icudt73l/yue.res", False),
        ("icudt73l/de.res", False),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/gb18030.cnv", True),  # QStringDecoder("GB18030"), ("GBK")
        ("icudt73l/windows-936-2000.cnv", True),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/brkitr/cjdict.dict", False),  # Qt breaks lines with its own code
        ("icudt73l/translit/root.res", False),
        ("icudt73l/nfkc.nrm", True),
    ],
)
def test_icu_items_kept(bundle: ModuleType, name: str, kept: bool) -> None:
    assert bundle.icu_item_kept(name) is kept


def _icu_blob(items: list[tuple[str, bytes]]) -> bytes:
    header = struct.pack("<HBB", 32, 0xDA, 0x27)
    header += struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD" + bytes(8)
    header += bytes(32 - len(header))
    return load("bundle").IcuData(header, tuple(items)).pack()


def test_icu_data_keeps_the_items_it_is_asked_to_in_name_order(bundle: ModuleType) -> None:
    items = [
        ("icudt73l/zone/zh.res", b"Z" * 48),
        ("icudt73l/brkitr/cjdict.dict", b"D" * 32),
        ("icudt73l/coll/zh.res", b"C" * 20),  # not a multiple of 16: padded
    ]
    data = bundle.IcuData.parse(_icu_blob(items))
    assert [name for name, _ in data.items] == sorted(name for name, _ in items)
    kept = bundle.IcuData.parse(data.kept().pack())
    assert [name for name, _ in kept.items] == ["icudt73l/coll/zh.res", "icudt73l/zone/zh.res"]
    assert kept.items[1][1] == b"Z" * 48
    assert kept.items[0][1].startswith(b"C" * 20) and len(kept.items[0][1]) == 32
    with pytest.raises(ValueError, match="ICU"):
        bundle.IcuData.parse(b"\0" * 64)


ICU_CHECK = """
import functools, json
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
names = ["张三", "李四", "王五", "阿福", "赵六"]
order = sorted(names, key=functools.cmp_to_key(QCollator(zh).compare))
zone = QTimeZone(b"Asia/Shanghai")
names = [zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, locale)
         for locale in (zh, QLocale("en_US"))]
codecs = [QStringDecoder(name).isValid() for name in ("GBK", "GB18030", "Big5")]
print(json.dumps({"order": order, "names": names, "codecs": codecs}, ensure_ascii=False))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux Qt brings its own ICU")
def test_qt_sorts_names_zones_and_codecs_with_the_cut_icu_data(
    bundle: ModuleType, tmp_path: Path
) -> None:
    import shutil

    import PySide6

    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler to build the library with")
    (library,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    trimmed = bundle.trimmed_icu_library(library, tmp_path)
    assert trimmed is not None and trimmed.stat().st_size < 6_000_000
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path)}  # found before Qt's own RUNPATH
    done = subprocess.run(
        [sys.executable, "-c", ICU_CHECK], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "order": ["阿福", "李四", "王五", "张三", "赵六"],  # pinyin: a, li, wang, zhang, zhao
        "names": ["中国标准时间", "China Standard Time"],
        "codecs": [True, True, True],
    }
