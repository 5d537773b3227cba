"""封面信息: every cover field, with the form's rules shown beside the field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QLineEdit, QWidget

from bluebook_desktop.domain import (
    COVER_LINE_FIELDS,
    Book,
    Cover,
    Month,
    cover_problems,
    normalize_phone,
)
from bluebook_desktop.ui.forms.ui_cover_page import Ui_CoverPage
from bluebook_desktop.ui.session import BookSession

# Cover fields edited with a plain line edit; the widget's objectName is the camelCase name.
TEXT_FIELDS = COVER_LINE_FIELDS


def _no_month(year: int) -> QDate:
    """The issued_on editor's "未填写" value: the month before the book's year, so that the
    first step up (or typing) lands in the book's year, not in 2000."""
    return QDate(year - 1, 12, 1)


def default_filled_on(year: int, today: dt.date | None = None) -> dt.date:
    """Where 填表日期 starts when 暂不填写 is unticked: today, when today is in the book's
    year or the year before it (a book is filled around its year's start); otherwise the same
    day in the book's year."""
    today = today or dt.date.today()
    if today.year in (year - 1, year):
        return today
    return dt.date(year, today.month, min(today.day, 28))


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


class CoverPage(QWidget):
    def __init__(self, session: BookSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_CoverPage()
        self.ui.setupUi(self)
        self.ui.filledOn.setMinimumDate(QDate(2000, 1, 1))
        # 编制年月 is a month: no calendar (it would ask for a day), typed or stepped.
        self.ui.issuedOn.setCalendarPopup(False)
        self.ui.issuedOn.setSpecialValueText(self.tr("未填写"))
        self.ui.issuedOn.installEventFilter(self)
        for name in TEXT_FIELDS:
            editor = self._line(name)
            # textEdited, not textChanged: loading a book must not count as an edit.
            editor.textEdited.connect(lambda text, name=name: self._set(name, text))
        self.ui.phone.editingFinished.connect(self._phone_finished)
        self.ui.year.valueChanged.connect(lambda year: self._set("year", year))
        self.ui.filledOn.dateChanged.connect(self._filled_on_changed)
        self.ui.filledOnEmpty.toggled.connect(self._filled_on_changed)
        self.ui.todayButton.clicked.connect(self._today)
        self.ui.issuedOn.dateChanged.connect(self._issued_on_changed)
        session.changed.connect(self._on_changed)
        self.load(session.book)

    def _line(self, name: str) -> QLineEdit:
        return getattr(self.ui, _camel(name))

    def load(self, book: Book) -> None:
        cover = book.cover
        blockers = [QSignalBlocker(w) for w in self.findChildren(QWidget)]
        for name in TEXT_FIELDS:
            editor = self._line(name)
            if editor.text() != getattr(cover, name):
                editor.setText(getattr(cover, name))
        self.ui.year.setValue(cover.year)
        self.ui.filledOnEmpty.setChecked(cover.filled_on is None)
        self.ui.filledOn.setEnabled(cover.filled_on is not None)
        if cover.filled_on:
            self.ui.filledOn.setDate(QDate(cover.filled_on))
        self._show_month(cover)
        del blockers
        self._show_problems(cover)

    def _show_month(self, cover: Cover) -> None:
        editor = self.ui.issuedOn
        with QSignalBlocker(editor):
            editor.setMinimumDate(
                _no_month(min(cover.year, cover.issued_on.year) if cover.issued_on else cover.year)
            )
            month = cover.issued_on
            editor.setDate(QDate(month.year, month.month, 1) if month else editor.minimumDate())

    def _on_changed(self, book: Book, source: object) -> None:
        if source is not self:
            self.load(book)
        else:
            if book.cover.issued_on is None:
                self._show_month(book.cover)  # 未填写 follows the book's year
            self._show_problems(book.cover)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """编制年月 showing 未填写: Up or Down gives the book's first month; a digit starts
        that month too and is typed into its year, as if the field had held a month."""
        editor = self.ui.issuedOn
        if (
            watched is editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and editor.date() == editor.minimumDate()
        ):
            step = event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            if step or event.text().isdigit():
                editor.setDate(QDate(self.session.book.cover.year, 1, 1))  # stores it
                editor.setCurrentSection(QDateTimeEdit.Section.YearSection)
                editor.setSelectedSection(QDateTimeEdit.Section.YearSection)
                if step:
                    return True
        return super().eventFilter(watched, event)

    def _set(self, name: str, value: object) -> None:
        book = self.session.book
        cover = replace(book.cover, **{name: value})
        self._edit(cover, name)

    def _edit(self, cover: Cover, name: str) -> None:
        book = self.session.book
        label = self._label_text(name)
        self.session.edit(
            replace(book, cover=cover),
            self.tr("修改%1").replace("%1", label),
            merge=f"cover.{name}",
            source=self,
        )

    def _label_text(self, name: str) -> str:
        label: QLabel = getattr(self.ui, _camel(name) + "Label")
        return label.text().rstrip("：:")

    def _phone_finished(self) -> None:
        """Leaving 联系电话: the number as usually written ((0757)87771621 → 0757-87771621)."""
        typed = self.ui.phone.text()
        normal = normalize_phone(typed)
        if normal != typed:
            self.ui.phone.setText(normal)
            self._set("phone", normal)

    def _filled_on_changed(self) -> None:
        empty = self.ui.filledOnEmpty.isChecked()
        cover = self.session.book.cover
        if not empty and cover.filled_on is None:
            # Unticked 暂不填写: a date the clerk might mean, not the editor's 2000-01-01.
            with QSignalBlocker(self.ui.filledOn):
                self.ui.filledOn.setDate(QDate(default_filled_on(cover.year)))
        self.ui.filledOn.setEnabled(not empty)
        value = None if empty else self.ui.filledOn.date().toPython()
        self._set("filled_on", value)

    def _today(self) -> None:
        with QSignalBlocker(self.ui.filledOnEmpty), QSignalBlocker(self.ui.filledOn):
            self.ui.filledOnEmpty.setChecked(False)
            self.ui.filledOn.setEnabled(True)
            self.ui.filledOn.setDate(QDate(dt.date.today()))
        self._filled_on_changed()

    def _issued_on_changed(self, date: QDate) -> None:
        special = date == self.ui.issuedOn.minimumDate()
        value = None if special else Month(date.year(), date.month())
        self._set("issued_on", value)

    def _show_problems(self, cover: Cover) -> None:
        """What to correct, in one place below the fields, in the fields' order: a warning
        coming or going moves no field, however long it is (a column beside the fields
        wrapped a long one onto three lines and pushed every row below it down)."""
        problems = cover_problems(cover)
        order = ("year", *TEXT_FIELDS, "filled_on", "issued_on")
        lines = [
            QCoreApplication.translate("rules", problems[name])
            for name in order
            if name in problems
        ]
        self.ui.problems.setText("\n".join(lines))
