"""收集与汇总 in the window: the year's units in a table (sorted by a header click, filtered
by typed words and by kind), a unit's book opened from its row, the rows printed, and the
汇总表 exported, driven with keys and clicks."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.collection import UnitFile, make_in_tray
from helpers.ime import type_chinese
from helpers.widgets import when_modal
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.formats.collecting import collect
from bluebook_desktop.formats.summary import year_units
from bluebook_desktop.ui.collection_model import FINDINGS, FUNCTIONAL, SUBMITTED, UNIT
from bluebook_desktop.ui.collection_view import CollectionWindow
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.printing import PreviewDialog
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

COUNT = 14


@pytest.fixture
def office(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, list[UnitFile]]]:  # type: ignore[no-untyped-def]
    made = make_in_tray(tmp_path / "收件", COUNT, bad=False)
    db = tmp_path / "office.sqlite3"
    store = open_store(db)
    collect([tmp_path / "收件"], store.repository, tmp_path / "replaced")
    window = MainWindow(Workspace(store, Settings.in_file(tmp_path / "s.ini"), paths.resolve(db)))
    qtbot.addWidget(window)
    window.show()
    yield window, made
    window.close()
    store.close()


def _open_view(window: MainWindow) -> CollectionWindow:
    QTest.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.collection.window_
    assert view is not None and view.isVisible()
    return view


def _shown(view: CollectionWindow, column: int) -> list[str]:
    rows = view.rows
    return [rows.index(r, column).data() for r in range(rows.rowCount())]


def _click_header(view: CollectionWindow, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _row_point(view: CollectionWindow, row: int) -> QPoint:
    return view.table.visualRect(view.rows.index(row, UNIT)).center()


def test_the_menu_opens_the_year_with_the_cli_s_rows(office) -> None:  # type: ignore[no-untyped-def]
    window, made = office
    assert window.collection.action in window.ui.fileMenu.actions()
    view = _open_view(window)
    assert view.current_year() == 2021
    assert sorted(_shown(view, UNIT)) == sorted(f.unit for f in made)
    expected = {u.row.unit: u.row for u in year_units(window.repository, 2021)}
    for row in range(view.rows.rowCount()):
        unit = view.rows.index(row, UNIT).data()
        found = view.rows.index(row, FINDINGS).data()
        assert found == "；".join(f.text() for f in expected[unit].findings)
    defects = {f.unit: f.defects for f in made}
    for unit, words in defects.items():
        row = _shown(view, UNIT).index(unit)
        for word in words:
            assert word in _shown(view, FINDINGS)[row]
    assert view.counts.text().startswith(f"共 {COUNT} 个单位：已报送 {COUNT}")


def test_a_header_click_sorts_numbers_as_numbers(office) -> None:  # type: ignore[no-untyped-def]
    window, _made = office
    view = _open_view(window)
    _click_header(view, FUNCTIONAL)
    counts = [int(text) for text in _shown(view, FUNCTIONAL)]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    _click_header(view, FUNCTIONAL)
    assert [int(text) for text in _shown(view, FUNCTIONAL)] == sorted(counts, reverse=True)
    _click_header(view, SUBMITTED)
    times = _shown(view, SUBMITTED)
    assert times == sorted(times)
    _click_header(view, UNIT)
    assert _shown(view, UNIT) != []


def test_typed_words_and_the_kind_filter_the_rows(office) -> None:  # type: ignore[no-untyped-def]
    window, made = office
    view = _open_view(window)
    view.search.setFocus()
    type_chinese(view.search, "联系电话")
    phoneless = {f.unit for f in made if "未填写联系电话" in f.defects}
    assert phoneless and set(_shown(view, UNIT)) == phoneless
    view.search.selectAll()
    QTest.keyClick(view.search, Qt.Key.Key_Delete)
    assert view.rows.rowCount() == COUNT
    view.show_choice.setFocus()
    QTest.keyClick(view.show_choice, Qt.Key.Key_Down)  # 只看有问题的
    with_defects = {f.unit for f in made if f.defects}
    shown = set(_shown(view, UNIT))
    assert with_defects <= shown and len(shown) < COUNT
    QTest.keyClick(view.show_choice, Qt.Key.Key_Down)  # 只看未报送: nobody is missing
    assert view.rows.rowCount() == 0


def test_double_click_or_enter_opens_the_unit_s_book(office) -> None:  # type: ignore[no-untyped-def]
    window, _made = office
    view = _open_view(window)
    viewport = view.table.viewport()
    # a double click as the mouse makes it: press and release, then the second press
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_row_point(view, 3))
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=_row_point(view, 3))
    unit = _shown(view, UNIT)[3]
    assert window.workspace.book is not None and window.workspace.book.cover.unit_name == unit
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_row_point(view, 7))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert window.workspace.book.cover.unit_name == _shown(view, UNIT)[7]
    assert view.details.toPlainText().startswith(_shown(view, UNIT)[7])


def _printed(button: QWidget, pdf: Path, *options: str) -> str:
    """The text of what `button` puts in the print preview (closed unprinted)."""
    seen: list[bytes] = []

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, PreviewDialog)
        seen.append(dialog.data)
        dialog.reject()

    when_modal(PreviewDialog, close)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    pdf.write_bytes(seen[0])
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_print_shows_the_rows_as_filtered_and_sorted(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, made = office
    view = _open_view(window)
    view.search.setFocus()
    type_chinese(view.search, "责任领导")
    units = _shown(view, UNIT)
    assert 0 < len(units) < COUNT
    text = _printed(view.print_button, tmp_path / "rows.pdf", "-layout")
    assert "2021年度绩效目标责任书检查情况" in text
    assert "未填写责任领导" in text
    others = {f.unit for f in made} - set(units)
    printed = text.replace(" ", "")
    starts = [printed.find(unit[:9]) for unit in units]  # a long name wraps in its cell
    assert -1 not in starts and starts == sorted(starts)
    assert not any(unit[:9] in printed for unit in others)
    assert f"单位：{len(units)}个" in printed


def test_export_writes_the_year_s_workbook(office, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, made = office
    view = _open_view(window)
    target = tmp_path / "汇总表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    type_chinese(view.search, "财政局")  # the filter does not narrow the workbook
    QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("汇总表.xlsx")
    book = load_workbook(written)
    assert book.sheetnames == ["汇总表", "检查情况"]
    units = {row[1] for row in book["检查情况"].iter_rows(min_row=3, values_only=True) if row[0]}
    assert {f.unit for f in made} <= units
    assert str(written) in view.counts.text()


def test_the_expected_units_are_typed_or_read_and_kept(office, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bluebook_desktop.ui.units_dialog import UnitsDialog

    window, made = office
    view = _open_view(window)
    typed: list[str] = []

    def type_names(dialog: QWidget) -> None:
        assert isinstance(dialog, UnitsDialog)
        dialog.text.setFocus()
        type_chinese(dialog.text, "三水区统计局", phrase=True)
        QTest.keyClick(dialog.text, Qt.Key.Key_Return)
        type_chinese(dialog.text, made[0].unit, phrase=True)
        typed.append(dialog.count.text())
        ok = dialog.findChildren(QPushButton, "")
        [save] = [b for b in ok if b.text() == "保存"]
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)

    when_modal(UnitsDialog, type_names)
    QTest.mouseClick(view.units_button, Qt.MouseButton.LeftButton)
    assert typed == ["共 2 个单位"]
    assert window.repository.expected_units(2021) == ["三水区统计局", made[0].unit]
    assert _shown(view, UNIT)[:2] == ["三水区统计局", made[0].unit]
    assert _shown(view, SUBMITTED)[0] == "未报送"
    view.show_choice.setFocus()
    QTest.keyClick(view.show_choice, Qt.Key.Key_End)  # 只看未报送
    assert _shown(view, UNIT) == ["三水区统计局"]
    assert "未报送 1" in view.counts.text()

    listing = tmp_path / "名单.csv"
    listing.write_text("序号,单位名称\n1,三水区林业局\n2,三水区档案馆\n", encoding="gbk")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(listing), ""))

    def read_list(dialog: QWidget) -> None:
        assert isinstance(dialog, UnitsDialog)
        QTest.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
        typed.append(dialog.text.toPlainText())
        dialog.accept()

    when_modal(UnitsDialog, read_list)
    QTest.mouseClick(view.units_button, Qt.MouseButton.LeftButton)
    assert typed[-1] == "三水区林业局\n三水区档案馆"
    assert window.repository.expected_units(2021) == ["三水区林业局", "三水区档案馆"]
    assert _shown(view, UNIT) == ["三水区林业局", "三水区档案馆"]


def test_the_year_s_picture_colours_each_unit_and_quarter(office) -> None:  # type: ignore[no-untyped-def]
    from bluebook_desktop.domain.year import Light
    from bluebook_desktop.ui.collection_tiles import (
        MARK_COLOURS,
        MISSING,
        STATE_FILL,
        SUBMITTED,
    )

    window, made = office
    window.repository.set_expected_units(2021, ["三水区统计局", *(f.unit for f in made)])
    view = _open_view(window)
    QTest.mouseClick(
        view.pages.tabBar(), Qt.MouseButton.LeftButton, pos=view.pages.tabBar().tabRect(1).center()
    )
    assert view.pages.currentWidget() is view.tiles
    legend = [label.text() for label in view.tiles.legend]
    assert legend == [
        "未报送",
        "已报送",
        "已定稿",
        "有任务滞后",
        "有任务进行中或待报",
        "按进度",
        "未开始或未填报",
    ]
    grid = view.tiles.grid
    assert [row.unit for row in grid.rows] == _shown(view, UNIT)
    image = grid.grab().toImage()
    ratio = image.devicePixelRatio()

    def colour_at(x: int, y: int) -> str:
        return image.pixelColor(int(x * ratio), int(y * ratio)).name()

    first = grid.tile_rect(0)  # 三水区统计局: nothing sent
    assert colour_at(first.right() - 8, first.bottom() - 8) == STATE_FILL[MISSING].name()
    second = grid.tile_rect(1)
    assert colour_at(second.right() - 8, second.bottom() - 8) == STATE_FILL[SUBMITTED].name()
    # A unit that reported its first quarters, the last one 滞后: that quarter's mark is red.
    reported = next(i for i, row in enumerate(grid.rows) if row.quarters)
    late = max(q for q, lights in enumerate(grid.rows[reported].quarters) if lights.red)
    rect = grid.tile_rect(reported)
    mark = max(8, grid.fontMetrics().height() - 4)
    y = rect.top() + 4 + grid.fontMetrics().lineSpacing() + 4 + 1 + mark // 2
    x = rect.left() + 6 + late * (mark + 4) + mark // 2
    assert colour_at(x, y) == MARK_COLOURS[Light.RED].name()

    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.tile_rect(5).center())
    assert view.chosen_row() is not None and view.chosen_row().unit == grid.rows[5].unit
    assert grid.chosen == 5
    QTest.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=grid.tile_rect(5).center())
    assert window.workspace.book is not None
    assert window.workspace.book.cover.unit_name == grid.rows[5].unit
    type_chinese(view.search, "统计局")  # the picture follows the filter
    assert [row.unit for row in grid.rows] == ["三水区统计局"]


def test_f5_shows_the_books_as_stored_now(office) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    window, made = office
    view = _open_view(window)
    unit = next(f.unit for f in made if "未填写联系电话" in f.defects)
    row = _shown(view, UNIT).index(unit)
    assert "未填写联系电话" in _shown(view, FINDINGS)[row]
    [summary] = [s for s in window.repository.list_books() if s.unit_name == unit]
    book = window.repository.load(summary.id)
    window.repository.store(book, replace(book, cover=replace(book.cover, phone="87771621")))
    assert "未填写联系电话" in _shown(view, FINDINGS)[row]  # read when shown, not on each store
    QTest.keyClick(view.table, Qt.Key.Key_F5)
    assert "未填写联系电话" not in _shown(view, FINDINGS)[_shown(view, UNIT).index(unit)]


def test_print_summary_shows_every_unit_s_tasks(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, made = office
    view = _open_view(window)
    type_chinese(view.search, "财政局")  # the 汇总表 is the whole year's, whatever is shown
    text = _printed(view.print_summary_button, tmp_path / "summary.pdf").replace("\n", "")
    assert "2021年度绩效目标责任书汇总表" in text
    tasks = [task.task for f in made for task in f.book.functional_tasks]
    missing = [task for task in tasks if task.replace(" ", "") not in text.replace(" ", "")]
    assert missing == []
    assert f"已报送单位：{COUNT} 个" in text.replace("\u3000", "")
