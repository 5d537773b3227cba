"""At a glance, above the open book's tabs: this quarter's lights and what is due next.

e.g. 第四季度：● 6 绿  ● 2 黄  ● 1 红 · 第四季度进展 2022年1月10日前报送，尚有 3 项未填.
Each light is its colour and its word (never the colour alone); it follows every edit.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from bluebook_desktop.domain import Book, chinese_date
from bluebook_desktop.domain.year import Light, report_due
from bluebook_desktop.ui.year_model import (
    LIGHT_COLOURS,
    default_quarter,
    due_quarter,
    light_word,
    quarter_lights,
    quarter_name,
    unreported,
)


def lights_text(book: Book, today: dt.date) -> tuple[str, str]:
    """The glance as plain text and as rich text (coloured), for this book on `today`."""
    quarter = default_quarter(book.cover.year, today)
    counts = quarter_lights(book, quarter, today)
    shown = [Light.GREEN, Light.YELLOW, Light.RED]
    if counts[Light.GREY]:
        shown.append(Light.GREY)
    plain_parts = [f"{counts[light]} {light_word(light)}" for light in shown]
    rich_parts = [
        f'<span style="color:{LIGHT_COLOURS[light]}">●&nbsp;{counts[light]}&nbsp;'
        f"{html.escape(light_word(light))}</span>"
        for light in shown
    ]
    head = QCoreApplication.translate("YearGlance", "{0}：").format(quarter_name(quarter))
    due = due_text(book, today)
    plain = head + " ".join(plain_parts) + "　" + due
    rich = (
        f"<b>{html.escape(head)}</b>"
        + "&nbsp;&nbsp;".join(rich_parts)
        + "&nbsp;&nbsp;&nbsp;"
        + html.escape(due)
    )
    return plain, rich


def due_text(book: Book, today: dt.date) -> str:
    quarter = due_quarter(book, today)
    missing = unreported(book, quarter)
    name = quarter_name(quarter)
    if not missing:
        return QCoreApplication.translate("YearGlance", "{0}进展已全部填报。").format(name)
    due = chinese_date(report_due(book.cover.year, quarter))
    if today > report_due(book.cover.year, quarter):
        return QCoreApplication.translate(
            "YearGlance", "{0}进展应于{1}前报送，已逾期，尚有 {2} 项未填。"
        ).format(name, due, missing)
    return QCoreApplication.translate("YearGlance", "{0}进展 {1}前报送，尚有 {2} 项未填。").format(
        name, due, missing
    )


class YearGlance(QLabel):
    """One line above the tabs; its plain text (for tests and screen readers) is `plain`."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.plain = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(4, 2, 4, 2)

    def show_book(self, book: Book) -> None:
        self.plain, rich = lights_text(book, self.today())
        self.setText(rich)
        self.setAccessibleName(self.plain)
        self.setToolTip(self.plain)
