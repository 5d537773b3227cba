"""Preview and printing of the very PDF that 导出 PDF writes, page for page.

The PDF's pages are drawn by PDFium (pypdfium2), the renderer of Chrome's PDF viewer, so the
preview and the paper show the file itself rather than a second layout. Printing draws each
page at actual size (no "fit to page"), so the seal area and the margins on paper are what
the form asks for, and it prints only the pages chosen in the print dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.ui.messages import show_error

POINTS_PER_INCH = 72.0
# Pages are rasterised at this resolution and drawn at actual size: sharp on any office
# printer, while a page stays about 25 MB in memory instead of 500 MB at 1200 dpi.
PRINT_DPI = 300
PREVIEW_DPI = 96
PREVIEW_GAP = 12


class PdfPages:
    """The pages of a PDF held in memory, as images at any resolution."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        self._document = pypdfium2.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._document)

    def size_pt(self, index: int) -> tuple[float, float]:
        width, height = self._document[index].get_size()
        return width, height

    def image(self, index: int, dpi: float) -> QImage:
        page = self._document[index]
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)  # RGB order
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        )
        return image.copy()  # PDFium frees the bitmap's memory


class PreviewDialog(QDialog):
    """Every page one under the other, each drawn when it scrolls into view."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览"))
        # As big as a page wants, but never beyond the screen it opens on (打印/关闭 in view).
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(900, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))
        self.data = data
        self.pages = PdfPages(data)
        self._labels: list[QLabel] = []
        self._drawn: set[int] = set()

        column = QWidget(self)
        column.setStyleSheet("background: #808080;")
        pages_layout = QVBoxLayout(column)
        pages_layout.setSpacing(PREVIEW_GAP)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for index in range(len(self.pages)):
            width, height = self.pages.size_pt(index)
            label = QLabel(column)
            label.setFixedSize(_pixels(width, PREVIEW_DPI), _pixels(height, PREVIEW_DPI))
            label.setStyleSheet("background: white;")
            pages_layout.addWidget(label)
            self._labels.append(label)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(column)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.verticalScrollBar().valueChanged.connect(self._draw_visible)

        buttons = QDialogButtonBox(self)
        print_button = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        print_button.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        self.page_label = QLabel(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_page_number)
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label)
        bottom.addWidget(buttons, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll)
        layout.addLayout(bottom)
        self._show_page_number()

    def _show_page_number(self) -> None:
        """第 n 页 / 共 m 页: n is the page at the middle of the view."""
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        current = 1
        for index, label in enumerate(self._labels):
            if label.y() <= middle:
                current = index + 1
        self.page_label.setText(
            self.tr("第 %1 页 / 共 %2 页")
            .replace("%1", str(current if self._labels else 0))
            .replace("%2", str(len(self._labels)))
        )

    def page_count(self) -> int:
        return len(self.pages)

    def drawn_pages(self) -> set[int]:
        return set(self._drawn)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self._draw_visible()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._draw_visible()
        self._show_page_number()

    def _draw_visible(self) -> None:
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        for index, label in enumerate(self._labels):
            if index in self._drawn:
                continue
            if label.y() <= bottom and label.y() + label.height() >= top:
                ratio = label.devicePixelRatioF()
                pixmap = QPixmap.fromImage(self.pages.image(index, PREVIEW_DPI * ratio))
                pixmap.setDevicePixelRatio(ratio)
                label.setPixmap(pixmap)
                self._drawn.add(index)

    def _print(self) -> None:
        if print_pdf(self.data, self):
            self.accept()


def print_pdf(data: bytes, parent: QWidget | None) -> bool:
    pages = PdfPages(data)
    if not len(pages):
        show_error(
            parent,
            QCoreApplication.translate("printing", "打印"),
            QCoreApplication.translate("printing", "打印稿生成失败，请先导出 PDF。"),
        )
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setFromTo(1, len(pages))
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, len(pages))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pages(pages, printer, _chosen_pages(printer, len(pages)))
    return True


def _chosen_pages(printer: QPrinter, count: int) -> range:
    """The pages the clerk chose in the print dialog (1-based in the dialog)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        return range(first - 1, last)
    return range(count)


def paint_pages(pages: PdfPages, printer: QPrinter, which: range | None = None) -> None:
    """Draw each page at its own size, switching the paper's orientation per page."""
    painter = QPainter()
    dpi = printer.resolution()
    for number, index in enumerate(which if which is not None else range(len(pages))):
        width, height = pages.size_pt(index)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if width > height
            else QPageLayout.Orientation.Portrait
        )
        if number == 0:
            if not painter.begin(printer):
                return
        else:
            printer.newPage()
        target = QRectF(QPointF(0, 0), QSize(_pixels(width, dpi), _pixels(height, dpi)).toSizeF())
        painter.drawImage(target, pages.image(index, PRINT_DPI))
    painter.end()


def _pixels(points: float, dpi: float) -> int:
    return round(points / POINTS_PER_INCH * dpi)
