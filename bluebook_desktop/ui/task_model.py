"""A task table (重点工作 or 职能工作) as a Qt model: one row per task, cells as printed.

Its columns are the section's in the form's description (domain.form): headers, what each
cell shows, which cells the table edits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from bluebook_desktop.domain import (
    LINE_MAX,
    MAX_LEADERS,
    ROLES,
    TEXT_MAX,
    Task,
    leaders_text,
    parse_leaders,
    serial_numbers,
)
from bluebook_desktop.domain.form import FORM, Align, Kind, Section

TASK_IDS_MIME = "application/x-bluebook-task-ids"

_Index = QModelIndex | QPersistentModelIndex

# Roles as plain ints: a view asks data() for a dozen roles per cell on every layout, and
# comparing ints is far cheaper than comparing Qt's enum members.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _EDIT, _ALIGNMENT))
# Between the characters of one name: a line may break between names, never inside one
# (何兰芳 李飞跃, not 何兰芳 李飞 / 跃). Zero-width, and only in what the table shows.
WORD_JOINER = "\u2060"
_CENTRED_TOP = (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop).value
_LEFT_TOP = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop).value


class TaskTableModel(QAbstractTableModel):
    """Tasks of one section, in table order. Every cell but 序号 and 全年进度安排 (which has
    its own editor beside the table) is editable in the table itself.

    The model keeps its own tuple of tasks so moves and renames show at once; it reports them
    with `moved` and `renamed`, and the page turns them into one session edit.
    """

    # Where this district's form has its columns (the same in both sections; 牵头/协办 in
    # the key tasks only). A model of another form asks its section: column("leaders").
    SERIAL = FORM.functional_tasks.index("serial")  # 序号
    TASK = FORM.functional_tasks.index("task")  # 工作任务
    OBJECTIVE = FORM.functional_tasks.index("objective")  # 年度目标 (key: 年度目标/改革要点)
    SCHEDULE = FORM.functional_tasks.index("schedule")  # 全年进度安排
    LEADERS = FORM.functional_tasks.index("leaders")  # 责任领导
    ROLE = FORM.key_tasks.index("role")  # 牵头/协办, key tasks only

    #: Rows were reordered (move buttons, Ctrl+Up/Down or a drag).
    moved = Signal()
    #: The 工作任务 cell of the task with this id was edited in the table.
    renamed = Signal(str)
    #: Names typed into a 责任领导 cell beyond MAX_LEADERS were not taken.
    leadersCut = Signal()  # noqa: N815 - Qt signal naming
    #: Names typed twice into a 责任领导 cell, kept once (a list of names).
    leadersRepeated = Signal(list)  # noqa: N815
    #: A cell of the task with this id was edited in the table: its Task field's name
    #: ("task", "objective", "leaders", "role"). Sent for 工作任务 too, after `renamed`.
    edited = Signal(str, str)

    def __init__(
        self, section: Section = FORM.functional_tasks, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self._columns = section.columns
        self._alignments = [
            _CENTRED_TOP if c.window_align is Align.CENTRE else _LEFT_TOP for c in self._columns
        ]
        self._tasks: tuple[Task, ...] = ()
        self._serials: list[str] = []
        # Each row's cell texts, made when first asked for and dropped when the row changes.
        self._texts: list[tuple[str, ...] | None] = []

    def column(self, name: str) -> int:
        """The position of the column named `name` (a Column's name), or -1."""
        return self.section.index(name)

    # --- the tasks ---

    def tasks(self) -> tuple[Task, ...]:
        return self._tasks

    def set_tasks(self, tasks: Sequence[Task]) -> None:
        """Show `tasks`; rows stay (and keep their selection) when the ids are unchanged."""
        new = tuple(tasks)
        if [t.id for t in new] != [t.id for t in self._tasks]:
            self.beginResetModel()
            self._set(new)
            self.endResetModel()
            return
        old, self._tasks = self._tasks, new
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before is not after:
                self._texts[row] = None
                self._row_changed(row)

    def task_at(self, row: int) -> Task | None:
        return self._tasks[row] if 0 <= row < len(self._tasks) else None

    def row_of(self, task_id: str | None) -> int:
        """The row of the task with this id, or -1."""
        for row, task in enumerate(self._tasks):
            if task.id == task_id:
                return row
        return -1

    def insert_task(self, row: int, task: Task) -> None:
        row = max(0, min(row, len(self._tasks)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._set(self._tasks[:row] + (task,) + self._tasks[row:])
        self.endInsertRows()
        self._renumber(row)

    def remove_task(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._set(self._tasks[:row] + self._tasks[row + 1 :])
        self.endRemoveRows()
        self._renumber(row)

    def update_task(self, task: Task) -> None:
        row = self.row_of(task.id)
        if row >= 0 and self._tasks[row] is not task:
            self._tasks = self._tasks[:row] + (task,) + self._tasks[row + 1 :]
            self._texts[row] = None
            self._row_changed(row)

    # --- QAbstractTableModel ---

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return len(self._columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_titles()[section] if 0 <= section < self.columnCount() else None

    def column_titles(self) -> list[str]:
        return [QCoreApplication.translate("form", c.header) for c in self._columns]

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        # Most calls ask for roles this model never sets (font, colours, check state …):
        # they are answered before anything else is looked at.
        if role not in _ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._tasks):
            return None
        if role in (_DISPLAY, _TOOLTIP):
            return self.display_text(row, column)
        if role == _EDIT:
            return self.edit_text(row, column)
        return self._alignments[column] if 0 <= column < len(self._alignments) else None

    def display_text(self, row: int, column: int) -> str:
        """The cell as the printed form shows it."""
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self._cell_texts(row)
        return texts[column] if 0 <= column < len(texts) else ""

    def edit_text(self, row: int, column: int) -> str | None:
        """What an editor of the cell starts with; None for a cell not edited in the table."""
        task = self._tasks[row]
        if not 0 <= column < len(self._columns):
            return None
        edits = self._columns[column].edits
        if self._columns[column].stored_as_extra:
            return task.extra_value(self._columns[column].name)
        if edits == "task":
            return task.task
        if edits == "objective":
            return task.objective
        if edits == "leaders":
            return leaders_text(task.leaders)
        if edits == "role":
            return task.role or ""
        if edits is not None:  # another field of one line (a second form's column)
            return str(getattr(task, edits) or "")
        return None

    def _cell_texts(self, row: int) -> tuple[str, ...]:
        task = self._tasks[row]
        texts = []
        for column in self._columns:
            if column.kind is Kind.SERIAL:
                texts.append(self._serials[row])
            elif column.kind is Kind.LEADERS:
                texts.append(" ".join(WORD_JOINER.join(name) for name in column.reads(task)))
            else:
                texts.append("\n".join(column.reads(task)))
        return tuple(texts)

    def setData(  # noqa: N802
        self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        task = self._tasks[index.row()]
        text = str(value or "")
        column = self._columns[index.column()]
        field = column.edits
        if column.stored_as_extra:
            new = task.with_extra(column.name, text.strip()[:TEXT_MAX])
        elif field == "task":
            new = replace(task, task=text.strip()[:LINE_MAX])
        elif field == "objective":
            new = replace(task, objective=text[:TEXT_MAX])
        elif field == "leaders":
            typed = [name[:LINE_MAX] for name in parse_leaders(text)]
            leaders = tuple(dict.fromkeys(typed))
            twice = [name for name in leaders if typed.count(name) > 1]
            if twice:
                self.leadersRepeated.emit(twice)
            if len(leaders) > MAX_LEADERS:  # the file format's limit: the book must read back
                leaders = leaders[:MAX_LEADERS]
                self.leadersCut.emit()
            new = replace(task, leaders=leaders)
        elif field == "role":
            if text not in ROLES:
                return False
            new = replace(task, role=text)
        elif field is not None:  # another field of one line (a second form's column)
            new = replace(task, **{field: text.strip()[:LINE_MAX]})
        else:
            return False
        if new == task:
            return True
        self.update_task(new)
        if field == "task":
            self.renamed.emit(task.id)
        self.edited.emit(task.id, field)
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        column = index.column()
        if 0 <= column < len(self._columns) and self._columns[column].edits is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def moveRows(  # noqa: N802
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        """Move rows; `destination_child` is the row they go before, counted before the move."""
        size = len(self._tasks)
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > size or not 0 <= destination_child <= size:
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself
        last = source_row + count - 1
        if not self.beginMoveRows(
            QModelIndex(), source_row, last, QModelIndex(), destination_child
        ):
            return False
        tasks = list(self._tasks)
        block = tasks[source_row : last + 1]
        del tasks[source_row : last + 1]
        at = destination_child if destination_child < source_row else destination_child - count
        tasks[at:at] = block
        self._set(tuple(tasks))
        self.endMoveRows()
        self._renumber(min(source_row, at))
        self.moved.emit()
        return True

    # --- drag and drop: rows travel as task ids, the drop is a move ---

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [TASK_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        ids = "\n".join(self._tasks[row].id for row in rows)
        data.setData(TASK_IDS_MIME, QByteArray(ids.encode("utf-8")))
        return data

    def dropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(TASK_IDS_MIME):
            return False
        if row < 0:
            # Dropped on a row (its upper half goes before it) or below the last row.
            row = parent.row() if parent.isValid() else len(self._tasks)
        ids = bytes(data.data(TASK_IDS_MIME).data()).decode("utf-8").split("\n")
        moved = False
        for task_id in ids:
            source = self.row_of(task_id)
            if source < 0:
                continue
            if self.moveRows(QModelIndex(), source, 1, QModelIndex(), row):
                moved = True
                # Later ids follow the one just moved.
                row = self.row_of(task_id) + 1
            else:
                row = source + 1
        # True tells the view the drop happened; it then asks removeRows(), which this model
        # does not implement, so nothing is removed: the move above was the whole drop.
        return moved

    # --- helpers ---

    def _set(self, tasks: tuple[Task, ...]) -> None:
        """New rows (added, removed, moved or all new): numbers and texts are made anew."""
        self._tasks = tasks
        self._serials = serial_numbers(tasks)
        self._texts = [None] * len(tasks)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _renumber(self, first_row: int) -> None:
        """序号 follows table order: every row from `first_row` on has a new number."""
        last = len(self._tasks) - 1
        serial = self.column("serial")
        if first_row <= last and serial >= 0:
            self.dataChanged.emit(
                self.index(first_row, serial),
                self.index(last, serial),
                [Qt.ItemDataRole.DisplayRole],
            )
