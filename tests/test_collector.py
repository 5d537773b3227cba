"""The cycle collector is held off while a year is read, and always comes back on."""

from __future__ import annotations

import gc

import pytest

from bluebook_desktop.collector import collector_paused


def test_the_collector_is_off_inside_and_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner one leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the database went away")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_a_year_leaves_the_collector_on(tmp_path) -> None:
    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.domain import Book, Cover, ScheduleEntry, Task

    store = open_store(tmp_path / "b.sqlite3")
    try:
        book = Book(
            cover=Cover(year=2021, unit_name="区政协办公室"),
            functional_tasks=(
                Task(task="政治协商", schedule=(ScheduleEntry((2, 3), "召开会议。"),)),
            ),
        )
        store.repository.add(book)
        read = store.repository.load_year(2021)
        assert gc.isenabled()
        assert [b.functional_tasks[0].schedule[0].quarters for b, _ in read] == [(2, 3)]
        assert store.repository.load_year(2020) == []
    finally:
        store.close()


def test_a_printout_is_laid_out_with_the_collector_off(fixture_book, monkeypatch) -> None:
    import gc

    from bluebook_desktop.formats import pdf_layout
    from bluebook_desktop.formats.pdf import PdfSettings, render_pdf

    seen = []
    real = pdf_layout.build_pdf

    def build(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_layout, "build_pdf", build)
    assert render_pdf(fixture_book, PdfSettings(system_fonts=False)).startswith(b"%PDF")
    assert seen == [False] and gc.isenabled()

    def broken(*_args, **_kwargs):
        raise RuntimeError("a layout that fails")

    monkeypatch.setattr(pdf_layout, "build_pdf", broken)
    with pytest.raises(RuntimeError):
        render_pdf(fixture_book, PdfSettings(system_fonts=False))
    assert gc.isenabled()
