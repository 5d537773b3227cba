"""收集与汇总: the collecting office's window on a year — one row a unit with what a checker
needs, who has not submitted, and from there the 汇总表 and a printout of the rows.

The window is a window of its own beside the main window (the office checks the list while
a unit's book is open in the editors); a row opens its unit's book there, by double-click or
Enter. It reads the year afresh whenever it is shown or the books change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.collector import collector_paused
from bluebook_desktop.db.store import failure_reason
from bluebook_desktop.domain.collection import UnitRow
from bluebook_desktop.errors import UserError
from bluebook_desktop.ui.collection_model import (
    FINDINGS,
    FIRST_QUARTER,
    SHOW_ALL,
    SHOW_MISSING,
    SHOW_PROBLEMS,
    UNIT,
    UNREPORTED,
    CollectionFilter,
    CollectionModel,
    findings_text,
    has_problems,
)
from bluebook_desktop.ui.messages import confirm, show_error

if TYPE_CHECKING:
    from bluebook_desktop.formats.collecting import Collected
    from bluebook_desktop.formats.pdf import PdfSettings
    from bluebook_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)


class CollectionWindow(QWidget):
    """The year's units in a table: sort by a header click, filter by text or kind."""

    def __init__(
        self,
        workspace: Workspace,
        open_book: Callable[[int], object],
        pdf_settings: Callable[[bool], PdfSettings],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self._open_book = open_book
        self._pdf_settings = pdf_settings
        self.setWindowTitle(self.tr("收集与汇总"))
        self.model = CollectionModel(self)
        self.rows = CollectionFilter(self)
        self.rows.setSourceModel(self.model)

        self.year = QComboBox(self)
        self.year.setAccessibleName(self.tr("年度"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("筛选：单位、检查发现…"))
        self.search.setClearButtonEnabled(True)
        self.show_choice = QComboBox(self)
        for text, show in (
            (self.tr("全部单位"), SHOW_ALL),
            (self.tr("只看有问题的"), SHOW_PROBLEMS),
            (self.tr("只看未报送"), SHOW_MISSING),
        ):
            self.show_choice.addItem(text, show)
        self.collect_button = QPushButton(self.tr("收集文件…"), self)
        self.collect_button.setToolTip(
            self.tr("读取各单位报送的文件：文件夹、压缩包或文件（也可直接拖到本窗口）")
        )
        collect_menu = QMenu(self.collect_button)
        self.folder_action = collect_menu.addAction(self.tr("文件夹…"))
        self.files_action = collect_menu.addAction(self.tr("文件或压缩包…"))
        self.collect_button.setMenu(collect_menu)
        self.units_button = QPushButton(self.tr("应报送单位…"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setToolTip(self.tr("打印当前显示的各单位（按当前的筛选和排序）"))
        self.print_summary_button = QPushButton(self.tr("打印汇总表…"), self)
        self.print_summary_button.setToolTip(self.tr("打印该年度各单位的全部任务"))
        self.export_button = QPushButton(self.tr("导出汇总表…"), self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度："), self))
        top.addWidget(self.year)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_choice)
        top.addWidget(self.collect_button)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.units_button)
        self.buttons.addWidget(self.print_button)
        self.buttons.addWidget(self.print_summary_button)
        self.buttons.addWidget(self.export_button)

        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the list's order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the findings, or 未报进展 when the quarters show
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 佛山市…社会保障局
        self._set_widths()
        self.table.installEventFilter(self)

        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(
            self.tr("选中一个单位，这里列出检查发现。按 F5 重新读取各单位的蓝皮书。")
        )
        self.counts = QLabel(self)
        from bluebook_desktop.ui.collection_tiles import TilesView

        self.tiles = TilesView(self)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.table, self.tr("表格"))
        self.pages.addTab(self.tiles, self.tr("全年一览"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([600, self.fontMetrics().lineSpacing() * 5])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addLayout(self.buttons)
        layout.addLayout(bottom)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(self._filter_text)
        self.show_choice.currentIndexChanged.connect(self._filter_kind)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        for signal in (
            self.rows.modelReset,
            self.rows.layoutChanged,
            self.rows.rowsInserted,
            self.rows.rowsRemoved,
        ):
            signal.connect(self._refresh_tiles)
        self.tiles.grid.clicked.connect(self.table.selectRow)
        self.tiles.grid.activated.connect(self.open_row)
        self.folder_action.triggered.connect(self.collect_folder)
        self.files_action.triggered.connect(self.collect_files)
        self.setAcceptDrops(True)
        self.units_button.clicked.connect(self.edit_expected)
        self.print_button.clicked.connect(self.print_rows)
        self.print_summary_button.clicked.connect(self.print_summary)
        self.export_button.clicked.connect(self.export_summary)
        workspace.booksChanged.connect(self._books_changed)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1100, screen.width() * 95 // 100), min(700, screen.height() * 9 // 10))

    # --- what is shown ---

    def _set_widths(self) -> None:
        """Each column as wide as its header or its usual content, the findings the rest."""
        metrics, header = self.fontMetrics(), self.table.horizontalHeader()
        samples = {
            UNIT: "佛山市三水区人力资源和",
            1: "2021-10-12",
            2: "2021-10-12",
        }
        for column in range(self.model.columnCount()):
            if column == FINDINGS:
                self.table.setColumnWidth(column, metrics.horizontalAdvance("国") * 14)
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            lines = title.split("\n")
            width = max(header.fontMetrics().horizontalAdvance(line) for line in lines) + 24
            if column in samples:
                width = max(width, metrics.horizontalAdvance(samples[column]) + 12)
            elif column >= FIRST_QUARTER:
                width = max(width, metrics.horizontalAdvance("10绿 0黄 0红") + 12)
            self.table.setColumnWidth(column, width)

    def _show_quarters(self) -> None:
        """The quarters' columns only where some unit reported progress."""
        progress = any(unit.row.quarters for unit in self.model.units)
        for column in range(FIRST_QUARTER, UNREPORTED + 1):
            self.table.setColumnHidden(column, not progress)

    def years(self) -> list[int]:
        return sorted({s.year for s in self.workspace.repository.list_books()}, reverse=True)

    def fill_years(self, year: int | None = None) -> None:
        """The years with books and this year (a list of expected units may come first),
        the newest first; the one chosen stays, else the newest year with books."""
        import datetime as dt

        books = self.years()
        chosen = year if year is not None else self.current_year()
        if chosen is None:
            chosen = books[0] if books else dt.date.today().year
        years = sorted({*books, chosen, dt.date.today().year}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(self.tr("%1 年度").replace("%1", str(y)), y)
        self.year.setCurrentIndex(years.index(chosen))
        self.year.blockSignals(False)
        self.reload()

    def current_year(self) -> int | None:
        data = self.year.currentData()
        return int(data) if data is not None else None

    def expected_units(self, year: int) -> list[str]:
        return self.workspace.repository.expected_units(year)

    def edit_expected(self) -> None:
        """The year's list of expected units, typed, pasted or read from a file."""
        from bluebook_desktop.ui.units_dialog import UnitsDialog

        year = self.current_year()
        if year is None:
            return
        dialog = UnitsDialog(year, self.expected_units(year), self)
        try:
            if dialog.exec() != UnitsDialog.DialogCode.Accepted:
                return
            self.workspace.repository.set_expected_units(year, dialog.names())
        except UserError as exc:
            show_error(self, self.tr("无法保存"), exc)
        except Exception as exc:  # the database refused (a unit's role on a server …)
            reason = failure_reason(exc)
            if reason is None:
                raise
            log.warning("expected units of %s not stored: %s", year, exc)
            show_error(self, self.tr("无法保存"), UserError(reason))
        finally:
            dialog.deleteLater()
        self.reload()

    def reload(self) -> None:
        """Read the chosen year afresh; the chosen unit stays chosen."""
        from bluebook_desktop.formats.summary import year_units

        year = self.current_year()
        chosen = self.chosen_row()
        units = []
        # The year's books, their checks, a row and a tile a unit: tens of thousands of
        # objects and no cycles among them (bluebook_desktop.collector).
        refused: UserError | None = None
        with collector_paused():
            try:
                if year is not None:
                    expected = self.expected_units(year)
                    units = year_units(self.workspace.repository, year, expected)
            except UserError as exc:
                refused = exc
            self.model.set_units(units)
            self._show_quarters()
        if refused is not None:  # shown with the collector on again: it may stay open long
            show_error(self, self.tr("无法读取"), refused)
        self._show_counts()
        if chosen is not None:
            self.select_unit(chosen.unit)
        self._selected()

    def _show_counts(self) -> None:
        rows = [unit.row for unit in self.model.units]
        missing = sum(1 for r in rows if r.missing)
        problems = sum(1 for r in rows if not r.missing and has_problems(r))
        finalized = sum(1 for r in rows if r.finalized_on is not None)
        self.counts.setText(
            self.tr("共 %1 个单位：已报送 %2（已定稿 %3），未报送 %4；有问题 %5。")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(rows) - missing))
            .replace("%3", str(finalized))
            .replace("%4", str(missing))
            .replace("%5", str(problems))
        )

    def _filter_text(self, text: str) -> None:
        self.rows.set_text(text)

    def _filter_kind(self, _index: int) -> None:
        self.rows.set_show(int(self.show_choice.currentData()))

    def refresh(self) -> None:
        """The books as stored now (a unit's book edited in the main window meanwhile)."""
        self.workspace.store_now()
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_F5 or event.matches(QKeySequence.StandardKey.Refresh):
            self.refresh()
            return
        super().keyPressEvent(event)

    def _books_changed(self) -> None:
        if self.isVisible():
            self.fill_years()

    # --- the chosen row ---

    def chosen_row(self) -> UnitRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.rows.mapToSource(rows[0]).row())

    def select_unit(self, unit: str) -> bool:
        """Choose the row of `unit` (as shown, after the filter); False when not shown."""
        for row in range(self.rows.rowCount()):
            source = self.rows.mapToSource(self.rows.index(row, 0)).row()
            if self.model.row_at(source).unit == unit:
                self.table.selectRow(row)
                self.table.scrollTo(self.rows.index(row, 0))
                return True
        return False

    def _refresh_tiles(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.tiles.show_rows(self.rows.unit_rows(), rows[0].row() if rows else -1)

    def _selected(self, *_args: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.tiles.choose(rows[0].row() if rows else -1)
        row = self.chosen_row()
        if row is None:
            self.details.setPlainText("")
        elif row.missing:
            self.details.setPlainText(self.tr("%1：未报送。").replace("%1", row.unit))
        else:
            self.details.setPlainText(self._details(row))

    def _details(self, row: UnitRow) -> str:
        """The unit's row in full: when it came, 定稿, each quarter, every finding."""
        from bluebook_desktop.domain import chinese_date
        from bluebook_desktop.formats.summary import local_time, unreported_text
        from bluebook_desktop.ui.collection_model import headers

        names = headers()
        lines = [
            row.unit,
            self.tr("报送时间：%1").replace("%1", local_time(row.submitted_at))
            + (
                self.tr("；定稿：%1").replace("%1", chinese_date(row.finalized_on))
                if row.finalized_on
                else ""
            ),
        ]
        if row.quarters:
            quarters = [
                f"{names[FIRST_QUARTER + q]} {lights.text(QCoreApplication.translate)}"
                for q, lights in enumerate(row.quarters)
            ]
            lines.append("；".join(quarters))
            if unreported_text(row):
                lines.append(self.tr("未报进展：%1").replace("%1", unreported_text(row)))
        lines.append(findings_text(row, "\n") or self.tr("没有检查发现。"))
        return "\n".join(lines)

    def open_row(self, row: int) -> None:
        """Open the unit's book of the shown row `row` in the editors."""
        if not 0 <= row < self.rows.rowCount():
            return
        unit = self.model.row_at(self.rows.mapToSource(self.rows.index(row, 0)).row())
        if unit.book_id is not None:
            self._open_book(unit.book_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_row(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    # --- collecting ---

    def collect_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择各单位报送文件所在的文件夹"), self.workspace.settings.last_folder()
        )
        if folder:
            self.workspace.settings.set_last_folder(folder)
            self.collect_paths([Path(folder)])

    def collect_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择各单位报送的文件"),
            self.workspace.settings.last_folder(),
            self.tr(
                "蓝皮书文件、压缩包或 Word 文件 (*.bluebook.json *.json *.bluebook.zip *.zip"
                " *.docx *.doc);;所有文件 (*)"
            ),
        )
        if files:
            self.workspace.settings.set_last_folder(str(Path(files[0]).parent))
            self.collect_paths([Path(f) for f in files])

    def collect_paths(self, paths: list[Path]) -> None:
        """Read the files into the database, then say what became of each."""
        from bluebook_desktop.ui.collect_dialog import Collecting, ReportDialog

        run = Collecting(self.workspace, self)
        result = run.run(paths)  # the view reads the books again as the list changes
        year = self._year_of(result)
        if year is not None and year != self.current_year():
            self.fill_years(year)  # the year the books came for
        dialog = ReportDialog(result, run.kept, self)
        dialog.exec()
        dialog.deleteLater()

    def _year_of(self, result: Collected) -> int | None:
        """The year the collected books are of (the most of them), to show it."""
        from collections import Counter

        ids = {o.book_id for o in result.outcomes if o.book_id is not None}
        if not ids:
            return None
        years = Counter(s.year for s in self.workspace.repository.list_books() if s.id in ids)
        return years.most_common(1)[0][0] if years else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # After the drop is over: the program the files came from is not kept waiting.
            QTimer.singleShot(0, lambda: self.collect_paths(paths))

    # --- printing and the workbook ---

    def _office(self) -> str:
        return next(
            (u.book.cover.issuer for u in self.model.units if u.book and u.book.cover.issuer),
            "",
        )

    def _pdf(self, render: Callable[[PdfSettings], bytes]) -> bytes | None:
        """A printout of the year; characters no font has print as □ only after the
        checker agrees. None when not made (and said why)."""
        from bluebook_desktop.formats.pdf import MissingGlyphs, describe_characters

        try:
            try:
                return render(self._pdf_settings(False))
            except MissingGlyphs as exc:
                if not confirm(
                    self,
                    self.tr("有字符无法打印"),
                    self.tr(
                        "以下字符在字体中没有，打印时会显示为方框“□”：\n%1\n\n仍要继续吗？"
                    ).replace("%1", describe_characters(exc.chars[:20])),
                    self.tr("继续"),
                    self.tr("取消"),
                ):
                    return None
                return render(self._pdf_settings(True))
        except UserError as exc:
            show_error(self, self.tr("无法生成打印稿"), exc)
            return None

    def rows_pdf(self) -> bytes | None:
        """The rows as shown, in the order shown, as a PDF."""
        from bluebook_desktop.formats.summary import checks_pdf

        year = self.current_year()
        if year is None:
            return None
        rows = self.rows.unit_rows()
        return self._pdf(lambda settings: checks_pdf(year, rows, self._office(), settings))

    def summary_pdf(self) -> bytes | None:
        """The year's 汇总表 (every task of every unit) as a PDF."""
        from bluebook_desktop.formats.summary import summary_pdf

        year = self.current_year()
        units = self.model.units
        if year is None or not any(u.book is not None for u in units):
            show_error(
                self, self.tr("无法打印"), self.tr("这一年度还没有收到蓝皮书，没有可汇总的内容。")
            )
            return None
        return self._pdf(lambda settings: summary_pdf(year, units, self._office(), settings))

    def _preview(self, data: bytes | None) -> None:
        if data is None:
            return
        from bluebook_desktop.ui.printing import PreviewDialog

        dialog = PreviewDialog(data, self)
        dialog.exec()
        dialog.pages.close()
        dialog.deleteLater()

    def print_rows(self) -> None:
        self._preview(self.rows_pdf())

    def print_summary(self) -> None:
        self._preview(self.summary_pdf())

    def export_summary(self) -> Path | None:
        """The year's 汇总表 (every unit, whatever the filter) as an Excel workbook."""
        from bluebook_desktop.formats.summary import write_summary_workbook

        year = self.current_year()
        if year is None or not any(u.book is not None for u in self.model.units):
            show_error(
                self,
                self.tr("无法导出"),
                self.tr("这一年度还没有收到蓝皮书，没有可汇总的内容。"),
            )
            return None
        settings = self.workspace.settings
        name = self.tr("%1年度绩效目标责任书汇总表").replace("%1", str(year)) + ".xlsx"
        folder = settings.last_folder()
        start = str(Path(folder) / name) if folder else name
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出汇总表"), start, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        settings.set_last_folder(str(target.parent))
        try:
            write_summary_workbook(target, year, self.model.units)
        except UserError as exc:
            show_error(self, self.tr("导出失败"), exc)
            return None
        except OSError as exc:
            from bluebook_desktop.errors import os_reason

            show_error(
                self,
                self.tr("导出失败"),
                self.tr("无法写入文件（%1）。").replace("%1", os_reason(exc)),
            )
            return None
        self.counts.setText(self.tr("已导出：%1").replace("%1", str(target)))
        return target
