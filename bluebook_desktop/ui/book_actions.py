"""What the window's buttons and menus do with whole books: new, import, export, print."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from bluebook_desktop.domain import Book, Cover, book_label, next_year_book, print_problems
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.files import TargetLocked
from bluebook_desktop.paths import check_output
from bluebook_desktop.ui.messages import confirm, rule_text, show_error, user_text

if TYPE_CHECKING:
    from bluebook_desktop.domain.year import Supporting
    from bluebook_desktop.formats.pdf import PdfSettings
    from bluebook_desktop.ui.workspace import Workspace

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # characters Windows refuses in file names


def file_stem(book: Book) -> str:
    cover = book.cover
    name = cover.unit_name or cover.title or "蓝皮书"
    return _UNSAFE.sub("_", f"{cover.year}年{name}绩效目标责任书").strip(" .")


class BookActions(QObject):
    """Whole-book actions on a workspace; `parent` is the widget their dialogs belong to."""

    # The plan's PDF was printed or exported from the window: its bytes (定稿 may keep them).
    planPrinted = Signal(bytes)  # noqa: N815 - Qt signal naming

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent
        # The plan's PDF the live preview already laid out for a book and settings, if any.
        self.laid_out: Callable[[Book, PdfSettings], bytes | None] = lambda _book, _s: None
        workspace.importRequested.connect(self.import_path)

    def _book(self) -> Book | None:
        return self.workspace.book

    def _message(self, text: str, timeout: int) -> None:
        self.workspace.message.emit(text, timeout)

    # --- making books ---

    def _add_and_open(
        self, book: Book, files: Iterable[Supporting] = (), replacing: int | None = None
    ) -> None:
        try:
            stored = self.workspace.add(book, files, replacing)
        except UserError as exc:
            show_error(self.parent_widget, self.tr("无法保存"), exc)
            return
        self.workspace.open(stored.id)

    def new_book(self) -> None:
        if not self.workspace.store_now():
            return
        previous = self._book()
        cover = Cover()
        if previous is not None:
            # The same unit usually fills the next book: keep who and where, not what.
            old = previous.cover
            cover = Cover(
                unit_name=old.unit_name,
                title=old.title,
                issuer=old.issuer,
                filler_name=old.filler_name,
                filler_position=old.filler_position,
                phone=old.phone,
            )
        self._add_and_open(Book(cover=cover))  # shown at its first page, the cover

    def next_year(self) -> None:
        """以上一年度为基础新建: from the open book, or from last year's file (.json/.docx)."""
        if not self.workspace.store_now():
            return
        current = self._book()
        source: Book | None = None
        if current is not None:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("以上一年度为基础新建"),
                self.tr("以哪一本蓝皮书为基础新建 %1 年度的蓝皮书？").replace(
                    "%1", str(current.cover.year + 1)
                ),
                parent=self.parent_widget,
            )
            use_current = box.addButton(
                self.tr("当前蓝皮书：%1").replace("%1", book_label(current)),
                QMessageBox.ButtonRole.AcceptRole,
            )
            from_file = box.addButton(self.tr("从文件选择…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is use_current:
                source = current
            elif box.clickedButton() is not from_file:
                return
        if source is None:
            source = self._read_book_file(self.tr("选择上一年度的蓝皮书文件或 Word 文件"))
            if source is None:
                return
        self._add_and_open(next_year_book(source))
        self._message(
            self.tr("已新建 %1 年度蓝皮书：请核对封面，填写填表日期。").replace(
                "%1", str(source.cover.year + 1)
            ),
            10000,
        )

    def delete_book(self) -> None:
        book = self._book()
        if book is None:
            return
        if not confirm(
            self.parent_widget,
            self.tr("删除蓝皮书"),
            self.tr("确定删除“%1”吗？删除后无法恢复（可从备份恢复）。").replace(
                "%1", book_label(book)
            ),
            self.tr("删除"),
            self.tr("取消"),
        ):
            return
        workspace = self.workspace
        workspace.store_now()
        row = workspace.book_list.row_of(book.id)
        workspace.delete(book.id)
        workspace.reload()
        # The book that took its place in the list (or the one above the last) is opened.
        count = workspace.book_list.rowCount()
        if count:
            following = workspace.book_list.book_at(min(max(row, 0), count - 1))
            if following is not None:
                workspace.open(following.id)

    # --- files in ---

    def import_file(self) -> None:
        if not self.workspace.store_now():
            return
        path = self._choose_book_file(self.tr("导入蓝皮书文件或 Word 文件"))
        if path is not None:
            self.import_path(path)

    def import_book(self, book: Book, files: Iterable[Supporting] = ()) -> None:
        """Add an imported book and open it; when a book of the same unit and year is
        already there, the clerk chooses: replace it, keep both, or cancel.

        The replaced book goes in the transaction that adds the new one, so a file of the
        package failing its check (found only as it is stored) leaves the old book there."""
        same = self.workspace.books_like(book)
        replacing: int | None = None
        if same:
            choice = self._ask_same_book(book)
            if choice is None:
                return
            if choice == "replace":
                replacing = same[0].id
        self._add_and_open(book, files, replacing)
        stored = self.workspace.book
        if replacing is not None and stored is not None and stored.id != replacing:
            for summary in same[1:]:  # more copies of the same unit's year: all replaced
                self.workspace.delete(summary.id)
            self.workspace.reload()

    def import_path(self, file: Path) -> None:
        """Import a book file, Word file or package (.bluebook.zip) and open it."""
        from bluebook_desktop.formats.package import is_package, read_package

        if not is_package(file):
            book = self.read_book(file)
            if book is not None and self.workspace.store_now():
                self.import_book(book)
            return
        try:
            packaged = read_package(file)  # its structure and the files' presence checked
        except UserError as exc:
            show_error(self.parent_widget, self.tr("无法导入"), exc)
            return
        with packaged:
            # Each file is read, checked and stored in the transaction that adds the book:
            # one at a time in memory, and a failed check stores nothing.
            if self.workspace.store_now():
                self.import_book(packaged.book, packaged.files())

    def _ask_same_book(self, book: Book) -> str | None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("已有同一本蓝皮书"),
            self.tr("已有 %1 年“%2”的蓝皮书。要用导入的内容替换它，还是两本都保留？")
            .replace("%1", str(book.cover.year))
            .replace("%2", book.cover.unit_name or self.tr("（未填单位）")),
            parent=self.parent_widget,
        )
        replace_button = box.addButton(self.tr("替换"), QMessageBox.ButtonRole.DestructiveRole)
        both_button = box.addButton(self.tr("两本都保留"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setObjectName("sameBookQuestion")
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace_button:
            return "replace"
        if clicked is both_button:
            return "both"
        return None

    def _read_book_file(self, title: str) -> Book | None:
        path = self._choose_book_file(title)
        if path is None:
            return None
        from bluebook_desktop.formats.package import is_package, read_package

        if is_package(path):
            try:
                with read_package(path) as packaged:
                    return packaged.book
            except UserError as exc:
                show_error(self.parent_widget, self.tr("无法导入"), exc)
                return None
        return self.read_book(path)

    def _choose_book_file(self, title: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self.parent_widget,
            title,
            self.workspace.settings.last_folder(),
            self.tr(
                "蓝皮书文件、蓝皮书包或 Word 文件 (*.bluebook.json *.json *.bluebook.zip *.zip"
                " *.docx *.doc);;所有文件 (*)"
            ),
        )
        if not path:
            return None
        self.workspace.settings.set_last_folder(str(Path(path).parent))
        return Path(path)

    def read_book(self, path: Path) -> Book | None:
        """Read a portable or Word file; a Word reading is shown to the user to confirm."""
        try:
            if path.suffix.lower() in (".docx", ".doc"):
                from bluebook_desktop.formats.docx_import import read_docx

                reading = read_docx(path)
                if not self._confirm_reading(reading.summary(QCoreApplication.translate)):
                    return None
                return reading.book
            from bluebook_desktop.formats.portable import read_portable

            return read_portable(path)
        except UserError as exc:
            show_error(self.parent_widget, self.tr("无法导入"), exc)
            return None

    def _confirm_reading(self, summary: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("从 Word 文件读到的内容"),
            self.tr("请核对从 Word 文件中读到的内容，确认后新建蓝皮书。"),
            parent=self.parent_widget,
        )
        box.setDetailedText(summary)
        box.setInformativeText(summary[:1500])
        ok = box.addButton(self.tr("新建蓝皮书"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok

    # --- files out ---

    def _save_as(
        self,
        title: str,
        suffix: str,
        file_filter: str,
        write: Callable[[Path], None],
        note: Callable[[], str] | None = None,
    ) -> Path | None:
        """The file written, or None when nothing was."""
        book = self._book()
        if book is None:
            return None
        self.workspace.store_now()
        folder = self.workspace.settings.last_folder()
        start = (
            str(Path(folder) / (file_stem(book) + suffix)) if folder else file_stem(book) + suffix
        )
        while True:
            path, _filter = QFileDialog.getSaveFileName(
                self.parent_widget, title, start, file_filter
            )
            if not path:
                return None
            target = Path(path)
            if not target.name.lower().endswith(suffix):
                target = target.with_name(target.name + suffix)
            self.workspace.settings.set_last_folder(str(target.parent))
            try:
                check_output(target, self.workspace.paths)
                write(target)
            except TargetLocked as exc:
                # The old file stays intact; offer to save under another name.
                if confirm(
                    self.parent_widget,
                    self.tr("文件被占用"),
                    user_text(exc),
                    self.tr("另存为其他文件名…"),
                    self.tr("取消"),
                ):
                    start = str(target.with_name(target.name[: -len(suffix)] + "（新）" + suffix))
                    continue
                return None
            except UserError as exc:
                show_error(self.parent_widget, self.tr("导出失败"), exc)
                return None
            done = self.tr("已导出：%1").replace("%1", str(target))
            self._message(done + (note() if note else ""), 8000)
            return target

    def export_file(self) -> None:
        from bluebook_desktop.formats.portable import SUFFIX, write_portable

        book = self._book()
        if book is not None:
            self._save_as(
                self.tr("导出蓝皮书文件"),
                SUFFIX,
                self.tr("蓝皮书文件 (*.bluebook.json)"),
                lambda path: write_portable(self._book(), path),
            )

    def export_package(self) -> None:
        """The book with every supporting file's bytes, for another machine to import."""
        from bluebook_desktop.formats.package import SUFFIX, package_book

        book = self._book()
        if book is not None:
            self._save_as(
                self.tr("导出蓝皮书包"),
                SUFFIX,
                self.tr("蓝皮书包 (*.bluebook.zip)"),
                lambda path: package_book(
                    path, self._book() or book, self.workspace.repository.evidence_data
                ),
            )

    def pdf_settings(self, replace_missing: bool = False) -> PdfSettings:
        from bluebook_desktop.formats.pdf import PdfSettings

        settings = self.workspace.settings
        return PdfSettings(
            landscape_tables=settings.landscape_tables,
            pad_two_character_names=settings.pad_two_character_names,
            centred_page_numbers=settings.centred_page_numbers,
            replace_missing=replace_missing,
        )

    def _print_settings(self, book: Book) -> PdfSettings | None:
        """Settings for printing `book`, after telling the user what would not print well.

        Characters no font has are named before anything is written; the user may go back
        and change them, or print them as a visible □. None means the user went back.
        """
        from bluebook_desktop.formats.pdf import describe_characters, missing_characters

        settings = self.pdf_settings()
        try:
            missing = missing_characters(book, settings)
        except UserError as exc:
            show_error(self.parent_widget, self.tr("字体无法使用"), exc)
            return None
        problems = [rule_text(problem) for problem in print_problems(book)]
        if problems and not confirm(
            self.parent_widget,
            self.tr("打印前请核对"),
            self.tr("以下内容还没有填完整：\n%1\n\n仍要继续吗？").replace(
                "%1", "\n".join(problems[:15])
            ),
            self.tr("继续"),
            self.tr("返回修改"),
        ):
            return None
        if not missing:
            return settings
        if confirm(
            self.parent_widget,
            self.tr("有字符无法打印"),
            self.tr("以下字符在字体中没有，打印时会显示为方框“□”：\n%1\n\n仍要继续吗？").replace(
                "%1", describe_characters(missing[:20])
            ),
            self.tr("继续"),
            self.tr("返回修改"),
        ):
            return self.pdf_settings(replace_missing=True)
        return None

    def _pdf_bytes(self, book: Book, settings: PdfSettings) -> bytes:
        """The book's PDF: the one the live preview laid out for this very book and these
        settings when there is one (the same bytes), else made now."""
        from bluebook_desktop.formats.pdf import render_pdf

        laid_out = self.laid_out(book, settings)
        return laid_out if laid_out is not None else render_pdf(book, settings)

    def export_pdf(self) -> None:
        from bluebook_desktop.formats.files import write_atomically

        book = self._book()
        settings = self._print_settings(book) if book is not None else None
        if settings is None:
            return
        written = self._save_as(
            self.tr("导出 PDF"),
            ".pdf",
            self.tr("PDF 文件 (*.pdf)"),
            lambda path: write_atomically(path, self._pdf_bytes(self._book(), settings)),
            note=lambda: self._fonts_note(settings),
        )
        if written is not None:
            self.planPrinted.emit(written.read_bytes())  # the very file handed out

    def _fonts_note(self, settings: PdfSettings) -> str:
        """The faces the PDF was printed in, each once: on a machine without the office's
        fonts the clerk sees that the bundled ones stood in."""
        from bluebook_desktop.formats.pdf import fonts_in_use

        families = dict.fromkeys(use.family for use in fonts_in_use(settings))
        return self.tr("（字体：%1）").replace("%1", "、".join(families))

    def export_word(self) -> None:
        from bluebook_desktop.formats.docx import write_docx

        if self._book() is not None:
            self._save_as(
                self.tr("导出 Word"),
                ".docx",
                self.tr("Word 文件 (*.docx)"),
                lambda path: write_docx(self._book(), path),
            )

    def plan_pdf(self) -> bytes | None:
        """The open book's PDF with the user's print settings, after the checks before
        printing; None when the clerk went back or it could not be made (already said)."""
        book = self._book()
        settings = self._print_settings(book) if book is not None else None
        if settings is None:
            return None
        self.workspace.store_now()
        try:
            return self._pdf_bytes(self._book() or book, settings)
        except UserError as exc:
            show_error(self.parent_widget, self.tr("无法生成打印稿"), exc)
            return None

    def preview(self) -> None:
        data = self.plan_pdf()
        if data is not None:
            from bluebook_desktop.ui.printing import PreviewDialog

            if PreviewDialog(data, self.parent_widget).exec():  # accepted: printed
                self.planPrinted.emit(data)

    def print_book(self) -> None:
        data = self.plan_pdf()
        if data is not None:
            from bluebook_desktop.ui.printing import print_pdf

            if print_pdf(data, self.parent_widget):
                self.planPrinted.emit(data)

    # --- dialogs ---

    def settings_dialog(self) -> None:
        from bluebook_desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.workspace.settings, self.parent_widget).exec()

    def about(self) -> None:
        from bluebook_desktop.ui.about import AboutDialog

        AboutDialog(self.workspace.paths, self.parent_widget).exec()
