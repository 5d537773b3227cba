"""定稿 in the window: the action, the signed copy kept byte for byte, and what shows it.

定稿 keeps the plan's PDF as printed now (the user's print settings) in the database, so
the signed plan stays printable exactly as it was signed (打印定稿原件). After it, the plan
pages carry a banner, the status bar says 已定稿, and a change to the plan asks why
(ui/adjustments.py). Printing the plan while it is not finalized offers 定稿, once a sitting.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSizePolicy

from bluebook_desktop.domain import Book, chinese_date
from bluebook_desktop.domain.plan import finalize
from bluebook_desktop.domain.year import Evidence
from bluebook_desktop.errors import UserError
from bluebook_desktop.ui.adjustments import ask_reason
from bluebook_desktop.ui.messages import confirm, show_error

if TYPE_CHECKING:
    from bluebook_desktop.ui.book_actions import BookActions
    from bluebook_desktop.ui.session import BookSession
    from bluebook_desktop.ui.workspace import Workspace

PDF = "application/pdf"
# The window's tabs that show the plan (cover, the two task tables, the texts page).
PLAN_TABS = range(4)


def signed_copy_name(book: Book) -> str:
    cover = book.cover
    return f"{cover.year} {cover.unit_name.strip() or cover.title.strip() or '蓝皮书'} 定稿.pdf"


class PlanActions(QObject):
    """定稿…, 打印定稿原件… and 新的目标调整 for the window's open book."""

    def __init__(self, workspace: Workspace, actions: BookActions, window: QMainWindow) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.book_actions = actions
        self.window = window
        ui = window.ui  # type: ignore[attr-defined]
        self.finalize_action = QAction(self.tr("定稿…"), window)
        self.finalize_action.setObjectName("actionFinalize")
        self.finalize_action.setToolTip(self.tr("把现在的打印稿作为送签的定稿保存"))
        self.signed_copy_action = QAction(self.tr("打印定稿原件…"), window)
        self.signed_copy_action.setObjectName("actionSignedCopy")
        self.signed_copy_action.setToolTip(self.tr("按定稿时保存的打印稿原样预览、打印"))
        self.new_adjustment_action = QAction(self.tr("开始新的目标调整"), window)
        self.new_adjustment_action.setObjectName("actionNewAdjustment")
        self.new_adjustment_action.setToolTip(
            self.tr("下一次修改目标时重新询问调整理由，记为另一次调整")
        )
        menu = ui.fileMenu
        items = menu.actions()
        after_print = items.index(ui.actionPrint) + 1
        before = items[after_print] if after_print < len(items) else None
        menu.insertAction(before, self.finalize_action)
        menu.insertAction(before, self.signed_copy_action)
        ui.editMenu.addSeparator()
        ui.editMenu.addAction(self.new_adjustment_action)
        self.finalize_action.triggered.connect(self.finalize)
        self.signed_copy_action.triggered.connect(self.print_signed_copy)
        self.new_adjustment_action.triggered.connect(self.start_new_adjustment)
        actions.planPrinted.connect(lambda data: self.offer_finalize(data))

        # 已定稿 / 未定稿, always in view while a book is open.
        self.state_label = QLabel(window)
        self.state_label.setObjectName("planState")
        window.statusBar().addPermanentWidget(self.state_label)
        # Above the open book: what 定稿 means for an edit of the plan.
        # It sits in the open book's own area, above the tabs (the window's book view), so
        # the book list beside it does not move.
        book_view = window.book_view  # type: ignore[attr-defined]
        self.banner = QLabel(book_view)
        self.banner.setObjectName("finalizedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #e8f1fb; border: 1px solid #9cbfe6; padding: 4px 6px; }"
        )
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        book_view.layout().insertWidget(0, self.banner)
        self.banner.hide()
        ui.tabs.currentChanged.connect(lambda _tab: self._update())
        workspace.bookOpened.connect(self._opened)
        workspace.bookClosed.connect(self._update)
        self._update()

    @property
    def session(self) -> BookSession | None:
        return self.workspace.session

    def _opened(self, session: BookSession) -> None:
        session.plan_changes.ask = ask_reason(self.window, session.typed_on)
        session.changed.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        session = self.session
        book = session.book if session is not None else None
        finalized = book is not None and book.finalized_on is not None
        self.finalize_action.setEnabled(book is not None and not finalized)
        self.signed_copy_action.setEnabled(book is not None and book.signed_copy is not None)
        self.new_adjustment_action.setEnabled(
            finalized and session is not None and session.plan_changes.why is not None
        )
        self.state_label.setVisible(book is not None)
        if book is not None:
            self.state_label.setText(self.tr("已定稿") if finalized else self.tr("未定稿"))
            self.state_label.setToolTip(
                self.tr("%1 定稿").replace("%1", chinese_date(book.finalized_on))
                if finalized
                else self.tr("打印送签时选择“定稿”")
            )
        on_plan = self.window.ui.tabs.currentIndex() in PLAN_TABS  # type: ignore[attr-defined]
        if finalized and on_plan:
            assert book is not None
            self.banner.setText(
                self.tr("本责任书已于 %1定稿。修改目标将记入目标调整情况。").replace(
                    "%1", chinese_date(book.finalized_on)
                )
            )
        self.banner.setVisible(finalized and on_plan)

    # --- 定稿 ---

    def finalize(self) -> None:
        """定稿…: after saying what it means, keep the plan's PDF as printed now."""
        book = self.workspace.book
        if book is None or book.finalized_on is not None:
            return
        if not confirm(
            self.window,
            self.tr("定稿"),
            self.tr(
                "定稿后，按现在的内容和打印设置生成的打印稿作为送签的原件保存，"
                "以后可用“打印定稿原件”原样打印。\n"
                "此后对目标（封面、任务、进度安排、负责人意见）的修改须写明理由，"
                "记入目标调整情况。\n\n确定定稿吗？"
            ),
            self.tr("定稿"),
            self.tr("取消"),
        ):
            return
        data = self.book_actions.plan_pdf()
        if data is not None:
            self._finalize_with(data)

    def offer_finalize(self, data: bytes) -> None:
        """The plan was just printed or exported: is it the copy for signature?"""
        session = self.session
        if session is None or session.book.finalized_on is not None:
            return
        if session.plan_changes.offered_finalize:
            return
        session.plan_changes.offered_finalize = True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("定稿"),
            self.tr("这是送签的定稿吗？"),
            parent=self.window,
        )
        box.setObjectName("finalizeQuestion")
        # The explanation in a few wide lines, not a narrow column.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 24em; }")
        box.setInformativeText(
            self.tr(
                "选“是”，刚才的打印稿作为定稿原件保存；此后修改目标须写明理由，"
                "记入目标调整情况。以后也可在“文件 → 定稿…”中定稿。"
            )
        )
        yes = box.addButton(self.tr("是"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("否"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.exec()
        if box.clickedButton() is yes:
            self._finalize_with(data)

    def _finalize_with(self, data: bytes) -> None:
        """定稿 with `data`, the plan's PDF as it was printed."""
        session = self.session
        if session is None:
            return
        book = session.book
        today = dt.date.today()
        try:
            sha256 = self.workspace.repository.put_evidence(data, PDF)
        except UserError as exc:
            show_error(self.window, self.tr("无法定稿"), exc)
            return
        signed = Evidence(signed_copy_name(book), sha256, len(data), PDF, today)
        session.edit(finalize(book, today, signed), self.tr("定稿"))
        self.workspace.store_now()
        self.workspace.message.emit(
            self.tr("已定稿：定稿原件已保存，此后修改目标将记入目标调整情况。"), 10000
        )

    def print_signed_copy(self) -> None:
        """打印定稿原件…: the PDF kept at 定稿, in the print preview, as it was signed."""
        book = self.workspace.book
        if book is None or book.signed_copy is None:
            return
        try:
            data = self.workspace.repository.evidence_data(book.signed_copy.sha256)
        except UserError as exc:
            show_error(self.window, self.tr("无法打开定稿原件"), exc)
            return
        from bluebook_desktop.ui.printing import PreviewDialog

        dialog = PreviewDialog(data, self.window)
        dialog.setWindowTitle(self.tr("定稿原件：%1").replace("%1", book.signed_copy.name))
        dialog.exec()

    def start_new_adjustment(self) -> None:
        session = self.session
        if session is None:
            return
        session.plan_changes.start_new()
        self._update()
        self.workspace.message.emit(self.tr("下一次修改目标时将询问新的调整理由。"), 8000)
