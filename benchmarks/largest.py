"""The largest books the portable file's limits accept: printed, imported and exported to
Word, each as a whole `bluebook-cli` process, its time and peak memory beside the same for
the 1,000-task benchmark book (a baseline taken in the same run).

    python benchmarks/largest.py [--json OUT]

Two books sit at the limits (bluebook_desktop/formats/portable.py): "structure", 2 × 1,000
tasks of 12 one-character steps and 10 leaders (the most rows and lines), and "text",
2 × 1,000 tasks holding the book's 600,000 characters (the most pages). The bound is
60 s and 500 MB to print, 300 MB to import. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from books import big_book  # noqa: E402 - the folder is put on the path first

from bluebook_desktop.domain import Book, ScheduleEntry, Task  # noqa: E402
from bluebook_desktop.formats import portable  # noqa: E402

PRINT_SECONDS, PRINT_MB, IMPORT_MB = 60, 500, 300


def structure_book() -> Book:
    steps = tuple(ScheduleEntry((1 + s % 4,), "办") for s in range(portable.MAX_STEPS))
    leaders = tuple(f"领导{i}" for i in range(portable.MAX_LEADERS))
    task = Task(task="任务", objective="目标", schedule=steps, leaders=leaders)
    return replace(
        big_book(1),
        functional_tasks=(task,) * portable.MAX_TASKS,
        key_tasks=(replace(task, role="牵头"),) * portable.MAX_TASKS,
        no_key_tasks=False,
    )


def text_book() -> Book:
    per_task = portable.MAX_BOOK_CHARS // (2 * portable.MAX_TASKS) - 10
    words = ("加强联系，推进协商，开展调研，形成报告。" * (per_task // 20 + 1))[:per_task]
    task = Task(
        task="任务", objective=words, schedule=(ScheduleEntry((1,), "办"),), leaders=("甲",)
    )
    return replace(
        big_book(1),
        functional_tasks=(task,) * portable.MAX_TASKS,
        key_tasks=(task,) * portable.MAX_TASKS,
        no_key_tasks=False,
    )


# Runs the command line in a child and prints the child's own peak memory (KB on Linux).
_CHILD = (
    "import resource, sys\n"
    "from bluebook_desktop.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "finally:\n"
    "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def whole(args: list[str]) -> tuple[float, float]:
    """Seconds and peak MB of one whole `bluebook-cli` process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, timeout=600
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"bluebook-cli {args[0]} failed:\n{done.stderr}")
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def measure(name: str, book: Book, folder: Path) -> dict[str, float]:
    source = folder / f"{name}.bluebook.json"
    source.write_text(portable.dumps(book), encoding="utf-8")
    portable.read_portable(source)  # accepted: at the limits, not beyond
    db = str(folder / f"{name}.sqlite3")
    print_s, print_mb = whole(["render", str(source), "--pdf", str(folder / "out.pdf")])
    import_s, import_mb = whole(["--db", db, "import", str(source)])
    word_s, word_mb = whole(["--db", db, "export", "1", "--docx", str(folder / "o.docx")])
    return {
        "file_mb": source.stat().st_size / 2**20,
        "print_s": print_s,
        "print_mb": print_mb,
        "import_s": import_s,
        "import_mb": import_mb,
        "docx_s": word_s,
        "docx_mb": word_mb,
        "docx_file_mb": (folder / "o.docx").stat().st_size / 2**20,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for name, book in (("bench", big_book(1000)), ("text", text_book())):
            results[name] = measure(name, book, folder)
        results["structure"] = measure("structure", structure_book(), folder)
    base = results["bench"]
    for name in ("text", "structure"):
        figures = results[name]
        figures["print_ratio"] = figures["print_s"] / base["print_s"]
        met = figures["print_s"] <= PRINT_SECONDS and figures["print_mb"] <= PRINT_MB
        met = met and figures["import_mb"] <= IMPORT_MB
        figures["met"] = float(met)
    for name, figures in results.items():
        shown = ", ".join(f"{key} {value:.1f}" for key, value in figures.items())
        print(f"{name}: {shown}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if all(results[n]["met"] for n in ("text", "structure")) else 1


if __name__ == "__main__":
    sys.exit(main())
