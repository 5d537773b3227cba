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
    assert "联系电话" not in page.ui.problems.text()  # nothing really wrong: no warning
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    assert phone.text() == "0757-87771621"
    session.store_now()
    assert repository.load(session.book.id).cover.phone == "0757-87771621"


def test_a_long_warning_moves_no_field(qtbot, repository) -> None:
    """The phone warning is three lines at 1024 pixels; the fields below it stay put."""
    page, session = _page(qtbot, repository, Cover(year=2021, unit_name="三水区财政局"))
    page.resize(760, 600)
    page.show()
    qtbot.waitExposed(page)
    below = [page.ui.filledOn, page.ui.issuer, page.ui.issuedOn]
    before = [w.mapTo(page, w.rect().topLeft()) for w in below]
    phone = page.ui.phone
    page.activateWindow()
    phone.setFocus()
    qtbot.waitUntil(phone.hasFocus)
    qtbot.keyClicks(phone, "12345")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "联系电话应为固定电话" in page.ui.problems.text())
    qtbot.keyClick(page.ui.unitName, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.ui.unitName, Qt.Key.Key_Delete)  # a second warning, for the unit
    qtbot.waitUntil(lambda: page.ui.problems.text().count("\n") == 1)
    assert page.ui.problems.text().splitlines()[0] == "请填写单位名称。"  # the fields' order
    qtbot.wait(20)
    assert [w.mapTo(page, w.rect().topLeft()) for w in below] == before
    assert page.ui.problems.y() > page.ui.issuedOn.y()  # below the last field
    session.store_now()
    assert repository.load(session.book.id).cover.phone == "12345"  # a warning, never a block
    session.finish()  # no autosave timer left to fire after the test
