"""The year's printouts in the 文件 menu: 季度工作进展情况表, 年度自评表 and 目标调整情况 of
the open book, each shown in the print preview (ui.printing), from which it prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QWidget,
)

from bluebook_desktop.domain import QUARTERS, Book
from bluebook_desktop.domain.year import quarter_of
from bluebook_desktop.errors import UserError
from bluebook_desktop.ui.messages import confirm, show_error

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf import PdfSettings
    from bluebook_desktop.ui.book_actions import BookActions
    from bluebook_desktop.ui.workspace import Workspace


class QuarterDialog(QDialog):
    """Which quarter's report to print; the current quarter unless the clerk picks another."""

    def __init__(self, quarter: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("季度工作进展情况表"))
        self.choice = QComboBox(self)
        names = (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度"))
        for number, name in zip(QUARTERS, names, strict=True):
            self.choice.addItem(name, number)
        self.choice.setCurrentIndex(QUARTERS.index(quarter))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("预览"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("季度："), self.choice)
        layout.addRow(buttons)

    def quarter(self) -> int:
        return int(self.choice.currentData())


class YearPrints(QObject):
    """Three entries placed after `after` in `menu`, each previewing one sheet."""

    def __init__(
        self,
        workspace: Workspace,
        actions: BookActions,
        parent_widget: QWidget,
        menu: QMenu,
        after: QAction,
        quarter: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.workspace = workspace
        self._quarter = quarter
        self.actions = actions
        self.parent_widget = parent_widget
        self.report_action = QAction(self.tr("季度工作进展情况表…"), parent_widget)
        self.review_action = QAction(self.tr("年度绩效目标完成情况自评表…"), parent_widget)
        self.adjustments_action = QAction(self.tr("目标调整情况…"), parent_widget)
        self.report_action.triggered.connect(self.preview_report)
        self.review_action.triggered.connect(self.preview_review)
        self.adjustments_action.triggered.connect(self.preview_adjustments)
        entries = [self.report_action, self.review_action, self.adjustments_action]
        following = menu.actions()
        place = following.index(after) + 1 if after in following else len(following)
        before = following[place] if place < len(following) else None
        separator = QAction(parent_widget)
        separator.setSeparator(True)
        menu.insertActions(before, [separator, *entries])  # type: ignore[arg-type]

    def current_quarter(self) -> int:
        """The quarter the report shows first: the one the 进展填报 page shows (given by the
        window), else today's."""
        return self._quarter() if self._quarter is not None else quarter_of(dt.date.today())

    def preview_report(self) -> None:
        book = self.workspace.book
        if book is None:
            return
        dialog = QuarterDialog(self.current_quarter(), self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        quarter = dialog.quarter()
        from bluebook_desktop.formats.year_pdf import report_pdf

        self._preview(lambda book, settings: report_pdf(book, quarter, settings=settings))

    def preview_review(self) -> None:
        from bluebook_desktop.formats.year_pdf import review_pdf

        self._preview(review_pdf)

    def preview_adjustments(self) -> None:
        from bluebook_desktop.formats.year_pdf import adjustments_pdf

        self._preview(adjustments_pdf)

    def _preview(self, render: Callable[[Book, PdfSettings], bytes]) -> None:
        data = self._bytes(render)
        if data is not None:
            from bluebook_desktop.ui.printing import PreviewDialog

            dialog = PreviewDialog(data, self.parent_widget)
            dialog.exec()
            dialog.pages.close()
            dialog.deleteLater()  # the window would keep every preview it showed

    def _bytes(self, render: Callable[[Book, PdfSettings], bytes]) -> bytes | None:
        """The sheet of the open book as stored now; characters no font has print as □
        only after the clerk agrees."""
        from bluebook_desktop.formats.pdf import MissingGlyphs, describe_characters

        book = self.workspace.book
        if book is None:
            return None
        self.workspace.store_now()
        book = self.workspace.book or book
        try:
            try:
                return render(book, self.actions.pdf_settings())
            except MissingGlyphs as exc:
                if not confirm(
                    self.parent_widget,
                    self.tr("有字符无法打印"),
                    self.tr(
                        "以下字符在字体中没有，打印时会显示为方框“□”：\n%1\n\n仍要继续吗？"
                    ).replace("%1", describe_characters(exc.chars[:20])),
                    self.tr("继续"),
                    self.tr("返回修改"),
                ):
                    return None
                return render(book, self.actions.pdf_settings(replace_missing=True))
        except UserError as exc:
            show_error(self.parent_widget, self.tr("无法生成打印稿"), exc)
            return None
