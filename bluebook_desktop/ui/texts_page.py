"""单位负责人意见, and the section titles and notes copied from the year's template."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolTip, QWidget

from bluebook_desktop.domain import TEXT_MAX, Book
from bluebook_desktop.ui.forms.ui_texts_page import Ui_TextsPage
from bluebook_desktop.ui.schedule_editor import clamp_text
from bluebook_desktop.ui.session import BookSession


class TextsPage(QWidget):
    def __init__(self, session: BookSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_TextsPage()
        self.ui.setupUi(self)
        # Book field -> (editor, name of the change for the undo menu)
        self._editors: dict[str, tuple[QLineEdit | QPlainTextEdit, str]] = {
            "head_opinion": (self.ui.headOpinion, self.tr("修改单位负责人意见")),
            "key_tasks_title": (self.ui.keyTasksTitle, self.tr("修改第一部分标题")),
            "key_tasks_note": (self.ui.keyTasksNote, self.tr("修改第一部分注")),
            "functional_tasks_title": (self.ui.functionalTasksTitle, self.tr("修改第二部分标题")),
            "functional_tasks_note": (self.ui.functionalTasksNote, self.tr("修改第二部分注")),
        }
        for name, (editor, _text) in self._editors.items():
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t, name=name: self._store(name))
            else:
                editor.setTabChangesFocus(True)
                editor.setUndoRedoEnabled(False)  # the window's undo covers every editor
                editor.textChanged.connect(lambda name=name: self._store(name))
        self.ui.agreeButton.clicked.connect(self._agree)
        session.changed.connect(self._on_changed)
        self.load(session.book)

    def load(self, book: Book) -> None:
        for name, (editor, _text) in self._editors.items():
            value = getattr(book, name)
            with QSignalBlocker(editor):
                if isinstance(editor, QLineEdit):
                    if editor.text() != value:
                        editor.setText(value)
                elif editor.toPlainText() != value:
                    editor.setPlainText(value)

    def _on_changed(self, book: Book, source: object) -> None:
        if source is not self:
            self.load(book)

    def _value(self, name: str) -> str:
        editor, _text = self._editors[name]
        if isinstance(editor, QLineEdit):
            return editor.text()  # its maxLength keeps it to the limit
        if clamp_text(editor, TEXT_MAX):
            # The editor now shows what is stored, and says why the rest is gone.
            QToolTip.showText(
                editor.mapToGlobal(editor.rect().bottomLeft()),
                self.tr("文字过长：每栏最多 %1 字，超出的部分没有保存。").replace(
                    "%1", str(TEXT_MAX)
                ),
                editor,
            )
        return editor.toPlainText()

    def _store(self, name: str) -> None:
        book = self.session.book
        _editor, text = self._editors[name]
        self.session.edit(
            replace(book, **{name: self._value(name)}), text, merge=f"book.{name}", source=self
        )

    def _agree(self) -> None:
        # Content of the printed form, not interface text: never translated.
        self.ui.headOpinion.setPlainText("同意")
