"""应报送单位: the office's list of units expected to submit in a year, typed or pasted one
name a line, or read from the list it already has (text, CSV or Excel)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain.collection import unique_units
from bluebook_desktop.errors import UserError
from bluebook_desktop.ui.messages import show_error


class UnitsDialog(QDialog):
    def __init__(self, year: int, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 年度应报送单位").replace("%1", str(year)))
        self.text = QPlainTextEdit(self)
        self.text.setPlainText("\n".join(names))
        self.text.setPlaceholderText(self.tr("每行一个单位名称，可从 Excel 中复制粘贴。"))
        self.count = QLabel(self)
        self.read_button = QPushButton(self.tr("从文件读取…"), self)
        self.read_button.setToolTip(
            self.tr("文本文件（每行一个单位名称）、CSV 或 Excel（.xlsx）文件")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.addButton(self.read_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.read_button.clicked.connect(self.read_file)
        self.text.textChanged.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("应报送的单位（每行一个）："), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(420, 480)
        self._count()

    def names(self) -> list[str]:
        return unique_units(self.text.toPlainText().splitlines())

    def _count(self) -> None:
        self.count.setText(self.tr("共 %1 个单位").replace("%1", str(len(self.names()))))

    def read_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("读取单位名单"),
            "",
            self.tr("单位名单 (*.txt *.csv *.xlsx);;所有文件 (*)"),
        )
        if not path:
            return
        from bluebook_desktop.formats.units_list import read_unit_list

        try:
            names = read_unit_list(Path(path))
        except UserError as exc:
            show_error(self, self.tr("无法读取单位名单"), exc)
            return
        self.text.setPlainText("\n".join(names))
