"""Editing the task table in place: every keystroke goes into the book at once.

An open cell editor hands each change to the model as it is typed, so what is on screen is
also what is stored, whatever happens next (quitting, switching books, a crash). Escape puts
the cell back as it was when the editor opened and returns to the table; Enter and Tab close
the editor. In the multi-line 年度目标 editor Shift+Enter (or Alt+Enter) starts a new line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from bluebook_desktop.domain import LINE_MAX, ROLES, TEXT_MAX
from bluebook_desktop.ui.schedule_editor import clamp_text
from bluebook_desktop.ui.task_detail import clamp_line

_Index = QModelIndex | QPersistentModelIndex
_ORIGINAL = "bluebookOriginal"  # the editor's property: the cell's text when it opened


class PaddedDelegate(QStyledItemDelegate):
    """Cells with room around their text: a third of a line below the last line, so that
    it never touches the grid (the text is drawn from the cell's top). The current cell
    has a frame: the whole row is highlighted, and the clerk must see which cell Enter or
    F2 opens."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        view = self.parent()
        if isinstance(view, QAbstractItemView) and index == view.currentIndex():
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.HighlightedText), 2)
            if not option.state & QStyle.StateFlag.State_Selected:
                pen.setColor(option.palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: _Index
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + padding(option.fontMetrics.lineSpacing()))


def padding(line_spacing: int) -> int:
    """The room below a cell's last line, for a font with this line spacing."""
    return max(4, line_spacing // 3)


class CellDelegate(PaddedDelegate):
    """One kind of in-place editor: "line" (one line), "text" (several lines), "role"
    (牵头/协办) or "choice" (one of `choices`, e.g. a report's 进度)."""

    #: Text beyond this many characters was typed or pasted and not taken.
    refused = Signal(int)

    def __init__(
        self,
        kind: str,
        parent: QObject | None = None,
        names: Callable[[], list[str]] | None = None,
        choices: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._choices = tuple(choices) if kind == "choice" else ROLES
        self._names = names  # completion list for a one-line editor, asked for on opening
        self._committing = False
        self._editor: QWidget | None = None  # the one open: a table edits a cell at a time

    # --- the editor ---

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        editor: QWidget
        if self._kind == "text":
            text_editor = QPlainTextEdit(parent)
            text_editor.setTabChangesFocus(True)
            text_editor.textChanged.connect(lambda: self._commit(text_editor))
            editor = text_editor
        elif self._kind in ("role", "choice"):
            box = QComboBox(parent)
            box.addItems(list(self._choices))
            box.activated.connect(lambda _row: self._commit(box))
            editor = box
        else:
            line = QLineEdit(parent)  # no setMaxLength: it cuts a paste without a word
            if self._names is not None:
                completer = QCompleter(list(dict.fromkeys(self._names())), line)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line.setCompleter(completer)
            line.textEdited.connect(lambda _text: self._commit(line))
            editor = line
        editor.installEventFilter(self)
        self._editor = editor
        return editor

    def destroyEditor(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if editor is self._editor:
            self._editor = None
        super().destroyEditor(editor, index)

    def close_unkept(self) -> None:
        """The book did not take what the open editor holds (a change to a signed plan the
        clerk gave no reason for): it closes without handing it over again, and the cell
        shows what the book has."""
        editor, self._editor = self._editor, None
        if editor is not None and shiboken6.isValid(editor) and editor.isVisible():
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if self._committing:
            return  # the model only took in what the editor shows
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.property(_ORIGINAL) is None:
            editor.setProperty(_ORIGINAL, text)
        _set_value(editor, text)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: _Index
    ) -> None:
        model.setData(index, _value(editor), Qt.ItemDataRole.EditRole)

    def _commit(self, editor: QWidget) -> None:
        if editor is not self._editor:
            return  # the table let go of it (a question took the focus): nothing to hand over
        if isinstance(editor, QPlainTextEdit) and clamp_text(editor, TEXT_MAX):
            self.refused.emit(TEXT_MAX)
        elif isinstance(editor, QLineEdit) and clamp_line(editor, LINE_MAX):
            self.refused.emit(LINE_MAX)
        sent = _value(editor)
        self._committing = True
        try:
            self.commitData.emit(editor)
        finally:
            self._committing = False
        # Typed on while that commit waited (for the question of why a signed plan changes):
        # the view takes no commit from an editor while one of its commits runs, so what the
        # editor holds now is handed over once more.
        if editor is self._editor and shiboken6.isValid(editor) and _value(editor) != sent:
            self._commit(editor)

    # --- keys ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            isinstance(watched, QWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key, modifiers = event.key(), event.modifiers()
            if key == Qt.Key.Key_Escape:
                original = watched.property(_ORIGINAL)
                if original is not None and _value(watched) != original:
                    _set_value(watched, str(original))
                    self._commit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
            if isinstance(watched, QPlainTextEdit) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                newline = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
                if modifiers & newline:
                    watched.insertPlainText("\n")
                else:
                    self._commit(watched)
                    self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
            if isinstance(watched, QPlainTextEdit) and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._commit(watched)
                hint = (
                    QAbstractItemDelegate.EndEditHint.EditPreviousItem
                    if key == Qt.Key.Key_Backtab
                    else QAbstractItemDelegate.EndEditHint.EditNextItem
                )
                self.closeEditor.emit(watched, hint)
                return True
        return super().eventFilter(watched, event)


def _value(editor: QWidget) -> str:
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return ""


def _set_value(editor: QWidget, text: str) -> None:
    if isinstance(editor, QPlainTextEdit):
        if editor.toPlainText() != text:
            editor.blockSignals(True)
            try:
                editor.setPlainText(text)
            finally:
                editor.blockSignals(False)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(editor.findText(text), 0) if text else -1)
    elif isinstance(editor, QLineEdit) and editor.text() != text:
        editor.setText(text)
