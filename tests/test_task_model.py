"""The task table model with no window: rows, columns, 序号, printed cells, moves and drags."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from bluebook_desktop.domain import LEAD, Book, ScheduleEntry, Task
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.ui.task_model import TASK_IDS_MIME, WORD_JOINER, TaskTableModel

M = TaskTableModel
DISPLAY = Qt.ItemDataRole.DisplayRole


def texts(model: TaskTableModel, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


@pytest.fixture
def model(qapp, fixture_book: Book) -> TaskTableModel:
    model = TaskTableModel(FORM.functional_tasks)
    model.set_tasks(fixture_book.functional_tasks)
    return model


def test_rows_and_columns(model: TaskTableModel, fixture_book: Book) -> None:
    assert model.rowCount() == len(fixture_book.functional_tasks) == 9
    assert model.columnCount() == 5
    assert model.column_titles() == ["序号", "工作任务", "年度目标", "全年进度安排", "责任领导"]
    assert model.headerData(M.LEADERS, Qt.Orientation.Horizontal) == "责任领导"
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree

    key = TaskTableModel(FORM.key_tasks)
    assert key.columnCount() == 6
    assert key.column_titles()[M.OBJECTIVE] == "年度目标/改革要点"
    assert key.column_titles()[M.ROLE] == "牵头/协办"


def test_cells_show_what_the_form_prints(model: TaskTableModel) -> None:
    assert texts(model, M.SERIAL) == [str(n) for n in range(1, 10)]
    assert texts(model, M.TASK)[:4] == ["政治协商", "政治协商", "政治协商", "民主监督"]
    assert model.data(model.index(0, M.OBJECTIVE)) == (
        "协商确定2021年政协工作要点。使政协重点工作更关注我区经济社会发展、更接地气。\n"
        "目标：党委与政协有效协商"
    )
    assert model.data(model.index(1, M.SCHEDULE)) == (
        "第一季度：完成政协十届六次会议提案交办。\n"
        "第二、三季度：召开提案办理协调会，提升提案的办理实效。\n"
        "第四季度：听取区政府关于十届六次会议提案办理情况通报，协商提案办理情况。"
    )
    assert shown(model, 0, M.LEADERS) == "何兰芳 李飞跃"
    assert shown(model, 1, M.LEADERS) == "陈晓"
    assert model.data(model.index(0, M.OBJECTIVE), Qt.ItemDataRole.ToolTipRole) == model.data(
        model.index(0, M.OBJECTIVE)
    )


def test_task_without_target_prints_objective_only(qapp) -> None:
    model = TaskTableModel()
    model.set_tasks(
        [Task(objective="加强联系。", schedule=(ScheduleEntry((1, 2, 3, 4), "跟进。"),))]
    )
    assert model.data(model.index(0, M.OBJECTIVE)) == "加强联系。"
    assert model.data(model.index(0, M.SCHEDULE)) == "全年：跟进。"


def test_role_column_for_key_tasks(qapp) -> None:
    model = TaskTableModel(FORM.key_tasks)
    model.set_tasks([Task(task="甲", role=LEAD), Task(task="乙")])
    assert texts(model, M.ROLE) == ["牵头", ""]


def test_every_cell_but_number_and_schedule_is_editable(model: TaskTableModel) -> None:
    editable = [
        bool(model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable)
        for column in range(model.columnCount())
    ]
    assert editable == [False, True, True, False, True]
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled


def test_set_data_renames_and_reports(model: TaskTableModel, qtbot) -> None:
    task_id = model.task_at(2).id
    with qtbot.waitSignal(model.renamed) as blocker:
        assert model.setData(model.index(2, M.TASK), " 参政议政 ")
    assert blocker.args == [task_id]
    assert model.task_at(2).task == "参政议政"
    assert not model.setData(model.index(2, M.SCHEDULE), "x")
    assert not model.setData(model.index(2, M.SERIAL), "x")


def test_set_data_edits_objective_and_leaders(model: TaskTableModel, qtbot) -> None:
    task_id = model.task_at(1).id
    with qtbot.waitSignal(model.edited) as blocker:
        assert model.setData(model.index(1, M.OBJECTIVE), "第一行\n第二行")
    assert blocker.args == [task_id, "objective"]
    assert model.task_at(1).objective == "第一行\n第二行"
    with qtbot.waitSignal(model.edited) as blocker:
        assert model.setData(model.index(1, M.LEADERS), "何兰芳、李飞跃 何兰芳 陈 晓")
    assert blocker.args == [task_id, "leaders"]
    assert model.task_at(1).leaders == ("何兰芳", "李飞跃", "陈晓")


def test_move_rows_renumbers(model: TaskTableModel, qtbot) -> None:
    ids = [t.id for t in model.tasks()]
    with qtbot.waitSignal(model.moved):
        assert model.moveRows(QModelIndex(), 3, 1, QModelIndex(), 0)  # 4th to the top
    assert [t.id for t in model.tasks()] == [ids[3], *ids[:3], *ids[4:]]
    assert texts(model, M.SERIAL) == [str(n) for n in range(1, 10)]
    assert texts(model, M.TASK)[0] == "民主监督"

    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 2)  # back down one
    assert [t.id for t in model.tasks()][:2] == [ids[0], ids[3]]
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)  # onto itself
    assert not model.moveRows(QModelIndex(), 8, 1, QModelIndex(), 11)


def test_drag_mime_round_trip(model: TaskTableModel) -> None:
    ids = [t.id for t in model.tasks()]
    indexes = [model.index(1, column) for column in range(model.columnCount())]
    data = model.mimeData(indexes)
    assert model.mimeTypes() == [TASK_IDS_MIME]
    assert bytes(data.data(TASK_IDS_MIME).data()).decode() == ids[1]
    assert model.supportedDropActions() == Qt.DropAction.MoveAction
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 5, 0, QModelIndex())

    # Dropped between rows 4 and 5 (counted before the move): it becomes the 5th task.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 5, 0, QModelIndex())
    assert [t.id for t in model.tasks()] == [ids[0], *ids[2:5], ids[1], *ids[5:]]
    assert texts(model, M.SERIAL)[4] == "5"

    # Dropped on a row goes before it; below the last row goes to the end.
    data = model.mimeData([model.index(4, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 2))
    assert model.task_at(0).id == ids[1]
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert model.task_at(8).id == ids[1]
    assert not model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())


def test_set_tasks_keeps_rows_when_ids_are_the_same(model: TaskTableModel, qtbot) -> None:
    tasks = list(model.tasks())
    tasks[4] = replace(tasks[4], objective="新的目标")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_tasks(tasks)
    assert blocker.args[0].row() == 4
    assert model.data(model.index(4, M.OBJECTIVE)).startswith("新的目标")
    with qtbot.waitSignal(model.modelReset):
        model.set_tasks(tasks[:3])
    assert model.rowCount() == 3


def test_insert_update_remove(model: TaskTableModel) -> None:
    task = Task(task="新任务")
    model.insert_task(2, task)
    assert model.row_of(task.id) == 2
    assert texts(model, M.TASK)[2] == "新任务"
    assert texts(model, M.SERIAL)[-1] == "10"
    model.update_task(replace(task, leaders=("陈晓", "李飞跃")))
    assert shown(model, 2, M.LEADERS) == "陈晓 李飞跃"
    model.remove_task(2)
    assert model.row_of(task.id) == -1
    assert model.rowCount() == 9


def shown(model: TaskTableModel, row: int, column: int) -> str:
    """The cell's text as read, without the zero-width joiners inside names."""
    return str(model.data(model.index(row, column))).replace(WORD_JOINER, "")


def test_leaders_wrap_between_names_never_inside_one(qapp) -> None:
    from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption

    model = TaskTableModel()
    model.set_tasks([Task(task="甲", leaders=("何兰芳", "李飞跃", "陈晓"))])
    text = str(model.data(model.index(0, M.LEADERS)))
    font = qapp.font()
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # as the table does
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(QFontMetrics(font).horizontalAdvance("中") * 5)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    assert [part.replace(WORD_JOINER, "").strip() for part in lines] == ["何兰芳", "李飞跃", "陈晓"]
