"""bluebook-cli: the same books from the command line, for batch work and for checks.

Every failure is one line on stderr in plain words and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bluebook_desktop import __version__, logs, paths
from bluebook_desktop.errors import UserError

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository
    from bluebook_desktop.db.store import Store
    from bluebook_desktop.domain import Book
    from bluebook_desktop.formats.pdf import MissingGlyphs, PdfSettings

EXIT_ERROR = 2
log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        _fail(f"命令行参数有误：{message}（用 --help 查看用法）")


def _fail(message: str) -> NoReturn:
    _fail_lines([message])


def _fail_lines(messages: Sequence[str]) -> NoReturn:
    """Several failures, each on a line of its own."""
    for message in messages:
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

    collecting = commands.add_parser(
        "collect",
        help="收取各单位报送的蓝皮书：文件夹、压缩文件或多个文件，每个文件输出一行结果",
    )
    collecting.add_argument("paths", metavar="PATH", type=Path, nargs="+")
    collecting.add_argument(
        "--replace",
        action="store_true",
        help="同一单位同一年度已有蓝皮书时，用新文件替换（原来的版本保存在数据库旁的"
        " replaced 文件夹）",
    )

    exporting = commands.add_parser("export", help="导出一本蓝皮书")
    exporting.add_argument("id", type=int)
    _add_outputs(exporting, package=True)
    _add_print_switches(exporting)

    rendering = commands.add_parser("render", help="不经数据库，直接把蓝皮书文件生成 PDF")
    rendering.add_argument("file", type=Path)
    rendering.add_argument("--pdf", metavar="OUT", type=Path, required=True)
    _add_print_switches(rendering)

    reporting = commands.add_parser("report", help="第N季度工作进展情况表")
    reporting.add_argument("id", type=int)
    reporting.add_argument("--quarter", metavar="N", type=int, required=True, help="季度：1 至 4")
    reporting.add_argument("--date", metavar="YYYY-MM-DD", help="填报日期（默认今天）")
    reviewing = commands.add_parser("review", help="年度绩效目标完成情况自评表")
    reviewing.add_argument("id", type=int)
    adjusting = commands.add_parser("adjustments", help="目标调整情况")
    adjusting.add_argument("id", type=int)
    for sheet in (reporting, reviewing, adjusting):
        group = sheet.add_argument_group("输出（至少一项）")
        group.add_argument("--pdf", metavar="OUT", type=Path, help="打印用 PDF")
        group.add_argument("--docx", metavar="OUT", type=Path, help="Word 文档 (.docx)")
        _add_print_switches(sheet, landscape=False)

    viewing = commands.add_parser(
        "units", help="收取情况：每个单位一行（制表符分隔），含检查发现与各季度进展"
    )
    viewing.add_argument("--year", metavar="Y", type=int, required=True, help="年度")
    viewing.add_argument(
        "--expected",
        metavar="FILE",
        type=Path,
        help="应报送单位名单（每行一个单位的文本文件，或一列单位名称的 CSV、Excel 文件）；"
        "不写时用在窗口“收集与汇总”中保存的名单",
    )

    summing = commands.add_parser(
        "summary", help="汇总表：各单位的全部任务（Excel 工作簿，可另出 PDF）"
    )
    summing.add_argument("--year", metavar="Y", type=int, required=True, help="年度")
    summing.add_argument("--xlsx", metavar="OUT", type=Path, required=True, help="Excel 工作簿")
    summing.add_argument("--pdf", metavar="OUT", type=Path, help="打印用 PDF")
    summing.add_argument(
        "--expected",
        metavar="FILE",
        type=Path,
        help="应报送单位名单：第二页标出未报送的单位（不写时用保存的名单）",
    )
    _add_print_switches(summing, landscape=False)

    backing_up = commands.add_parser("backup", help="把数据库备份到一个文件，输出备份文件名")
    backing_up.add_argument("out", metavar="OUT", type=Path, nargs="?", help="默认在备份文件夹")
    backing_up.add_argument(
        "--books",
        action="store_true",
        help="全部蓝皮书（含佐证材料）存为一个 .bluebooks.zip，可恢复到任何数据库，"
        "包括数据库服务器（使用数据库服务器时总是如此）",
    )

    access = commands.add_parser(
        "access", help="数据库服务器上按单位的读写权限：on 开启、off 关闭、unit 指定账号所属单位"
    )
    access.add_argument("switch", choices=("on", "off", "unit", "show"))
    access.add_argument("role", nargs="?", metavar="ROLE", help="unit：数据库账号")
    access.add_argument("unit", nargs="?", metavar="UNIT", help="unit：该账号所属单位名称")

    restoring = commands.add_parser("restore", help="从备份文件恢复数据库（先备份当前数据库）")
    restoring.add_argument("backup", metavar="BACKUP", type=Path)
    return parser


def _add_outputs(parser: argparse.ArgumentParser, package: bool = False) -> None:
    group = parser.add_argument_group("输出（至少一项）")
    group.add_argument("--json", metavar="OUT", type=Path, help="蓝皮书文件 (.bluebook.json)")
    group.add_argument("--pdf", metavar="OUT", type=Path, help="打印用 PDF")
    group.add_argument("--docx", metavar="OUT", type=Path, help="Word 文档 (.docx)")
    if package:
        group.add_argument(
            "--package", metavar="OUT", type=Path, help="蓝皮书包 (.bluebook.zip)：含佐证材料"
        )


MISSING_GLYPHS = ("refuse", "box")


def _add_print_switches(parser: argparse.ArgumentParser, landscape: bool = True) -> None:
    """The print switches of the window's 设置 dialog, for the PDF (the year's sheets are
    always landscape)."""
    group = parser.add_argument_group("打印稿（PDF）选项，与“设置”对话框相同")
    if landscape:
        group.add_argument(
            "--landscape", action="store_true", help="任务表格横向排版（封面仍为纵向）"
        )
    group.add_argument(
        "--pad-names", action="store_true", help="两字姓名中间加空格对齐（陈晓 → 陈 晓）"
    )
    group.add_argument(
        "--centred-page-numbers",
        action="store_true",
        help="页码居中（默认单页靠右、双页靠左）",
    )
    group.add_argument(
        "--bundled-fonts",
        action="store_true",
        help="只用程序自带的字体，不用本机的宋体、仿宋、黑体",
    )
    group.add_argument(
        "--missing-glyphs",
        choices=MISSING_GLYPHS,
        default="refuse",
        help="没有任何字体能打印的字符：refuse 不导出并列出这些字符（默认），box 印为 □",
    )


def _pdf_settings(args: argparse.Namespace) -> PdfSettings:
    from bluebook_desktop.formats.pdf import PdfSettings

    return PdfSettings(
        landscape_tables=getattr(args, "landscape", False),
        pad_two_character_names=args.pad_names,
        centred_page_numbers=args.centred_page_numbers,
        system_fonts=not args.bundled_fonts,
        replace_missing=args.missing_glyphs == "box",
    )


def main(argv: Sequence[str] | None = None) -> int:
    _console_safe()
    args = build_parser().parse_args(argv)
    found = paths.resolve(args.db)
    log_file = logs.setup(found.log_dir)
    try:
        return _run(args, found, log_file)
    except UserError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("已取消。")
    except Exception as exc:  # noqa: BLE001 - the last guard: a clerk never reads a traceback
        log.error("unexpected error", exc_info=exc)
        _fail(_unexpected(exc, log_file, found.location))


def _unexpected(exc: Exception, log_file: Path | None, location: str | None = None) -> str:
    from bluebook_desktop.db.store import describe

    plain = describe(exc, location)
    if plain is not None:
        return str(plain)
    where = log_file or "（无法写入日志）"
    return f"发生意外错误：程序内部错误（详情见日志 {where}）"


def _run(args: argparse.Namespace, found: paths.Paths, log_file: Path | None = None) -> int:
    if args.command in ("render", "export", "summary", *SHEETS):
        outputs = ("pdf", "json", "docx", "package", "xlsx")
        for out in (getattr(args, name, None) for name in outputs):
            if out is not None:
                paths.check_output(out, found)
    if args.command == "render":
        from bluebook_desktop.formats.portable import read_portable

        book = read_portable(args.file)
        _write_outputs(book, _pdf_settings(args), log_file, pdf=args.pdf)
        return 0
    if args.command == "restore" and not _is_archive(args.backup):
        _restore(args.backup, found)
        return 0

    store = _open(found)
    repository = store.repository
    try:  # closed on every way out: on Windows an open file cannot be replaced
        if args.command == "import":
            print(_import(repository, args.file).id)
        elif args.command == "collect":
            return _collect(repository, args.paths, args.replace, found)
        elif args.command == "units":
            _print_units(repository, args.year, args.expected)
        elif args.command == "summary":
            _summary(repository, args, log_file)
        elif args.command == "list":
            for summary in repository.list_books():
                print(f"{summary.id}\t{summary.year}\t{summary.unit_name}\t{summary.title}")
        elif args.command == "export":
            if not (args.json or args.pdf or args.docx or args.package):
                _fail("请至少指定一种输出：--json、--pdf、--docx 或 --package。")
            _write_outputs(
                repository.load(args.id),
                _pdf_settings(args),
                log_file,
                json=args.json,
                pdf=args.pdf,
                docx=args.docx,
                package=args.package,
                read_evidence=repository.evidence_data,
            )
        elif args.command in SHEETS:
            _print_sheet(args, repository.load, _pdf_settings(args), log_file)
        elif args.command == "backup" and (args.books or not store.supports_backup):
            _backup_books(repository, args.out, found)
        elif args.command == "backup":
            store.close()
            print(store.backup(args.out))
        elif args.command == "restore":
            _restore_books(repository, args.backup)
        elif args.command == "access":
            _access(store, args)
    finally:
        store.close()
    return 0


def _open(found: paths.Paths) -> Store:
    """Open the database as the window does: checked, backed up before upgrades and daily."""
    from bluebook_desktop.db.store import DamagedDatabase, open_store

    try:
        return open_store(found.location)
    except DamagedDatabase as exc:
        hint = (
            f'恢复：bluebook-cli restore "{exc.newest_backup}"'
            if exc.newest_backup
            else "如确实要从空数据库开始，请先把损坏的文件移到别处。"
        )
        _fail(f"{exc}{hint}")


def _access(store: Store, args: argparse.Namespace) -> None:
    """Row security on a server: each unit's role sees its unit's books, the office all."""
    from bluebook_desktop.db import postgres

    engine = store.repository.engine
    if engine.dialect.name != "postgresql":
        _fail("按单位的读写权限只用于数据库服务器（PostgreSQL）；本机的数据库文件没有账号之分。")
    if args.switch == "unit":
        if not args.role or not args.unit:
            _fail("请给出数据库账号和单位名称，例如：bluebook-cli access unit clerk_a 某某局")
        postgres.give_unit(engine, args.role, args.unit)
        print(f"账号 {args.role} 只能读写“{args.unit}”的蓝皮书（按单位的权限开启时）。")
    elif args.switch in ("on", "off"):
        postgres.set_row_security(engine, args.switch == "on")
    on = postgres.row_security(engine)
    print("按单位的读写权限：" + ("已开启" if on else "未开启"))


def _is_archive(path: Path) -> bool:
    from bluebook_desktop.formats.archive import is_archive

    return is_archive(path)


def _backup_books(repository: Repository, out: Path | None, found: paths.Paths) -> None:
    """The logical backup: every book with its files, for any database to restore."""
    from bluebook_desktop.formats.archive import SUFFIX, archive_books

    if out is None:
        _fail(
            "请给出备份文件名，例如：bluebook-cli backup --books 全部蓝皮书"
            f"{SUFFIX}（全部蓝皮书和佐证材料存为一个文件；数据库服务器本身的备份请用 pg_dump）。"
        )
    if not out.name.lower().endswith(SUFFIX):
        out = out.with_name(out.name + SUFFIX)
    paths.check_output(out, found)
    count = archive_books(out, repository)
    print(out)
    print(f"已备份 {count} 本蓝皮书。", file=sys.stderr)


def _restore_books(repository: Repository, archive_file: Path) -> None:
    """Every book of a logical backup into this database, which must hold none: all its
    packages are checked first (each with every check an imported package has), then
    stored, each book with its files in one transaction."""
    import tempfile

    from bluebook_desktop.db.repository import check_expected_units
    from bluebook_desktop.formats.archive import opened_archive
    from bluebook_desktop.formats.package import read_package

    if repository.list_books():
        _fail(
            "这个数据库中已有蓝皮书：全部蓝皮书的备份只能恢复到空数据库。"
            "请用 --db 指定一个新的数据库文件或一个空的数据库服务器。"
        )
    with opened_archive(archive_file) as opened, tempfile.TemporaryDirectory() as folder:
        for extract in opened.packages:  # every check, before anything is stored
            package = extract(Path(folder))
            with read_package(package) as packaged:
                for _supporting in packaged.files():
                    pass
            package.unlink()
        for names in opened.expected.values():  # checked as the window checks a list
            check_expected_units(names)
        for extract in opened.packages:
            package = extract(Path(folder))
            with read_package(package) as packaged:
                repository.add(packaged.book, packaged.files())
            package.unlink()
        for year, names in opened.expected.items():
            repository.set_expected_units(year, names)
    lists = f"和 {len(opened.expected)} 个年度的应报送单位名单" if opened.expected else ""
    print(f"已从 {archive_file} 恢复 {len(opened.packages)} 本蓝皮书{lists}。")


def _restore(backup_file: Path, found: paths.Paths) -> None:
    from bluebook_desktop.db.store import restore_store

    saved = restore_store(found.location, backup_file)
    print(f"已从 {backup_file} 恢复数据库 {found.location}。")
    if saved is not None:
        print(f"恢复前的数据库保存在 {saved}。")


EXIT_SOME_REFUSED = 1
REPLACED_FOLDER = "replaced"


def _collect(
    repository: Repository, files: Sequence[Path], replace: bool, found: paths.Paths
) -> int:
    """One line a file as it is done; 0 when every file was read, 1 when some were
    refused, 2 when none was read."""
    from bluebook_desktop.formats.collecting import IMPORTED, REFUSED, REPLACED, Outcome, collect

    def show(outcome: Outcome) -> None:
        print(f"{outcome.name}\t{outcome.text()}".replace("\n", " "), flush=True)

    kept = found.database.parent / REPLACED_FOLDER
    result = collect(files, repository, kept, replace=replace, progress=show)
    refused = result.count(REFUSED)
    read = result.count(IMPORTED) + result.count(REPLACED)
    print(
        f"共 {len(result.outcomes)} 个文件：导入 {result.count(IMPORTED)}，"
        f"替换 {result.count(REPLACED)}，未导入 {refused}。"
        + (f"被替换的版本保存在 {kept}。" if result.count(REPLACED) else ""),
        file=sys.stderr,
    )
    if read == 0:
        return EXIT_ERROR
    return EXIT_SOME_REFUSED if refused else 0


UNIT_COLUMNS = (
    "单位",
    "报送时间",
    "定稿",
    "重点工作数",
    "职能工作数",
    "检查发现",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "未报进展",
)


def _summary(repository: Repository, args: argparse.Namespace, log_file: Path | None) -> None:
    """summary: the 汇总表 as a workbook, and as a PDF when asked."""
    from bluebook_desktop.domain import Book
    from bluebook_desktop.formats.summary import summary_pdf, summary_workbook, year_units
    from bluebook_desktop.formats.year_pdf import write_bytes

    units = year_units(repository, args.year, _expected(args.expected, repository, args.year))
    if not any(unit.book is not None for unit in units):
        _fail(f"数据库中没有 {args.year} 年度的蓝皮书，没有可汇总的内容。")
    office = next((u.book.cover.issuer for u in units if u.book and u.book.cover.issuer), "")
    outputs = [("Excel 工作簿", args.xlsx, lambda: summary_workbook(args.year, units))]
    if args.pdf is not None:
        settings = _pdf_settings(args)
        outputs.append(("PDF", args.pdf, lambda: summary_pdf(args.year, units, office, settings)))
    failures = []
    for name, path, make in outputs:
        failure = _try_writing(
            lambda _book, out, make=make: write_bytes(make(), out), Book(), path, log_file
        )
        if failure is not None:
            failures.append(f"{name} {path} 未写出：{failure}" if len(outputs) > 1 else failure)
    if failures:
        _fail_lines(failures)


def _expected(path: Path | None, repository: Repository, year: int) -> list[str]:
    """The units expected to submit: the file's, else the list the office keeps."""
    from bluebook_desktop.formats.units_list import read_unit_list

    return read_unit_list(path) if path is not None else repository.expected_units(year)


def _print_units(repository: Repository, year: int, expected: Path | None) -> None:
    from bluebook_desktop.domain import chinese_date
    from bluebook_desktop.domain.collection import NOT_SUBMITTED
    from bluebook_desktop.formats.summary import local_time, unreported_text, year_units

    units = year_units(repository, year, _expected(expected, repository, year))  # refusals first
    print("\t".join(UNIT_COLUMNS))
    for unit in units:
        row = unit.row
        if row.missing:
            cells = [row.unit, NOT_SUBMITTED]
        else:
            cells = [
                row.unit,
                local_time(row.submitted_at),
                chinese_date(row.finalized_on) if row.finalized_on else "",
                str(row.key_tasks),
                str(row.functional_tasks),
                "；".join(f.text() for f in row.findings),
                *(lights.text() for lights in row.quarters),
                *([""] * (4 - len(row.quarters))),
                unreported_text(row),
            ]
        print("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells))


def _import(repository: Repository, file: Path) -> Book:
    """A book file, Word file or package added as a new book (a package with its files)."""
    from bluebook_desktop.formats.package import is_package, read_package

    if is_package(file):
        with read_package(file) as packaged:
            return repository.add(packaged.book, packaged.files())
    return repository.add(_read_book(file))


def _read_book(file: Path) -> Book:
    if file.suffix.lower() in (".docx", ".doc"):
        # A .doc goes through the Word reader too: it refuses the old binary format with
        # advice to save as .docx, and still reads a .docx that was merely renamed.
        from bluebook_desktop.formats.docx_import import read_docx

        reading = read_docx(file)
        print(reading.summary(), file=sys.stderr)
        return reading.book

    from bluebook_desktop.formats.portable import read_portable

    return read_portable(file)


SHEETS = ("report", "review", "adjustments")


def _print_sheet(
    args: argparse.Namespace,
    load: Callable[[int], Book],
    settings: PdfSettings,
    log_file: Path | None,
) -> None:
    """report / review / adjustments: what cannot be printed at all is refused before
    anything is written (a quarter outside 1–4, no such book, no adjustment)."""
    import datetime as dt

    from bluebook_desktop.domain import parse_date
    from bluebook_desktop.formats.year_sheets import adjustments_sheet, check_quarter

    if not (args.pdf or args.docx):
        _fail("请至少指定一种输出：--pdf 或 --docx。")
    filled_on = dt.date.today()
    if args.command == "report":
        check_quarter(args.quarter)
        if args.date is not None:
            try:
                filled_on = parse_date(args.date)
            except ValueError:
                _fail(f"填报日期应写作 YYYY-MM-DD（如 2021-04-06），不是 {args.date}。")
    book = load(args.id)
    if args.command == "adjustments":
        adjustments_sheet(book)  # refuses a book without adjustments

    def write_pdf(book: Book, path: Path) -> None:
        from bluebook_desktop.formats import year_pdf

        if args.command == "report":
            data = year_pdf.report_pdf(book, args.quarter, filled_on, settings)
        elif args.command == "review":
            data = year_pdf.review_pdf(book, settings)
        else:
            data = year_pdf.adjustments_pdf(book, settings)
        year_pdf.write_bytes(data, path)

    def write_docx(book: Book, path: Path) -> None:
        from bluebook_desktop.formats import year_docx

        if args.command == "report":
            data = year_docx.report_docx(book, args.quarter, filled_on)
        elif args.command == "review":
            data = year_docx.review_docx(book)
        else:
            data = year_docx.adjustments_docx(book)
        year_docx.write_bytes(data, path)

    writers = [("PDF", args.pdf, write_pdf), ("Word 文件", args.docx, write_docx)]
    _write_each(book, [(n, p, w) for n, p, w in writers if p is not None], log_file)


def _write_outputs(
    book: Book,
    settings: PdfSettings,
    log_file: Path | None,
    json: Path | None = None,
    pdf: Path | None = None,
    docx: Path | None = None,
    package: Path | None = None,
    read_evidence: Callable[[str], bytes] | None = None,
) -> None:
    """Write every output that can be written; then name each failure on a line of its own."""

    # Each writer imports only what its output needs.
    def write_json(book: Book, path: Path) -> None:
        from bluebook_desktop.formats.portable import write_portable

        write_portable(book, path)

    def write_pdf(book: Book, path: Path) -> None:
        from bluebook_desktop.formats.pdf import write_pdf

        write_pdf(book, path, settings)

    def write_docx(book: Book, path: Path) -> None:
        from bluebook_desktop.formats.docx import write_docx

        write_docx(book, path)

    def write_package(book: Book, path: Path) -> None:
        from bluebook_desktop.formats.package import package_book

        assert read_evidence is not None, "a package needs the files' bytes"
        package_book(path, book, read_evidence)

    writers = [
        ("蓝皮书文件", json, write_json),
        ("PDF", pdf, write_pdf),
        ("Word 文件", docx, write_docx),
        ("蓝皮书包", package, write_package),
    ]
    wanted = [(name, path, write) for name, path, write in writers if path is not None]
    _write_each(book, wanted, log_file)


def _write_each(
    book: Book,
    wanted: Sequence[tuple[str, Path, Callable[[Book, Path], None]]],
    log_file: Path | None,
) -> None:
    failures: list[str] = []
    for name, path, write in wanted:
        failure = _try_writing(write, book, path, log_file)
        if failure is not None:
            failures.append(f"{name} {path} 未写出：{failure}" if len(wanted) > 1 else failure)
    if failures:
        _fail_lines(failures)


def _try_writing(
    write: Callable[[Book, Path], None], book: Book, path: Path, log_file: Path | None
) -> str | None:
    """None when written, else why not."""
    from bluebook_desktop.formats.pdf import MissingGlyphs

    try:
        write(book, path)
    except MissingGlyphs as exc:
        return _missing_glyphs_message(exc)
    except UserError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one broken output never stops the others
        log.error("unexpected error writing %s", path, exc_info=exc)
        return _unexpected(exc, log_file)
    return None


def _missing_glyphs_message(exc: MissingGlyphs) -> str:
    from bluebook_desktop.formats.pdf import MISSING_MARK, describe_characters

    return (
        f"以下字符没有任何字体可以打印：{describe_characters(exc.chars)}。"
        f"请修改这些文字后再导出，或加上 --missing-glyphs box 仍然导出"
        f"（这些字符将印为 {MISSING_MARK}）。"
    )


def _console_safe() -> None:
    """A Windows console may not hold every character: replace rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


if __name__ == "__main__":
    sys.exit(main())
