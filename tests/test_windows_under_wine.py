"""The Windows program on Linux (packaging/windows_under_wine.py): its path and import-table
helpers, and (slow) the whole run: the suite with Windows Python under Wine, and the build."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "windows_under_wine.py"


@pytest.fixture(scope="module")
def wine_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_windows_under_wine", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="Unix paths as Wine maps them")
def test_unix_paths_as_wine_programs_see_them(wine_script: ModuleType, tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    (prefix / "drive_c" / "users" / "张三 李").mkdir(parents=True)
    (prefix / "system.reg").write_text("", encoding="utf-8")
    inside = prefix / "drive_c" / "users" / "张三 李" / "a.txt"
    assert wine_script.windows_path(inside) == "C:\\users\\张三 李\\a.txt"
    assert wine_script.windows_path(tmp_path / "x y") == "Z:" + str(tmp_path / "x y").replace(
        "/", "\\"
    )


def test_every_requirement_gets_its_windows_wheel(wine_script: ModuleType) -> None:
    requirements = wine_script.windows_requirements()
    names = {re.split(r"[<>=!\[ ;]", r, maxsplit=1)[0].lower() for r in requirements}
    assert {"pyside6-essentials", "pytest", "pytest-qt", "pyinstaller", "appdirs"} <= names
    # Left out by pip on Linux (their markers name Windows), needed there.
    assert {"colorama", "pywin32-ctypes", "pefile"} <= names


@pytest.mark.skipif(
    not shutil.which("x86_64-w64-mingw32-objdump"), reason="mingw-w64 binutils not installed"
)
def test_a_dll_import_table_is_read(wine_script: ModuleType, tmp_path: Path) -> None:
    gcc = shutil.which("x86_64-w64-mingw32-gcc")
    if gcc is None:
        pytest.skip("mingw-w64 compiler not installed")
    source = tmp_path / "uses.c"
    source.write_text(
        "#include <windows.h>\n"
        "int __stdcall DllMain(void *m, unsigned long r, void *p) { return 1; }\n"
        "DWORD ticks(void) { return GetTickCount(); }\n",
        encoding="ascii",
    )
    dll = tmp_path / "uses.dll"
    subprocess.run([gcc, "-shared", "-o", str(dll), str(source)], check=True)
    imports = wine_script.dll_imports(dll)
    assert "GetTickCount" in imports["kernel32.dll"]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="runs Wine on Linux")
def test_the_windows_program_passes_under_wine() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=3600,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"wine: [1-9]\d* passed, 0 failed, \d+ skipped", last), last
