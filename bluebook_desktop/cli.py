"""bluebook-cli: the same books from the command line, for batch work and for checks.

Every failure is one line on stderr in plain words and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bluebook_desktop import __version__, paths
from bluebook_desktop.errors import UserError

if TYPE_CHECKING:
    from bluebook_desktop.domain import Book

EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        _fail(f"命令行参数有误：{message}（用 --help 查看用法）")


def _fail(message: str) -> NoReturn:
    print(message.replace("\n", " "), file=sys.stderr)
    raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bluebook-cli", description="绩效目标责任书（蓝皮书）命令行工具")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据文件夹）")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    importing = commands.add_parser("import", help="导入蓝皮书文件，输出新蓝皮书的编号")
    importing.add_argument("file", type=Path)

    commands.add_parser("list", help="列出全部蓝皮书：编号、年度、单位名称、标题")

    exporting = commands.add_parser("export", help="导出一本蓝皮书")
    exporting.add_argument("id", type=int)
    _add_outputs(exporting)

    rendering = commands.add_parser("render", help="不经数据库，直接把蓝皮书文件生成 PDF")
    rendering.add_argument("file", type=Path)
    rendering.add_argument("--pdf", metavar="OUT", type=Path, required=True)
    return parser


def _add_outputs(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("输出（至少一项）")
    group.add_argument("--json", metavar="OUT", type=Path, help="蓝皮书文件 (.bluebook.json)")
    group.add_argument("--pdf", metavar="OUT", type=Path, help="打印用 PDF")
    group.add_argument("--docx", metavar="OUT", type=Path, help="Word 文档 (.docx)")


def main(argv: Sequence[str] | None = None) -> int:
    _console_safe()
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except UserError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("已取消。")
    except Exception as exc:  # noqa: BLE001 - the last guard: a clerk never reads a traceback
        log_file = _log_unexpected(exc)
        _fail(f"发生意外错误：{type(exc).__name__}: {exc}（详情见日志 {log_file}）")


def _run(args: argparse.Namespace) -> int:
    if args.command == "render":
        from bluebook_desktop.export.portable import read_portable

        _write_outputs(read_portable(args.file), pdf=args.pdf)
        return 0

    from bluebook_desktop.db import open_repository

    found = paths.resolve(args.db)
    repository = open_repository(found.database)
    if args.command == "import":
        book = repository.add(_read_book(args.file))
        print(book.id)
    elif args.command == "list":
        for summary in repository.list_books():
            print(f"{summary.id}\t{summary.year}\t{summary.unit_name}\t{summary.title}")
    elif args.command == "export":
        if not (args.json or args.pdf or args.docx):
            _fail("请至少指定一种输出：--json、--pdf 或 --docx。")
        _write_outputs(repository.load(args.id), json=args.json, pdf=args.pdf, docx=args.docx)
    return 0


def _read_book(file: Path) -> Book:
    if file.suffix.lower() in (".docx", ".doc"):
        # A .doc goes through the Word reader too: it refuses the old binary format with
        # advice to save as .docx, and still reads a .docx that was merely renamed.
        from bluebook_desktop.export.docx_import import read_docx

        reading = read_docx(file)
        print(reading.summary(), file=sys.stderr)
        return reading.book

    from bluebook_desktop.export.portable import read_portable

    return read_portable(file)


def _write_outputs(
    book: Book, json: Path | None = None, pdf: Path | None = None, docx: Path | None = None
) -> None:
    if json:
        from bluebook_desktop.export.portable import write_portable

        write_portable(book, json)
    if pdf:
        from bluebook_desktop.export.pdf import write_pdf

        write_pdf(book, pdf)
    if docx:
        from bluebook_desktop.export.docx import write_docx

        write_docx(book, docx)


def _console_safe() -> None:
    """A Windows console may not hold every character: replace rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _log_unexpected(exc: BaseException) -> Path | str:
    """Append the traceback to the log file, never to the console (one line on stderr)."""
    import datetime as dt
    import traceback

    try:
        log_dir = paths.resolve().log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "bluebook-cli.log"
        with log_file.open("a", encoding="utf-8") as log:
            log.write(f"{dt.datetime.now().isoformat(timespec='seconds')} unexpected error\n")
            log.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    except OSError:
        return "（无法写入日志）"
    return log_file


if __name__ == "__main__":
    sys.exit(main())
