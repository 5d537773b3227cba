"""帮助 → 关于: version, where the data is kept, and the licences of what is bundled."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop import __version__
from bluebook_desktop.paths import Paths, resource
from bluebook_desktop.ui.messages import program_name

LICENCES = (
    ("AR PL UMing（打印字体）", ("fonts", "uming.LICENSE.txt")),
    ("文泉驿微米黑 WenQuanYi Micro Hei（打印标题字体）", ("fonts", "wqy-microhei.LICENSE.txt")),
    ("Liberation Serif（打印西文与数字字体）", ("fonts", "LiberationSerif.LICENSE.txt")),
)
LIBRARIES = (
    "Qt 6 / PySide6 — LGPL-3.0",
    "SQLAlchemy, Alembic — MIT",
    "ReportLab — BSD",
    "python-docx — MIT",
    "appdirs — MIT",
    # Also inside the installed program (packaging/bluebook.spec):
    "Python — PSF-2.0",
    "Mako — MIT",
    "Pillow — MIT-CMU",
    "lxml — BSD-3-Clause; libxml2, libxslt — MIT",
    "ICU — Unicode-3.0",
    "PyInstaller bootloader — GPL-2.0 with the bootloader exception",
)


class AboutDialog(QDialog):
    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setWindowTitle(self.tr("关于"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{program_name()}</h2>" + self.tr("版本 %1").replace("%1", __version__))
        layout.addWidget(title)
        folder = QLabel(self.tr("数据文件夹：%1").replace("%1", str(paths.data_dir)))
        folder.setWordWrap(True)
        layout.addWidget(folder)
        database = QLabel(self.tr("数据库：%1").replace("%1", str(paths.database)))
        database.setWordWrap(True)
        layout.addWidget(database)
        open_folder = QPushButton(self.tr("打开数据文件夹"))
        open_folder.clicked.connect(self._open_folder)
        layout.addWidget(open_folder)
        licences = QPlainTextEdit(self)
        licences.setReadOnly(True)
        licences.setPlainText(self._licences_text())
        layout.addWidget(licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _licences_text(self) -> str:
        parts = [self.tr("随程序提供的组件："), *LIBRARIES, ""]
        for name, where in LICENCES:
            path = resource(*where)
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = self.tr("（许可证文件缺失：%1）").replace("%1", str(path))
            parts += [f"== {name} ==", text, ""]
        return "\n".join(parts)

    def _open_folder(self) -> None:
        self.paths.data_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data_dir)))
