"""全年进度安排 of one task: one row per step (its quarters and text) and the printed lines."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain import MAX_STEPS, QUARTER_NUMERALS, QUARTERS, TEXT_MAX, ScheduleEntry
from bluebook_desktop.ui.clicks import on_click_once
from bluebook_desktop.ui.forms.ui_schedule_editor import Ui_ScheduleEditor

_FLAG_STYLE = "color: #c62828;"
_PRINTED_STYLE = "color: #5f5f5f;"  # the window's hint grey (ui/fonts.py)


def clamp_text(edit: QPlainTextEdit, limit: int = TEXT_MAX) -> bool:
    """Cut the editor's text back to `limit` characters; True when something was refused."""
    text = edit.toPlainText()
    if len(text) <= limit:
        return False
    with QSignalBlocker(edit):
        edit.setPlainText(text[:limit])
    edit.moveCursor(QTextCursor.MoveOperation.End)
    return True


def set_plain_text(edit: QPlainTextEdit, text: str) -> None:
    """Show `text` without touching the cursor when it is already there (undo, reloads)."""
    if edit.toPlainText() != text:
        with QSignalBlocker(edit):
            edit.setPlainText(text)


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll the pane holding `widget` (once laid out) so that all of it is in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget, 0, 10)


class _StepRow(QFrame):
    """One step: 一 二 三 四 check boxes, buttons to move or delete it, then its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("季度："), self))
        self.quarter_boxes: dict[int, QCheckBox] = {}
        for quarter in QUARTERS:
            box = QCheckBox(QUARTER_NUMERALS[quarter], self)
            box.setToolTip(self.tr("第{0}季度；四个都勾即“全年”").format(QUARTER_NUMERALS[quarter]))
            self.quarter_boxes[quarter] = box
            top.addWidget(box)
        top.addStretch()
        self.up_button = self._button(self.tr("上移"), self.tr("把这一步上移"))
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.down_button = self._button(self.tr("下移"), self.tr("把这一步下移"))
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.delete_button = self._button(self.tr("删除"), self.tr("删除这一步"))
        for button in (self.up_button, self.down_button, self.delete_button):
            top.addWidget(button)
        layout.addLayout(top)
        # A line of its own that is never empty: how the ticked quarters print (印为：全年：),
        # or the warning when none is ticked. The warning coming and going moves nothing the
        # clerk is about to click (the quarter boxes, 删除) and never widens the pane.
        self.flag_label = QLabel(self)
        layout.addWidget(self.flag_label)

        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("这一步做什么，如：召开提案办理协调会。"))
        self.text_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Two lines of Chinese: the fallback CJK font is taller than the default font's line.
        metrics = self.text_edit.fontMetrics()
        line = max(metrics.lineSpacing(), metrics.boundingRect("中国").height() + 2)
        self.text_edit.setFixedHeight(
            line * 2
            + 2 * self.text_edit.frameWidth()
            + int(2 * self.text_edit.document().documentMargin())
            + 4
        )
        layout.addWidget(self.text_edit)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        return button

    #: The id of the step this row shows (ScheduleEntry.id).
    step_id = ""
    #: No quarter is ticked: the row says 请勾选季度.
    flagged = False

    def quarters(self) -> tuple[int, ...]:
        return tuple(q for q, box in self.quarter_boxes.items() if box.isChecked())

    def show_entry(self, entry: ScheduleEntry) -> None:
        for quarter, box in self.quarter_boxes.items():
            with QSignalBlocker(box):
                box.setChecked(quarter in entry.quarters)
        set_plain_text(self.text_edit, entry.text)
        self.flagged = not entry.quarters
        if self.flagged:
            self.flag_label.setText(self.tr("请勾选季度"))
            self.flag_label.setStyleSheet(_FLAG_STYLE)
        else:
            self.flag_label.setText(self.tr("印为：%1：").replace("%1", entry.label))
            self.flag_label.setStyleSheet(_PRINTED_STYLE)


class ScheduleEditor(QWidget):
    """Edits a task's schedule; every change is reported at once with `entriesEdited`."""

    #: The new tuple[ScheduleEntry, ...] and a merge key for typing in one step's text
    #: ("<step id>.text"), or None when the change is its own undo step (ticks, adding,
    #: moving). Rows and keys follow a step by its id, wherever it moves.
    entriesEdited = Signal(object, object)  # noqa: N815 - Qt signal naming
    #: A text was cut back to TEXT_MAX characters.
    textRefused = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScheduleEditor()
        self.ui.setupUi(self)
        self._add_tip = self.ui.addButton.toolTip()
        self._entries: tuple[ScheduleEntry, ...] = ()
        self._rows: dict[str, _StepRow] = {}  # step id -> its row
        on_click_once(self.ui.addButton, self.add_step)
        self._show()

    # --- public ---

    def entries(self) -> tuple[ScheduleEntry, ...]:
        return self._entries

    def set_entries(self, entries: Sequence[ScheduleEntry]) -> None:
        """Show `entries` (a load or an undo): nothing is emitted."""
        self._entries = tuple(entries)
        self._show()

    def row_widget(self, row: int) -> _StepRow:
        """The widgets of the step at this position (for focus handling and tests)."""
        return self._rows[self._entries[row].id]

    def step_widget(self, step_id: str) -> _StepRow:
        """The widgets of the step with this id."""
        return self._rows[step_id]

    def preview_lines(self) -> list[str]:
        return [entry.printed() for entry in self._entries]

    def add_step(self) -> None:
        if len(self._entries) >= MAX_STEPS:  # the button is off then; a shortcut may still ask
            return
        entry = ScheduleEntry()
        self._edit((*self._entries, entry), None)
        row = self._rows[entry.id]
        row.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, lambda: _scroll_into_view(row))

    # --- rows ---

    def _show(self) -> None:
        # A step keeps its row (and the cursor in it) through edits, moves and undo; rows of
        # steps gone are reused for new ones (another task shown), and only the rest made.
        wanted = {entry.id for entry in self._entries}
        spare = [row for step_id, row in self._rows.items() if step_id not in wanted]
        spare.reverse()
        rows: dict[str, _StepRow] = {}
        layout = self.ui.rowsLayout
        for i, entry in enumerate(self._entries):
            row = self._rows.get(entry.id) or (spare.pop() if spare else self._new_row())
            row.step_id = entry.id
            rows[entry.id] = row
            if layout.indexOf(row) != i:
                layout.removeWidget(row)
                layout.insertWidget(i, row)
        for row in spare:
            layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = rows
        for i, entry in enumerate(self._entries):
            row = rows[entry.id]
            row.show_entry(entry)
            row.up_button.setEnabled(i > 0)
            row.down_button.setEnabled(i < len(self._entries) - 1)
        self.ui.emptyLabel.setVisible(not self._entries)
        # The file format's limit: a book with more steps could not be read back.
        full = len(self._entries) >= MAX_STEPS
        self.ui.addButton.setEnabled(not full)
        self.ui.addButton.setToolTip(
            self.tr("每项任务最多 {0} 个进度步骤").format(MAX_STEPS) if full else self._add_tip
        )
        self.ui.previewTitle.setVisible(bool(self._entries))
        self.ui.previewLabel.setVisible(bool(self._entries))
        self.ui.previewLabel.setText(self._preview_html())

    def _new_row(self) -> _StepRow:
        row = _StepRow(self.ui.rowsWidget)
        self.ui.rowsLayout.addWidget(row)
        row.show()  # at once, not after the layout's queued show: focus can go there now
        for box in row.quarter_boxes.values():
            box.toggled.connect(lambda _checked, r=row: self._quarters_ticked(r))
        row.text_edit.textChanged.connect(lambda r=row: self._text_typed(r))
        row.up_button.clicked.connect(lambda _checked=False, r=row: self._move(r, -1))
        row.down_button.clicked.connect(lambda _checked=False, r=row: self._move(r, 1))
        row.delete_button.clicked.connect(lambda _checked=False, r=row: self._delete(r))
        return row

    def _preview_html(self) -> str:
        lines = []
        for entry in self._entries:
            text = html.escape(entry.printed()) or "&nbsp;"
            if not entry.quarters:
                flag = html.escape(self.tr("（请勾选季度）"))
                text = f'<span style="{_FLAG_STYLE}">{flag}</span>{text}'
            lines.append(text)
        return "<br>".join(lines)

    # --- edits ---

    def _edit(self, entries: tuple[ScheduleEntry, ...], key: str | None) -> None:
        self._entries = entries
        self._show()
        self.entriesEdited.emit(entries, key)

    def _position(self, row_widget: _StepRow) -> int:
        return next(i for i, e in enumerate(self._entries) if e.id == row_widget.step_id)

    def _replace(self, row: int, entry: ScheduleEntry) -> tuple[ScheduleEntry, ...]:
        return self._entries[:row] + (entry,) + self._entries[row + 1 :]

    def _quarters_ticked(self, row_widget: _StepRow) -> None:
        row = self._position(row_widget)
        entry = replace(self._entries[row], quarters=row_widget.quarters())
        self._edit(self._replace(row, entry), None)

    def _text_typed(self, row_widget: _StepRow) -> None:
        if clamp_text(row_widget.text_edit):
            self.textRefused.emit()
        row = self._position(row_widget)
        entry = replace(self._entries[row], text=row_widget.text_edit.toPlainText())
        self._edit(self._replace(row, entry), f"{entry.id}.text")

    def _move(self, row_widget: _StepRow, step: int) -> None:
        row = self._position(row_widget)
        other = row + step
        if not 0 <= other < len(self._entries):
            return
        entries = list(self._entries)
        entries[row], entries[other] = entries[other], entries[row]
        self._edit(tuple(entries), None)
        # The row went with its step: the same button moves it on, as long as it can.
        button = row_widget.up_button if step < 0 else row_widget.down_button
        if button.isEnabled():
            button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            row_widget.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete(self, row_widget: _StepRow) -> None:
        row = self._position(row_widget)
        focus = QApplication.focusWidget()
        had_focus = focus is not None and row_widget.isAncestorOf(focus)
        self._edit(self._entries[:row] + self._entries[row + 1 :], None)
        if had_focus:  # the row is going: the focus stays where the clerk was
            target = (
                self.row_widget(min(row, len(self._entries) - 1)).delete_button
                if self._entries
                else self.ui.addButton
            )
            target.setFocus(Qt.FocusReason.OtherFocusReason)
