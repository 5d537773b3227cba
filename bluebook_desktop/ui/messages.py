"""Showing the user what went wrong, in their language and in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bluebook_desktop import DISPLAY_NAME
from bluebook_desktop.domain import Warning_
from bluebook_desktop.errors import UserError


def program_name() -> str:
    """The program's name in the user's language (the main window form's own title)."""
    return QCoreApplication.translate("MainWindow", DISPLAY_NAME)


def user_text(error: UserError) -> str:
    """The error's message, translated when an English interface is chosen."""
    template = QCoreApplication.translate("messages", error.template)
    try:
        return error.render(template)
    except (KeyError, IndexError, ValueError):
        return str(error)  # a translation with broken placeholders must not hide the message


def rule_text(warning: Warning_) -> str:
    """A form rule's warning in the user's language (its parameters may be rule words too)."""
    params = {
        key: QCoreApplication.translate("rules", value) if isinstance(value, str) else value
        for key, value in warning.params.items()
    }
    return QCoreApplication.translate("rules", warning.message).format(**params)


def show_error(parent: QWidget | None, title: str, error: UserError | str) -> None:
    text = user_text(error) if isinstance(error, UserError) else error
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
