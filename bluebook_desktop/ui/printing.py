"""Preview and printing of the very PDF that 导出 PDF writes, page for page.

The PDF's pages are drawn by PDFium (pypdfium2), the renderer of Chrome's PDF viewer, so the
preview and the paper show the file itself rather than a second layout. Printing draws each
page at actual size (no "fit to page"), so the seal area and the margins on paper are what
the form asks for, and it prints only the pages chosen in the print dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
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
PREVIEW_DPI = 96  # a page at 100 % is as big on screen as on paper (on a 96 dpi screen)
PREVIEW_GAP = 12
# The zoom choices; the two fits follow the window's size as it changes.
FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS = (FIT_WIDTH, FIT_PAGE, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class PdfPages:
    """The pages of a PDF held in memory, as images at any resolution."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        self._document = pypdfium2.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._document)

    def close(self) -> None:
        """Free PDFium's copy of the document (else held until the program ends)."""
        self._document.close()

    def size_pt(self, index: int) -> tuple[float, float]:
        # Read from the page tree, without loading the page (a long book has hundreds).
        width, height = self._document.get_page_size(index)
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
        self.zoom = 1.0
        for index in range(len(self.pages)):
            width, height = self.pages.size_pt(index)
            label = QLabel(column)
            label.setFixedSize(_pixels(width, PREVIEW_DPI), _pixels(height, PREVIEW_DPI))
            label.setStyleSheet("background: white;")
            label.setScaledContents(True)
            pages_layout.addWidget(label)
            self._labels.append(label)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(column)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.viewport().setStyleSheet("background: #808080;")  # the desk the pages lie on
        self.scroll.verticalScrollBar().valueChanged.connect(self._draw_visible)

        buttons = QDialogButtonBox(self)
        print_button = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        print_button.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        self.page_label = QLabel(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_page_number)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setToolTip(self.tr("缩放（Ctrl+加号放大，Ctrl+减号缩小）"))
        for choice in ZOOMS:
            self.zoom_box.addItem(self._zoom_name(choice), choice)
        self.zoom_box.activated.connect(lambda index: self.set_zoom(ZOOMS[index]))
        for standard, step in (
            (QKeySequence.StandardKey.ZoomIn, 1.25),
            (QKeySequence.StandardKey.ZoomOut, 0.8),
        ):
            keys = QKeySequence.keyBindings(standard)
            if standard == QKeySequence.StandardKey.ZoomIn and QKeySequence("Ctrl+=") not in keys:
                keys.append(QKeySequence("Ctrl+="))  # the + key without Shift
            shortcut = QShortcut(self)
            shortcut.setKeys(keys)
            shortcut.activated.connect(lambda step=step: self.set_zoom(self.zoom * step))
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.zoom_box)
        bottom.addWidget(buttons, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll)
        layout.addLayout(bottom)
        # A page as wide as the window, so its text reads without scrolling sideways.
        self.fit: str | None = FIT_WIDTH
        self.scroll.viewport().installEventFilter(self)
        self.zoom_box.setCurrentIndex(ZOOMS.index(FIT_WIDTH))
        self._show_page_number()

    def _zoom_name(self, choice: str | float) -> str:
        if choice == FIT_WIDTH:
            return self.tr("适合宽度")
        if choice == FIT_PAGE:
            return self.tr("适合页面")
        return f"{round(float(choice) * 100)}%"

    def set_zoom(self, choice: str | float) -> None:
        """A zoom factor (1.0 is actual size), or FIT_WIDTH / FIT_PAGE, which follow resizes.

        The page in view stays in view: its top keeps its place relative to the window."""
        if isinstance(choice, str):
            self.fit = choice
            factor = self._fitting(choice)
        else:
            self.fit = None
            factor = min(max(float(choice), ZOOM_MIN), ZOOM_MAX)
            # 125 % then Ctrl+减号 is 100 % again, not 100.000001 %
            choice = next((z for z in ZOOMS[2:] if abs(float(z) - factor) < 1e-6), factor)
            factor = float(choice)
        if choice in ZOOMS:
            self.zoom_box.setCurrentIndex(ZOOMS.index(choice))
        else:
            self.zoom_box.setPlaceholderText(self._zoom_name(factor))  # shown with no choice
            self.zoom_box.setCurrentIndex(-1)
        if abs(factor - self.zoom) < 1e-6:
            return
        bar = self.scroll.verticalScrollBar()
        position = bar.value() / max(1, self._column_height())
        self.zoom = factor
        for index, label in enumerate(self._labels):
            width, height = self.pages.size_pt(index)
            label.setFixedSize(
                _pixels(width, PREVIEW_DPI * factor), _pixels(height, PREVIEW_DPI * factor)
            )
        self._drawn.clear()
        column = self.scroll.widget()
        column.adjustSize()
        bar.setValue(round(position * self._column_height()))
        self._draw_visible()
        self._show_page_number()

    def _column_height(self) -> int:
        return self.scroll.widget().sizeHint().height()

    def _fitting(self, fit: str) -> float:
        if not self._labels:
            return 1.0
        width, height = self.pages.size_pt(0)
        margin = 2 * PREVIEW_GAP + self.scroll.verticalScrollBar().sizeHint().width()
        room_w = max(50, self.scroll.viewport().width() - margin)
        factor = room_w / (width / POINTS_PER_INCH * PREVIEW_DPI)
        if fit == FIT_PAGE:
            room_h = max(50, self.scroll.viewport().height() - 2 * PREVIEW_GAP)
            factor = min(factor, room_h / (height / POINTS_PER_INCH * PREVIEW_DPI))
        return min(max(factor, ZOOM_MIN), ZOOM_MAX)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The fits follow the view's own size, known only once the layout has placed it.
        if watched is not self.scroll.viewport():
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.Resize and self.fit:
            self.set_zoom(self.fit)
        elif event.type() == QEvent.Type.Wheel and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
        ):
            # Ctrl and the wheel zoom, as in every viewer; the wheel alone scrolls.
            up = event.angleDelta().y() > 0  # type: ignore[attr-defined]
            self.set_zoom(self.zoom * (1.25 if up else 0.8))
            return True
        return super().eventFilter(watched, event)

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
                dpi = PREVIEW_DPI * self.zoom * ratio
                pixmap = QPixmap.fromImage(self.pages.image(index, dpi))
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
