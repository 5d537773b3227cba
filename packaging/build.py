"""Release build: run the tests, freeze the program, smoke-run the frozen program, and on
Windows wrap it in the Inno Setup installer.

    python packaging/build.py                  everything
    python packaging/build.py --skip-tests     freeze + smoke run (+ installer on Windows)
    python packaging/build.py --smoke-only     smoke-run an existing dist/bluebook

The smoke run starts the frozen programs the way a clerk would, with a data folder under a
Chinese-named folder: bluebook-cli imports the fixture book and exports it (the JSON must come
back byte for byte, the PDF and Word files must be there); the window starts offscreen, opens
the fixture and quits by itself (BLUEBOOK_SMOKE_QUIT_MS, see entry_bluebook.py); finally a
portable.txt beside the programs must keep everything in data/ beside them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "bluebook.spec"
ISS = PACKAGING / "bluebook.iss"
FIXTURE = ROOT / "tests" / "fixtures" / "sanshui-cppcc-2021.bluebook.json"
ON_WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if ON_WINDOWS else ""
TIMEOUT = 180  # seconds per frozen-program run; the first start of a cold bundle is slow
SMOKE_QUIT_MS = "4000"


class BuildError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    console_safe()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--skip-tests", action="store_true", help="do not run pytest first")
    parser.add_argument("--smoke-only", action="store_true", help="smoke-run an existing build")
    parser.add_argument("--no-installer", action="store_true", help="Windows: skip Inno Setup")
    parser.add_argument(
        "--iscc-define", action="append", default=[], metavar="NAME=VALUE",
        help="Windows: an Inno Setup /D definition (e.g. InstallRoot under Wine)",
    )  # fmt: skip
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    bundle = args.dist.resolve() / "bluebook"
    timings: dict[str, float] = {}
    try:
        if not (args.skip_tests or args.smoke_only):
            with timed(timings, "tests"):
                run_tests()
        if not args.smoke_only:
            with timed(timings, "build"):
                freeze(args.dist.resolve(), args.work.resolve())
        with timed(timings, "smoke run"):
            smoke(bundle)
        if ON_WINDOWS and not args.no_installer:
            with timed(timings, "installer"):
                installer(bundle, args.dist.resolve(), args.iscc_define)
    except BuildError as exc:
        print(f"build.py: FAILED: {exc}", file=sys.stderr)
        return 1
    size = bundle_size(bundle)
    print(f"bundle: {bundle}  {size / 1_000_000:.1f} MB unpacked ({size / 2**20:.1f} MiB)")
    for step, seconds in timings.items():
        print(f"{step}: {seconds:.1f} s")
    return 0


def console_safe() -> None:
    """Paths with Chinese names are printed; a Windows console or pipe in cp1252 (GitHub's
    Windows runners, a clerk's English Windows) cannot encode them: escape, never crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


class timed:
    def __init__(self, timings: dict[str, float], step: str) -> None:
        self.timings, self.step = timings, step

    def __enter__(self) -> None:
        print(f"== {self.step}", flush=True)
        self.start = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        self.timings[self.step] = time.monotonic() - self.start


def run_tests() -> None:
    check([sys.executable, "-m", "pytest", "-m", "not slow", "-q"], cwd=ROOT, what="tests")


def freeze(dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    check(command, cwd=ROOT, what="PyInstaller")


def check(command: list[str], cwd: Path, what: str) -> None:
    if subprocess.run(command, cwd=cwd).returncode != 0:
        raise BuildError(f"{what} failed")


# --- smoke run ------------------------------------------------------------------------------


def smoke(bundle: Path) -> None:
    gui, cli = bundle / f"bluebook{EXE_SUFFIX}", bundle / f"bluebook-cli{EXE_SUFFIX}"
    for program in (gui, cli):
        if not program.is_file():
            raise BuildError(f"{program} is missing: build first")
    if (bundle / "portable.txt").exists() or (bundle / "data").exists():
        raise BuildError(f"{bundle} holds portable.txt or data/: not a clean build")
    with tempfile.TemporaryDirectory(prefix="bluebook-smoke-") as tmp:
        home = Path(tmp) / "张三"
        env = clean_env(home)
        database = home / "蓝皮书 数据" / "bluebook.sqlite3"
        env["BLUEBOOK_DB"] = str(database)
        smoke_cli(cli, env, home)
        smoke_gui(gui, env, log_dir=None if ON_WINDOWS else home / "xdg-data")
        smoke_portable(bundle, gui, cli, clean_env(home))
    print("smoke run passed")


def clean_env(home: Path) -> dict[str, str]:
    """The user's environment, minus anything that would let the frozen program see this
    Python; Linux user folders point into `home` (Windows keeps its registry settings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BLUEBOOK_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if not ON_WINDOWS:
        env["XDG_DATA_HOME"] = str(home / "xdg-data")
        env["XDG_CONFIG_HOME"] = str(home / "xdg-config")
    return env


def run(program: Path, *args: str, env: dict[str, str]) -> str:
    started = time.monotonic()
    try:
        done = subprocess.run(
            [str(program), *args],
            env=env,
            capture_output=True,
            timeout=TIMEOUT,
            encoding="utf-8",
            errors="replace",
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{program.name} {' '.join(args)}: no exit after {TIMEOUT} s") from exc
    seconds = time.monotonic() - started
    print(f"  {program.name} {' '.join(args)} -> {done.returncode} ({seconds:.1f} s)", flush=True)
    if done.returncode != 0:
        raise BuildError(
            f"{program.name} {' '.join(args)} exited {done.returncode}\n"
            f"stdout: {done.stdout}\nstderr: {done.stderr}"
        )
    return done.stdout


def smoke_cli(cli: Path, env: dict[str, str], out: Path) -> None:
    version = run(cli, "--version", env=env)
    if not version.startswith("bluebook-cli "):
        raise BuildError(f"unexpected --version output: {version!r}")
    book_id = run(cli, "import", str(FIXTURE), env=env).strip()
    if not book_id.isdigit():
        raise BuildError(f"import printed {book_id!r}, not a book number")
    if not listed(run(cli, "list", env=env), book_id):
        raise BuildError("list does not show the imported book")
    json_out, pdf_out, docx_out = out / "导出.bluebook.json", out / "导出.pdf", out / "导出.docx"
    run(cli, "export", book_id, "--json", str(json_out), "--pdf", str(pdf_out),
        "--docx", str(docx_out), env=env)  # fmt: skip
    if not json_out.is_file() or json_out.read_bytes() != FIXTURE.read_bytes():
        raise BuildError("the exported book differs from the imported one")
    require_pdf(pdf_out)
    if not zipfile.is_zipfile(docx_out):
        raise BuildError(f"{docx_out} is not a Word document")
    rendered = out / "render.pdf"
    run(cli, "render", str(FIXTURE), "--pdf", str(rendered), env=env)
    require_pdf(rendered)


def listed(output: str, book_id: str) -> bool:
    # By number, not by name: a Windows console pipe may not carry Chinese.
    return any(line.split("\t")[0] == book_id for line in output.splitlines())


def require_pdf(path: Path) -> None:
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"%PDF-") or len(data) < 10_000:
        raise BuildError(f"{path} is not a PDF of the book ({len(data)} bytes)")


def smoke_gui(gui: Path, env: dict[str, str], log_dir: Path | None) -> None:
    """Start the window offscreen on the fixture; it quits by itself, 0 if the window showed.

    A database of its own: in the command line's, the fixture is there already and the window
    would (rightly) ask whether to replace it or keep both."""
    database = Path(env["BLUEBOOK_DB"]).with_name("window.sqlite3")
    smoke_env = {**env, "BLUEBOOK_DB": str(database), "BLUEBOOK_SMOKE_QUIT_MS": SMOKE_QUIT_MS}
    run(gui, str(FIXTURE), env=smoke_env)
    if log_dir is not None:
        require_clean_logs(log_dir)


def require_clean_logs(folder: Path) -> None:
    logs = list(folder.rglob("*.log"))
    if not logs:
        raise BuildError(f"the window wrote no log under {folder}")
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        if " ERROR " in text or "Traceback" in text:
            raise BuildError(f"{log} reports an error:\n{text}")


def smoke_portable(bundle: Path, gui: Path, cli: Path, env: dict[str, str]) -> None:
    """portable.txt beside the programs: database, settings and logs in data/ beside them."""
    marker, data = bundle / "portable.txt", bundle / "data"
    marker.write_text("", encoding="utf-8")
    try:
        run(gui, str(FIXTURE), env={**env, "BLUEBOOK_SMOKE_QUIT_MS": SMOKE_QUIT_MS})
        if not (data / "bluebook.sqlite3").is_file():
            raise BuildError(f"portable mode kept no database in {data}")
        require_clean_logs(data / "logs")
        if not listed(run(cli, "list", env=env), "1"):
            raise BuildError("portable bluebook-cli does not see the window's book")
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


# --- size and installer ---------------------------------------------------------------------


def bundle_size(bundle: Path) -> int:
    """Bytes on disk once unpacked (files only, symbolic links not followed)."""
    return sum(f.lstat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())


def find_iscc() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        root = os.environ.get(base)
        for sub in ("Inno Setup 6", os.path.join("Programs", "Inno Setup 6")):
            if root and (Path(root) / sub / "ISCC.exe").is_file():
                return Path(root) / sub / "ISCC.exe"
    return None


def installer(bundle: Path, dist: Path, defines: Sequence[str] = ()) -> None:
    iscc = find_iscc()
    if iscc is None:
        raise BuildError("Inno Setup 6 (ISCC.exe) not found: install it, or pass --no-installer")
    sys.path.insert(0, str(PACKAGING))
    import bundle as data_list  # packaging/bundle.py

    version = data_list.version()
    numeric = ".".join(str(n) for n in data_list.version_tuple(version))
    command = [str(iscc), f"/DAppVersion={version}", f"/DAppVersionNumeric={numeric}"]
    command += [f"/DBundleDir={bundle}", *(f"/D{define}" for define in defines)]
    command += [f"/DOutputDir={dist}", f"/DIconFile={data_list.ICON_ICO}", str(ISS)]
    check(command, cwd=PACKAGING, what="Inno Setup")
    print(f"installer: {dist / f'bluebook-setup-{version}.exe'}")


if __name__ == "__main__":
    sys.exit(main())
