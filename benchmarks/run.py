"""Benchmarks: how start-up, export and editing cost grow, each figure beside its baseline.

    python benchmarks/run.py [--quick] [--json OUT]

Machines running this are noisy, so figures are ratios to a baseline measured in the same
run, or medians of repetitions. Nothing here touches the user's data or settings: every
database, settings file and output lives in a temporary folder. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from books import FIXTURE, big_book  # noqa: E402 - the folder is put on the path first

BIG = 1000  # tasks in the big book
SMALL = 100  # the book the big one's export is compared with


@dataclass(frozen=True)
class Figure:
    key: str
    value: float | None
    unit: str
    target: str = ""
    note: str = ""

    def met(self) -> str:
        if self.value is None or not self.target:
            return ""
        op, limit = self.target.split()
        ok = self.value <= float(limit) if op == "≤" else self.value >= float(limit)
        return "yes" if ok else "NO"


@dataclass
class Run:
    quick: bool
    work: Path
    figures: list[Figure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def add(self, *figures: Figure) -> None:
        for figure in figures:
            self.figures.append(figure)
            shown = "—" if figure.value is None else f"{figure.value:.3g} {figure.unit}"
            print(f"  {figure.key}: {shown} {figure.note}".rstrip(), flush=True)

    def reps(self, quick: int, full: int) -> int:
        return quick if self.quick else full


def median_ms(samples: Sequence[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# --- child processes: the program's window, and the bare window it is compared with ---


def run_child(role: str, env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Seconds from starting the child process to its window painted, and its report."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, str(HERE / "child.py"), role],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{role} child failed ({done.returncode}):\n{done.stderr}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["painted"] - start, report


def child_env(database: Path) -> dict[str, str]:
    env = dict(os.environ)
    # An installed program starts from compiled bytecode (pip and PyInstaller both compile):
    # a machine set never to write .pyc files would time Python's compiler instead. The
    # cache goes to the run's folder, not into the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(database.parent / "pycache")
    env.update(
        QT_QPA_PLATFORM="offscreen",
        BLUEBOOK_DB=str(database),
        BLUEBOOK_BENCH_SETTINGS=str(settings_file(database)),
        XDG_CONFIG_HOME=str(database.parent / "xdg-config"),
        XDG_DATA_HOME=str(database.parent / "xdg-data"),
    )
    return env


def settings_file(database: Path) -> Path:
    """Where QSettings(APP_NAME, APP_NAME) reads on Linux with XDG_CONFIG_HOME as above."""
    from bluebook_desktop import APP_NAME

    return database.parent / "xdg-config" / APP_NAME / f"{APP_NAME}.conf"


def prepare_database(run: Run, name: str, book: Any) -> Path:
    """A database holding `book`, and the settings naming it the last open book."""
    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.ui.settings import Settings

    database = run.work / name / "bluebook.sqlite3"
    with open_store(database) as store:
        stored = store.repository.add(book)
    settings = Settings.in_file(settings_file(database))
    settings.set_last_book_id(stored.id)
    settings.q.sync()
    return database


# --- the figures ---


def bench_startup(run: Run, fixture: Any) -> None:
    print("start-up (whole processes, offscreen)", flush=True)
    env = child_env(prepare_database(run, "startup", fixture))
    run_child("baseline", env)  # warm the file cache; the first start makes the daily backup
    _, report = run_child("window", env)
    program: list[float] = []
    baseline: list[float] = []
    for _ in range(run.reps(3, 7)):  # alternated, so a slow spell hits both alike
        baseline.append(run_child("baseline", env)[0])
        program.append(run_child("window", env)[0])
    loaded = ", ".join(report["modules"]) or "none"
    run.add(
        Figure(
            "startup_ratio",
            statistics.median(program) / statistics.median(baseline),
            "×",
            "≤ 2",
            f"(program {median_ms(program):.0f} ms, bare window {median_ms(baseline):.0f} ms;"
            f" reportlab/docx/lxml/alembic at start-up: {loaded})",
        ),
        Figure("startup_ms", median_ms(program), "ms"),
        Figure("startup_baseline_ms", median_ms(baseline), "ms"),
    )


def bench_libreoffice(run: Run, fixture: Any) -> None:
    print("export against LibreOffice (whole processes)", flush=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        run.notices.append("export_vs_libreoffice skipped: LibreOffice (soffice) is not installed")
        run.add(Figure("export_vs_libreoffice", None, "×", "≥ 4", "(skipped: no LibreOffice)"))
        return
    from bluebook_desktop.formats.docx import write_docx

    folder = run.work / "libreoffice"
    folder.mkdir()
    docx = folder / "book.docx"
    write_docx(fixture, docx)
    profile = (folder / "profile").as_uri()  # a private profile: the user's is never touched
    office = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    office += ["--convert-to", "pdf", "--outdir", str(folder / "out"), str(docx)]
    # This Python's own script: a version manager's shim on PATH would add its own start-up.
    cli = shutil.which("bluebook-cli", path=sysconfig.get_path("scripts"))
    render = [cli] if cli else [sys.executable, "-m", "bluebook_desktop.cli"]
    render += ["render", str(FIXTURE), "--pdf", str(folder / "cli.pdf")]
    env = child_env(folder / "cli.sqlite3")

    def whole(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        return time.perf_counter() - start

    whole(office)  # the first run creates the profile: not what a second export costs
    whole(render)
    office_s: list[float] = []
    render_s: list[float] = []
    for _ in range(run.reps(1, 5)):  # alternated; LibreOffice alone varies by a fifth
        office_s.append(whole(office))
        render_s.append(whole(render))
    run.add(
        Figure(
            "export_vs_libreoffice",
            statistics.median(office_s) / statistics.median(render_s),
            "×",
            "≥ 4",
            f"(LibreOffice {median_ms(office_s):.0f} ms, bluebook-cli render"
            f" {median_ms(render_s):.0f} ms)",
        )
    )


def count_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def bench_export(run: Run, fixture: Any) -> None:
    print(f"PDF export, {SMALL} and {BIG} tasks (in-process, fonts loaded)", flush=True)
    from bluebook_desktop.formats.pdf import render_pdf

    render_pdf(fixture)  # loads the fonts and reportlab: the export after the first
    small, big = big_book(SMALL), big_book(BIG)
    small_s = [timed(lambda: render_pdf(small)) for _ in range(run.reps(2, 5))]
    pdf = b""

    def big_export() -> None:
        nonlocal pdf
        pdf = render_pdf(big)

    big_s = [timed(big_export) for _ in range(run.reps(1, 3))]
    pages = count_pages(pdf)
    big_median = statistics.median(big_s)
    run.add(
        Figure(
            "export_scaling",
            big_median / statistics.median(small_s),
            "×",
            "≤ 11",
            f"({SMALL} tasks {median_ms(small_s):.0f} ms, {BIG} tasks {big_median * 1000:.0f} ms)",
        ),
        Figure("export_1000_pages_per_s", pages / big_median, "pages/s", "", f"({pages} pages)"),
    )


def bench_package(run: Run) -> None:
    """Importing a package of 100 supporting files of 1 MB into a database (every check,
    every hash, the bytes stored and committed) against copying the package's bytes to
    another file as durably (written and flushed to the disk, as the commit is)."""
    print("Package of 100 supporting files of 1 MB: imported against a plain copy", flush=True)
    import hashlib

    from bluebook_desktop.db import open_repository
    from bluebook_desktop.domain import Book, Cover, Task
    from bluebook_desktop.domain.year import Evidence, Progress
    from bluebook_desktop.formats.package import package_book, read_package

    files = {}
    for _ in range(100):
        data = b"%PDF-1.7\n" + os.urandom(2**20 - 9)
        files[hashlib.sha256(data).hexdigest()] = data
    records = tuple(
        Evidence(f"{n}.pdf", sha, len(d), "application/pdf")
        for n, (sha, d) in enumerate(files.items())
    )
    task = Task(task="政治协商", progress=(Progress(1, "按进度", evidence=records),))
    book = Book(cover=Cover(year=2022, unit_name="某单位"), functional_tasks=(task,))
    package = run.work / "bench.bluebook.zip"
    package_book(package, book, files.__getitem__)
    copy = run.work / "copy.bin"

    def plain_copy() -> None:
        with open(copy, "wb") as out:
            out.write(package.read_bytes())
            out.flush()
            os.fsync(out.fileno())

    reps = run.reps(2, 5)
    # Each import into a database of its own, made beforehand: a clerk's database exists.
    repositories = [open_repository(run.work / f"import-{n}.sqlite3") for n in range(reps)]

    def imported(repository: Any) -> None:
        with read_package(package) as packaged:
            repository.add(packaged.book, packaged.files())

    copy_s = [timed(plain_copy) for _ in range(reps)]
    try:
        import_s = [timed(lambda r=r: imported(r)) for r in repositories]
    finally:
        for repository in repositories:
            repository.engine.dispose()
    run.add(
        Figure(
            "package_import_ratio",
            statistics.median(import_s) / statistics.median(copy_s),
            "×",
            "≤ 3",
            f"(import {median_ms(import_s):.0f} ms, copy {median_ms(copy_s):.0f} ms)",
        )
    )


UNITS = 300  # a district's units
UNIT_TASKS = 30  # the most tasks a unit has


def unit_books(count: int, tasks: int) -> list[Any]:
    """`count` units' books of `tasks` tasks, each with its own unit name."""
    from bluebook_desktop.domain import new_id

    made = []
    for n in range(count):
        book = big_book(tasks, tag=f"unit-{n}")
        cover = replace(book.cover, unit_name=f"佛山市三水区第{n + 1:03d}单位")
        fresh = tuple(replace(t, id=new_id()) for t in book.functional_tasks)
        made.append(replace(book, cover=cover, functional_tasks=fresh))
    return made


def bench_collecting(run: Run) -> None:
    """Collecting a folder of 300 units' books (searching the folder, matching each book
    against those stored, one transaction a book) against importing the same files one
    by one in one process, as `import` does each."""
    count = run.reps(100, UNITS)
    print(f"Collecting {count} units' books against importing them one by one", flush=True)
    from bluebook_desktop.db import open_repository
    from bluebook_desktop.formats.collecting import IMPORTED, collect
    from bluebook_desktop.formats.portable import read_portable, write_portable

    folder = run.work / "in-tray"
    folder.mkdir()
    for n, book in enumerate(unit_books(count, 10)):
        write_portable(book, folder / f"{n:03d}.bluebook.json")
    files = sorted(folder.iterdir())
    reps = run.reps(1, 3)
    import_s, collect_s = [], []
    for rep in range(reps):
        one = open_repository(run.work / f"one-by-one-{rep}.sqlite3")
        many = open_repository(run.work / f"collected-{rep}.sqlite3")
        try:
            import_s.append(timed(lambda r=one: [r.add(read_portable(f)) for f in files]))
            kept = run.work / f"kept-{rep}"
            started = time.perf_counter()
            result = collect([folder], many, kept)
            collect_s.append(time.perf_counter() - started)
            assert result.count(IMPORTED) == count, "every book collected"
        finally:
            one.engine.dispose()
            many.engine.dispose()
    run.add(
        Figure(
            "collect_ratio",
            statistics.median(collect_s) / statistics.median(import_s),
            "×",
            "≤ 2",
            f"(collect {median_ms(collect_s):.0f} ms, import one by one "
            f"{median_ms(import_s):.0f} ms, {count} books)",
        ),
    )


def bench_collection_view(run: Run) -> None:
    """收集与汇总 of 300 units of 10 tasks (10 more expected, not sent): the window opened,
    its rows read, checked and shown, and beside it the command line's `units` of the same
    year in the same process."""
    print(f"the collection view of {UNITS} units (in-process, offscreen)", flush=True)
    import contextlib
    import io

    from PySide6.QtWidgets import QApplication

    from bluebook_desktop import paths
    from bluebook_desktop.cli import main as cli
    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    database = run.work / "office" / "bluebook.sqlite3"
    store = open_store(database)
    for book in unit_books(UNITS, 10):
        store.repository.add(book)
    expected = [f"佛山市三水区第{n + 1:03d}单位" for n in range(UNITS + 10)]
    store.repository.set_expected_units(2021, expected)
    settings = Settings.in_file(run.work / "office" / "settings.ini")
    window = MainWindow(Workspace(store, settings, paths.resolve(database)))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    view_s, cli_s = [], []
    for _ in range(run.reps(2, 5)):
        start = time.perf_counter()
        view = window.collection.show_window()
        app.processEvents()
        view_s.append(time.perf_counter() - start)
        assert view.rows.rowCount() == UNITS + 10, "every unit shown"
        view.close()
        view.deleteLater()
        window.collection.window_ = None
        app.processEvents()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cli_s.append(timed(lambda: cli(["--db", str(database), "units", "--year", "2021"])))
        assert out.getvalue().count("\n") == UNITS + 11, "a line a unit and the header"
    window.close()
    store.close()
    run.add(
        Figure(
            "collection_view_ms_300",
            median_ms(view_s),
            "ms",
            "≤ 300",
            f"(window opened, {UNITS} books read and checked, shown and painted; "
            f"bluebook-cli units {median_ms(cli_s):.0f} ms)",
        ),
    )


def bench_summary(run: Run) -> None:
    """The 汇总表 workbook of 300 units of 30 tasks, every task reported in every quarter
    and reviewed (all columns filled): the time to make it and its size."""
    print(f"汇总表 of {UNITS} units × {UNIT_TASKS} tasks", flush=True)
    import datetime as dt

    from bluebook_desktop.domain.collection import unit_row
    from bluebook_desktop.domain.year import Progress, Review
    from bluebook_desktop.formats.summary import UnitBook, summary_workbook

    units = []
    for n, book in enumerate(unit_books(UNITS, UNIT_TASKS)):
        tasks = tuple(
            replace(
                task,
                progress=tuple(
                    Progress(q, "按进度", done=task.objective, value=f"{25 * q}%")
                    for q in (1, 2, 3, 4)
                ),
                review=Review("完成", done=task.objective),
            )
            for task in book.functional_tasks
        )
        book = replace(book, id=n + 1, functional_tasks=tasks)
        units.append(UnitBook(unit_row(book, "", dt.date(2022, 1, 10)), book))
    reps = run.reps(1, 3)
    data = b""
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        data = summary_workbook(2021, units)
        samples.append(time.perf_counter() - started)
    rows = UNITS * UNIT_TASKS
    run.add(
        Figure("summary_xlsx_s", statistics.median(samples), "s", "≤ 5", f"({rows} rows)"),
        Figure("summary_xlsx_mb", len(data) / 2**20, "MB", "≤ 5"),
    )


def bench_editing(run: Run, big: Any) -> None:
    print(f"opening and editing a {BIG}-task book (in-process, offscreen)", flush=True)
    from PySide6.QtWidgets import QApplication

    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.paths import Paths
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.session import BookSession
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.task_page import TaskPage
    from bluebook_desktop.ui.workspace import Completions, Workspace

    app = QApplication.instance() or QApplication([])
    folder = run.work / "editing"
    store = open_store(folder / "bluebook.sqlite3")
    repository = store.repository
    small_id = repository.add(big_book(3, tag="small")).id
    big_id = repository.add(big).id
    assert small_id is not None and big_id is not None
    completions = Completions(repository)

    # open: the repository's load, then the page of 职能工作 built and shown
    reps = run.reps(3, 7)
    load_s = [timed(lambda: repository.load(big_id)) for _ in range(reps)]
    book = repository.load(big_id)
    page_s: list[float] = []
    for _ in range(reps):
        session = BookSession(repository, book)
        page_start = time.perf_counter()
        page = TaskPage("functional_tasks", session, completions)
        page.resize(1000, 700)
        page.show()
        app.processEvents()
        page_s.append(time.perf_counter() - page_start)
        page.close()
        page.deleteLater()
        session.deleteLater()
        app.processEvents()

    paths = Paths(folder, folder / "bluebook.sqlite3", folder / "logs", folder / "backups")
    window = MainWindow(Workspace(store, Settings.in_file(folder / "settings.ini"), paths))
    window.resize(1280, 800)
    window.show()
    window.open_book(small_id)
    app.processEvents()
    window_s: list[float] = []
    for _ in range(reps):
        window.ui.tabs.setCurrentIndex(2)  # the 职能工作 tab, as a clerk with many tasks keeps it
        start = time.perf_counter()
        window.open_book(big_id)
        app.processEvents()
        window_s.append(time.perf_counter() - start)
        window.open_book(small_id)
        app.processEvents()
    window.open_book(big_id)
    window.ui.tabs.setCurrentIndex(2)
    app.processEvents()
    run.add(
        Figure(
            "open_ms_1000",
            median_ms(load_s) + median_ms(page_s),
            "ms",
            "≤ 300",
            f"(Repository.load {median_ms(load_s):.0f} ms + task page built and painted"
            f" {median_ms(page_s):.0f} ms)",
        ),
        Figure("open_load_ms_1000", median_ms(load_s), "ms"),
        Figure("open_page_ms_1000", median_ms(page_s), "ms"),
        Figure(
            "open_window_ms_1000",
            median_ms(window_s),
            "ms",
            "",
            "(MainWindow.open_book, all four pages, painted)",
        ),
    )

    # edit: one field changed, then the time to store it (store_now), median of 100
    session = window.session
    assert session is not None
    store_s: list[float] = []
    view_s: list[float] = []
    for n in range(100):
        current = session.book
        if n % 2:
            cover = replace(current.cover, phone=f"8777{n:04d}")
            new_book = replace(current, cover=cover)
        else:
            row = (n * 37) % BIG
            tasks = list(current.functional_tasks)
            tasks[row] = replace(tasks[row], objective=tasks[row].objective + "改")
            new_book = replace(current, functional_tasks=tuple(tasks))
        start = time.perf_counter()
        session.edit(new_book, "benchmark edit")
        app.processEvents()  # every page shows the edit, the window repaints
        view_s.append(time.perf_counter() - start)
        store_s.append(timed(session.store_now))
    run.add(
        Figure(
            "edit_ms_1000", median_ms(store_s), "ms", "≤ 10", "(store_now after one edited field)"
        ),
        Figure(
            "edit_view_ms_1000",
            median_ms(view_s),
            "ms",
            "",
            "(the same edit shown by the open window, repainted)",
        ),
    )
    window.close()
    store.close()


def bench_preview(run: Run, fixture: Any, big: Any) -> None:
    """The live preview beside the editors: typing with it on, how soon it shows what was
    typed, and export from the open window (in-process, offscreen, 1366 × 768)."""
    print("the live preview while typing (in-process, offscreen)", flush=True)
    import threading

    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QFileDialog

    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.formats.pdf import render_pdf
    from bluebook_desktop.paths import Paths
    from bluebook_desktop.ui.live_preview import PAUSE_MS
    from bluebook_desktop.ui.main_window import FUNCTIONAL_TAB, MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    folder = run.work / "preview"
    store = open_store(folder / "bluebook.sqlite3")
    fixture_id = store.repository.add(fixture).id
    big_id = store.repository.add(replace(big, cover=replace(big.cover, serial="preview"))).id
    settings = Settings.in_file(folder / "settings.ini")
    settings.set_preview_shown(True)
    paths = Paths(folder, folder / "bluebook.sqlite3", folder / "logs", folder / "backups")
    window = MainWindow(Workspace(store, settings, paths))
    window.resize(1366, 768)
    window.show()
    window.open_book(fixture_id)
    window.build_pages()  # what the program does after the first paint: the preview starts
    preview = window.preview
    assert preview is not None

    def pump(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    def shown_now() -> bool:
        shown = preview._shown
        return shown is not None and shown[0] is window.session.book and not preview.worker.busy

    def wait_shown(limit: float = 120.0) -> float:
        """Seconds until the preview shows the open book as it is now."""
        start = time.perf_counter()
        while not (shown_now() and not preview.timer.isActive()):
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - start > limit:
                raise RuntimeError("the preview never showed the edit")
        return time.perf_counter() - start

    def open_at(book_id: int, row: int) -> Any:
        window.open_book(book_id)
        window.ui.tabs.setCurrentIndex(FUNCTIONAL_TAB)
        page = window._pages[FUNCTIONAL_TAB]
        page.table.selectRow(row)
        wait_shown()
        editor = page.detail.ui.objectiveEdit
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        pump(0.1)
        return editor

    def keystroke(editor: Any, char: str) -> float:
        """One character through the input method, handled and painted."""
        start = time.perf_counter()
        app.sendEvent(editor, QInputMethodEvent("zi", []))
        commit = QInputMethodEvent("", [])
        commit.setCommitString(char)
        app.sendEvent(editor, commit)
        app.processEvents()
        return time.perf_counter() - start

    def typing(editor: Any, bursts: int, gap: float = 0.06, pause: float = 0.45) -> list[float]:
        """Bursts of ten characters, a pause after each (a layout starts in it)."""
        samples: list[float] = []
        for _ in range(bursts):
            for char in "进度按计划推进完成好":
                samples.append(keystroke(editor, char))
                pump(gap)
            pump(pause)
        return samples

    def p95(samples: list[float]) -> float:
        return statistics.quantiles(samples, n=20)[-1] * 1000

    def to_preview(book_id: int, row: int, reps: int) -> list[float]:
        editor = open_at(book_id, row)
        samples: list[float] = []
        for _ in range(reps):
            for char in "改进":
                keystroke(editor, char)
                pump(0.05)
            samples.append(wait_shown())
            pump(0.2)
        return samples

    preview_real = to_preview(fixture_id, 5, run.reps(3, 7))
    preview_big = to_preview(big_id, 500, run.reps(2, 3))

    # Typing in the 1,000-task book: the preview on (layouts in its process), off, and,
    # for comparison, the same layouts in a thread of the window's own process.
    bursts = run.reps(4, 10)
    editor = open_at(big_id, 500)
    with_preview = typing(editor, bursts)
    wait_shown()
    window.show_preview(False)
    editor.setFocus()
    without = typing(editor, bursts)
    stop = threading.Event()

    def layouts() -> None:
        while not stop.is_set():
            render_pdf(window.session.book)

    thread = threading.Thread(target=layouts)
    thread.start()
    in_thread = typing(editor, bursts)
    stop.set()
    thread.join()
    window.show_preview(True)
    editor.setFocus()

    # Export of the real book from the open window: the PDF the preview laid out for it.
    window.open_book(fixture_id)
    window.ui.tabs.setCurrentIndex(FUNCTIONAL_TAB)
    wait_shown()
    target = folder / "out.pdf"
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))  # type: ignore[method-assign]
    window.actions_.planPrinted.disconnect()  # no 定稿 question after the export
    try:
        cached = [timed(window.ui.actionExportPdf.trigger) for _ in range(run.reps(3, 7))]
        assert target.read_bytes() == preview.widget.data
        window.show_preview(False)
        window.actions_.laid_out = lambda _book, _settings: None
        fresh = [timed(window.ui.actionExportPdf.trigger) for _ in range(run.reps(3, 7))]
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    run.add(
        Figure(
            "keystroke_ms_1000",
            p95(with_preview),
            "ms",
            "≤ 16",
            f"(95th percentile of {len(with_preview)} characters, the preview laying out;"
            f" preview off {p95(without):.1f} ms, the same layouts in a thread of the window's"
            f" process {p95(in_thread):.1f} ms)",
        ),
        Figure("keystroke_ms_1000_off", p95(without), "ms"),
        Figure("keystroke_ms_1000_thread", p95(in_thread), "ms"),
        Figure(
            "preview_ms",
            median_ms(preview_real),
            "ms",
            "≤ 400",
            f"(last keystroke → the real book's preview showing it, the {PAUSE_MS} ms pause"
            " included)",
        ),
        Figure(
            "preview_ms_1000",
            median_ms(preview_big),
            "ms",
            "≤ 4000",
            "(the same in the 1,000-task book)",
        ),
        Figure(
            "window_export_ms",
            median_ms(cached),
            "ms",
            "≤ 150",
            f"(导出 PDF of the real book from the open window, the preview's PDF of the same"
            f" book written; without the preview {median_ms(fresh):.0f} ms)",
        ),
        Figure("window_export_uncached_ms", median_ms(fresh), "ms"),
    )
    window.close()
    store.close()


def bench_postgres(run: Run, big: Any) -> None:
    """One edit stored, and the 1,000-task book loaded, on a PostgreSQL server over loopback
    (a cluster of this run's own, .ci/postgres) beside the same on a SQLite file."""
    print(f"one edit and the {BIG}-task book's load on PostgreSQL beside SQLite", flush=True)
    keys = ("pg_edit_ms_1000", "pg_edit_ratio", "pg_load_ms_1000", "pg_load_ratio")
    targets = {"pg_edit_ms_1000": "≤ 10", "pg_edit_ratio": "≤ 5", "pg_load_ms_1000": "≤ 300"}
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        run.notices.append(
            "PostgreSQL figures skipped: the server (Debian postgresql) is not installed"
        )
        run.add(*(Figure(key, None, "", targets.get(key, "")) for key in keys))
        return
    run.work.chmod(0o755)  # run as root, the cluster belongs to the postgres user
    cluster = run.work / "pg"
    script = str(ROOT / ".ci" / "postgres")
    durable = {**os.environ, "BLUEBOOK_PG_FSYNC": "on"}  # as durable as the SQLite file
    url = subprocess.run(
        ["bash", script, "start", str(cluster)],
        check=True,
        capture_output=True,
        text=True,
        env=durable,
    ).stdout.strip()
    try:
        sqlite_file = str(run.work / "pg-beside.sqlite3")
        figures = {
            name: _edit_and_load(run, big, at)
            for name, at in (("sqlite", sqlite_file), ("pg", url))
        }
        (pg_edit, pg_load), (sq_edit, sq_load) = figures["pg"], figures["sqlite"]
        run.add(
            Figure("pg_edit_ms_1000", pg_edit, "ms", "≤ 10", "(Repository.store of one edit)"),
            Figure("pg_edit_ratio", pg_edit / sq_edit, "×", "≤ 5", f"(SQLite {sq_edit:.2f} ms)"),
            Figure("pg_load_ms_1000", pg_load, "ms", "≤ 300", "(Repository.load)"),
            Figure("pg_load_ratio", pg_load / sq_load, "×", "", f"(SQLite {sq_load:.0f} ms)"),
        )
    finally:
        subprocess.run(["bash", script, "stop", str(cluster)], check=False)


def _edit_and_load(run: Run, big: Any, location: str) -> tuple[float, float]:
    """Median ms of one edit stored (a cover field or a task's objective, in turn), and of
    loading the book, in a database at `location` holding `big`."""
    from bluebook_desktop.db.store import open_store

    with open_store(location) as store:
        repository = store.repository
        book_id = repository.add(big).id
        assert book_id is not None
        repository.load(book_id)  # the connection and the statements made once
        load_s = [timed(lambda: repository.load(book_id)) for _ in range(run.reps(3, 7))]
        book = repository.load(book_id)
        store_s: list[float] = []
        for n in range(run.reps(40, 100)):
            if n % 2:
                new = replace(book, cover=replace(book.cover, phone=f"8777{n:04d}"))
            else:
                row = (n * 37) % BIG
                tasks = list(book.functional_tasks)
                tasks[row] = replace(tasks[row], objective=tasks[row].objective + "改")
                new = replace(book, functional_tasks=tuple(tasks))
            start = time.perf_counter()
            repository.store(book, new)
            store_s.append(time.perf_counter() - start)
            book = new
    return median_ms(store_s), median_ms(load_s)


def bench_year_pages(run: Run, big: Any) -> None:
    """进展填报 and 年度自评 of the 1,000-task book, every other task with a report."""
    print(f"the year's pages of a {BIG}-task book (in-process, offscreen)", flush=True)
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.domain.year import ON_PACE, Progress
    from bluebook_desktop.ui.evidence_panel import RepositoryFiles
    from bluebook_desktop.ui.session import BookSession
    from bluebook_desktop.ui.year_pages import ProgressPage, ReviewPage

    app = QApplication.instance() or QApplication([])
    store = open_store(run.work / "year" / "bluebook.sqlite3")
    repository = store.repository
    tasks = tuple(
        replace(task, progress=(Progress(q, ON_PACE, done=task.objective[:60]),)) if n % 2 else task
        for n, task in enumerate(big.functional_tasks)
        for q in [1 + n % 4]
    )
    book = repository.add(replace(big, functional_tasks=tasks))
    today = lambda: dt.date(book.cover.year, 11, 15)  # noqa: E731
    figures = []
    for key, make in (
        ("progress_page_ms_1000", lambda s: ProgressPage(s, RepositoryFiles(repository), today)),
        ("review_page_ms_1000", lambda s: ReviewPage(s, RepositoryFiles(repository), today)),
    ):
        samples: list[float] = []
        for _ in range(run.reps(3, 7)):
            session = BookSession(repository, book)
            start = time.perf_counter()
            page = make(session)
            page.resize(1000, 700)
            page.show()
            app.processEvents()
            samples.append(time.perf_counter() - start)
            page.close()
            page.deleteLater()
            session.deleteLater()
            app.processEvents()
        figures.append(
            Figure(key, median_ms(samples), "ms", "≤ 150", "(page built, shown and painted)")
        )
    run.add(*figures)
    store.close()


def bench_memory(run: Run, big: Any) -> None:
    print(f"memory of the window with the {BIG}-task book open (child process)", flush=True)
    env = child_env(prepare_database(run, "memory", big))
    _, window = run_child("window", env)
    _, baseline = run_child("baseline", env)
    if window["rss_kb"] is None:
        run.notices.append("rss_mb_1000 skipped: peak memory is read on Unix only")
        return
    run.add(
        Figure(
            "rss_mb_1000",
            window["rss_kb"] / 1024,
            "MB",
            "≤ 300",
            f"(peak; the bare window {baseline['rss_kb'] / 1024:.0f} MB)",
        )
    )


# --- the report ---


def machine() -> dict[str, str]:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    cpu = platform.processor() or platform.machine()
    try:
        lines = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "system": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside,
        "qt": qVersion(),
    }


def table(run: Run) -> str:
    rows = ["| figure | value | target | met |", "|---|---|---|---|"]
    for f in run.figures:
        value = "skipped" if f.value is None else f"{f.value:.3g} {f.unit}"
        rows.append(f"| `{f.key}` | {value} | {f.target} | {f.met()} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under a minute)")
    parser.add_argument("--json", metavar="OUT", type=Path, help="write the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--only", metavar="NAMES", default="", help="only these, e.g. startup,preview"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    work = Path(tempfile.mkdtemp(prefix="bluebook-bench-"))
    # In-process figures use this run's folders too (logs, settings of Qt itself).
    os.environ["XDG_CONFIG_HOME"] = str(work / "xdg-config")
    os.environ["XDG_DATA_HOME"] = str(work / "xdg-data")
    run = Run(args.quick, work)
    started = time.perf_counter()
    try:
        from books import fixture_book

        fixture = fixture_book()
        big = big_book(BIG)
        benches: dict[str, Callable[[], None]] = {
            "startup": lambda: bench_startup(run, fixture),
            "libreoffice": lambda: bench_libreoffice(run, fixture),
            "export": lambda: bench_export(run, fixture),
            "package": lambda: bench_package(run),
            "editing": lambda: bench_editing(run, big),
            "preview": lambda: bench_preview(run, fixture, big),
            "postgres": lambda: bench_postgres(run, big),
            "year_pages": lambda: bench_year_pages(run, big),
            "memory": lambda: bench_memory(run, big),
            "collecting": lambda: bench_collecting(run),
            "collection_view": lambda: bench_collection_view(run),
            "summary": lambda: bench_summary(run),
        }
        chosen = [name for name in args.only.split(",") if name] or list(benches)
        for name in chosen:
            benches[name]()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    about = machine()
    print()
    print(table(run))
    print()
    print("; ".join(f"{k}: {v}" for k, v in about.items()))
    for notice in run.notices:
        print(f"notice: {notice}")
    print(f"({time.perf_counter() - started:.0f} s{', quick' if args.quick else ''})")
    if args.json:
        data = {f.key: f.value for f in run.figures}
        data.update(machine=about, quick=args.quick, notices=run.notices)  # type: ignore[arg-type]
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
