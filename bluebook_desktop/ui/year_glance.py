"""At a glance, above the open book's tabs: this quarter's lights and what is due next.

e.g. 第四季度：● 6 绿  ● 2 黄  ● 1 红 · 第四季度进展 2022年1月10日前报送，尚有 3 项未填.
Each light is its colour and its word (never the colour alone); it follows every edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from bluebook_desktop.domain import Book, Task, chinese_date
from bluebook_desktop.domain.year import Light, count_lights, pace_light, report_due, steps_in
from bluebook_desktop.ui.year_model import (
    LIGHT_COLOURS,
    default_quarter,
    light_word,
    quarter_name,
    report_of,
)


class GlanceCounts:
    """This quarter's lights and the reports missing, counted again only for the tasks an
    edit changed (a task is immutable: the same object, the same facts)."""

    def __init__(self) -> None:
        self._key: tuple[int, dt.date] | None = None
        # Per task id: the task as counted, its light this quarter, and whether last
        # quarter's and this quarter's reports are missing where steps are planned.
        self._facts: dict[str, tuple[Task, Light, bool, bool]] = {}

    def count(self, book: Book, today: dt.date) -> tuple[int, dict[Light, int], int, int]:
        """The quarter, its lights, the quarter whose report is due next and how many of
        its reports are missing.

        Due next is last quarter's report while its grace days run and some is missing,
        else the current quarter's; missing are the tasks with steps in that quarter and no
        report for it."""
        year = book.cover.year
        quarter = default_quarter(year, today)
        if self._key != (year, today):
            self._key = (year, today)
            self._facts = {}
        facts: dict[str, tuple[Task, Light, bool, bool]] = {}
        lights: list[Light] = []
        missing_before = missing_now = 0
        for task in (*book.key_tasks, *book.functional_tasks):
            known = self._facts.get(task.id)
            if known is None or known[0] is not task:
                known = (
                    task,
                    pace_light(task, quarter, year, today, report_of(task, quarter)),
                    quarter > 1 and _missing(task, quarter - 1),
                    _missing(task, quarter),
                )
            facts[task.id] = known
            lights.append(known[1])
            missing_before += known[2]
            missing_now += known[3]
        self._facts = facts
        if (
            year == today.year
            and quarter > 1
            and today <= report_due(year, quarter - 1)
            and missing_before
        ):
            return quarter, count_lights(lights), quarter - 1, missing_before
        return quarter, count_lights(lights), quarter, missing_now


def _missing(task: Task, quarter: int) -> bool:
    return bool(steps_in(task, quarter)) and report_of(task, quarter) is None


def _escape(text: str) -> str:
    """Text for rich text: `html.escape` without importing `html` (and its entity table)
    while the window starts; quotes need no escape outside attributes."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lights_text(book: Book, today: dt.date, counter: GlanceCounts | None = None) -> tuple[str, str]:
    """The glance as plain text and as rich text (coloured), for this book on `today`."""
    quarter, counts, due_in, missing = (counter or GlanceCounts()).count(book, today)
    shown = [Light.GREEN, Light.YELLOW, Light.RED]
    if counts[Light.GREY]:
        shown.append(Light.GREY)
    plain_parts = [f"{counts[light]} {light_word(light)}" for light in shown]
    rich_parts = [
        f'<span style="color:{LIGHT_COLOURS[light]}">●&nbsp;{counts[light]}&nbsp;'
        f"{_escape(light_word(light))}</span>"
        for light in shown
    ]
    head = QCoreApplication.translate("YearGlance", "{0}：").format(quarter_name(quarter))
    due = due_text(book.cover.year, due_in, missing, today)
    plain = head + " ".join(plain_parts) + "　" + due
    rich = (
        f"<b>{_escape(head)}</b>"
        + "&nbsp;&nbsp;".join(rich_parts)
        + "&nbsp;&nbsp;&nbsp;"
        + _escape(due)
    )
    return plain, rich


def due_text(year: int, quarter: int, missing: int, today: dt.date) -> str:
    name = quarter_name(quarter)
    if not missing:
        return QCoreApplication.translate("YearGlance", "{0}进展已全部填报。").format(name)
    due = chinese_date(report_due(year, quarter))
    if today > report_due(year, quarter):
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
        self._counts = GlanceCounts()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(4, 2, 4, 2)

    def show_book(self, book: Book) -> None:
        has_tasks = bool(book.key_tasks or book.functional_tasks)
        self.setVisible(has_tasks)  # a book with no task yet has nothing to count
        if not has_tasks:
            self.plain = ""
            return
        self.plain, rich = lights_text(book, self.today(), self._counts)
        self.setText(rich)
        self.setAccessibleName(self.plain)
        self.setToolTip(self.plain)
