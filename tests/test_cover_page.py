"""封面信息 typed and clicked into as a clerk does; what counts is what the database holds."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from bluebook_desktop.domain import Book, Cover, Month
from bluebook_desktop.ui.cover_page import CoverPage, default_filled_on
from bluebook_desktop.ui.session import BookSession


def _page(qtbot, repository, cover: Cover) -> tuple[CoverPage, BookSession]:
    session = BookSession(repository, repository.add(Book(cover=cover)))
    page = CoverPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page, session


def test_unticking_not_yet_filled_starts_from_today(qtbot, repository) -> None:
    today = dt.date.today()
    page, session = _page(qtbot, repository, Cover(year=today.year))
    assert page.ui.filledOnEmpty.isChecked()
    qtbot.mouseClick(page.ui.filledOnEmpty, Qt.MouseButton.LeftButton)
    assert not page.ui.filledOnEmpty.isChecked()
    session.store_now()
    assert repository.load(session.book.id).cover.filled_on == today


def test_unticking_for_an_old_book_gives_a_date_in_its_year(qtbot, repository) -> None:
    page, session = _page(qtbot, repository, Cover(year=2021))
    qtbot.mouseClick(page.ui.filledOnEmpty, Qt.MouseButton.LeftButton)
    session.store_now()
    filled = repository.load(session.book.id).cover.filled_on
    assert filled is not None and filled.year == 2021
    # Ticking and unticking again keeps to the book's year, never 2000-01-01.
    qtbot.mouseClick(page.ui.filledOnEmpty, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.ui.filledOnEmpty, Qt.MouseButton.LeftButton)
    session.store_now()
    assert repository.load(session.book.id).cover.filled_on.year == 2021


def test_default_filled_on() -> None:
    assert default_filled_on(2022, dt.date(2021, 12, 30)) == dt.date(2021, 12, 30)
    assert default_filled_on(2021, dt.date(2026, 2, 29 - 1)) == dt.date(2021, 2, 28)


def test_issued_month_starts_in_the_books_year(qtbot, repository) -> None:
    page, session = _page(qtbot, repository, Cover(year=2021))
    editor = page.ui.issuedOn
    assert not editor.calendarPopup()
    assert editor.text() == "未填写"
    page.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # one step from 未填写: the book's first month
    session.store_now()
    assert repository.load(session.book.id).cover.issued_on == Month(2021, 1)
    assert "2000" not in editor.text()


def test_issued_month_accepts_typing_from_not_filled(qtbot, repository) -> None:
    page, session = _page(qtbot, repository, Cover(year=2021))
    editor = page.ui.issuedOn
    page.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "2022")
    assert "未填写" not in editor.text()
    session.store_now()
    assert repository.load(session.book.id).cover.issued_on.year == 2022


def test_a_phone_number_is_written_the_usual_way(qtbot, repository) -> None:
    page, session = _page(qtbot, repository, Cover(year=2021))
    phone = page.ui.phone
    page.activateWindow()
    phone.setFocus()
    qtbot.waitUntil(phone.hasFocus)
    qtbot.keyClicks(phone, "(0757)87771621")
    assert page.ui.phoneProblem.text() == ""  # nothing really wrong: no warning while typing
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert phone.text() == "0757-87771621"
    session.store_now()
    assert repository.load(session.book.id).cover.phone == "0757-87771621"
