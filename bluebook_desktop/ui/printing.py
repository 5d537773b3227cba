"""Preview and printing of the very PDF that 导出 PDF writes, page for page.

Printing draws each PDF page at actual size (no "fit to page"), so the seal area and the
margins on paper are what the form asks for.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from bluebook_desktop.ui.messages import show_error

POINTS_PER_INCH = 72.0
# Pages are rasterised at this resolution and drawn at actual size: sharp on any office
# printer, while a page stays about 25 MB in memory instead of 500 MB at 1200 dpi.
RENDER_DPI = 300


def load_document(data: bytes, parent: QWidget | None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; the buffer must live as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


class PreviewDialog(QDialog):
    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览"))
        self.resize(900, 1000)
        self.document, self._buffer = load_document(data, self)
        self.data = data
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(self.document)
        self.view = view
        buttons = QDialogButtonBox(self)
        print_button = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        print_button.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _print(self) -> None:
        if print_pdf(self.data, self):
            self.accept()


def print_pdf(data: bytes, parent: QWidget | None) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF carries its own margins
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document, _buffer = load_document(data, parent)
    if document.pageCount() == 0:
        show_error(
            parent,
            QCoreApplication.translate("printing", "打印"),
            QCoreApplication.translate("printing", "打印稿生成失败，请先导出 PDF。"),
        )
        return False
    paint_pages(document, printer)
    return True


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    """Draw every page at its own size, switching the paper's orientation per page."""
    painter = QPainter()
    dpi = printer.resolution()
    for index in range(document.pageCount()):
        size_pt = document.pagePointSize(index)
        landscape = size_pt.width() > size_pt.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        if index == 0:
            if not painter.begin(printer):
                return
        else:
            printer.newPage()
        target = QRectF(
            QPointF(0, 0),
            QSize(
                round(size_pt.width() / POINTS_PER_INCH * dpi),
                round(size_pt.height() / POINTS_PER_INCH * dpi),
            ).toSizeF(),
        )
        image = document.render(
            index,
            QSize(
                round(size_pt.width() / POINTS_PER_INCH * RENDER_DPI),
                round(size_pt.height() / POINTS_PER_INCH * RENDER_DPI),
            ),
        )
        painter.drawImage(target, image)
    painter.end()
