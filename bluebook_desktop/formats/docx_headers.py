"""A task table's header row read by meaning, and a row's cells given to the task fields
they hold: the columns, their words and their headers are the form's (domain.form)."""

from __future__ import annotations

import re

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.formats.docx_tables import Cell, Grid
from bluebook_desktop.formats.notes import Note

FUNCTIONAL = FORM.functional_tasks

# Each column's header as this district's form prints it (the functional table's where
# the key table words it longer), to name a column in a note.
COLUMN_NAMES = {c.name: c.header for s in FORM.sections for c in s.columns}
COLUMN_NAMES.update({c.name: c.header for c in FUNCTIONAL.columns})

# The columns every task table of the form has (序号 aside, which the program numbers); a
# table without them is another form's.
FORM_COLUMNS = tuple(
    c.name
    for c in FUNCTIONAL.columns
    if c.name != "serial" and all(s.has(c.name) for s in FORM.sections)
)


def _by_specificity(item: tuple[str, tuple[str, ...]]) -> int:
    order = FORM.header_order
    return order.index(item[0]) if item[0] in order else -1


# The words a header cell names each column by, tried most specific first.
_HEADER_WORDS = sorted(
    {c.name: c.header_words for s in FORM.sections for c in s.columns}.items(),
    key=_by_specificity,
)


def column_of(text: str) -> str | None:
    """The task field a header cell names, by the words clerks use for it."""
    t = re.sub(r"\s+", "", text)
    if not t:
        return None
    for field_name, words in _HEADER_WORDS:
        if any(word in t for word in words):
            return field_name
    return None


# A header cell is a short label (年度目标/改革要点 is the longest the form has); a cell of a
# task row can hold the same words (完成区委交办任务, 项目建设) but then says more.
_HEADER_CELL_MAX = 16


def header_row(grid: Grid) -> tuple[int, list[str | None]] | None:
    """The header row among the first rows of a table, with the field of each column.

    Every cell with text must be a short column label: a task row (序号 1, 工作任务 项目建设,
    年度目标 …) has a serial or a long text that is no label, so it is never taken for one.
    """
    for index, row in enumerate(grid[:3]):
        columns: list[str | None] = []
        seen: set[str] = set()
        previous: Cell | None = None
        labels_only = True
        for cell in row:
            name = None if cell is previous else column_of(cell.text)
            if cell is not previous and cell.text.strip():
                short = len(re.sub(r"\s+", "", cell.text)) <= _HEADER_CELL_MAX
                labels_only = labels_only and name is not None and short
            if name in seen:
                name = None
            if name:
                seen.add(name)
            columns.append(name)
            previous = cell
        if labels_only and "task" in seen and ({"objective", "schedule"} & seen):
            return index, columns
    return None


def same_texts(row: list[Cell], headers: list[str]) -> bool:
    """The row repeats the table's header row, cell for cell (the header repeated on a page)."""
    texts = [re.sub(r"\s+", "", cell.text) for cell in row]
    return texts == [re.sub(r"\s+", "", text) for text in headers]


def assign(
    row: list[Cell], columns: list[str | None], headers: list[str], seen: set[int]
) -> tuple[dict[str, Cell], list[Note]]:
    """The cell of each field in a row, and what did not fit: unknown columns, wide cells.

    A cell spanning several columns belongs to the first field it covers. Cells already
    reported in the row above (vertically merged) are not reported again.
    """
    positions: dict[int, list[int]] = {}
    order: list[Cell] = []
    for index, cell in enumerate(row):
        if id(cell) not in positions:
            positions[id(cell)] = []
            order.append(cell)
        positions[id(cell)].append(index)
    cells: dict[str, Cell] = {}
    problems: list[Note] = []
    for cell in order:
        indices = positions[id(cell)]
        names = [columns[i] for i in indices if i < len(columns)]
        names = [n for n in dict.fromkeys(names) if n and n not in cells]
        if names:
            cells[names[0]] = cell
        if not cell.text or id(cell) in seen:
            continue
        labels = "”“".join(COLUMN_NAMES[n] for n in names)
        if len(names) > 1:
            problems.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import", "合并单元格横跨“{columns}”栏，内容已归入“{column}”。"
                    ),
                    columns=labels,
                    column=COLUMN_NAMES[names[0]],
                )
            )
        elif not names:
            i = indices[0]
            header = headers[i].strip() if i < len(headers) else ""
            problems.append(
                Note(
                    QT_TRANSLATE_NOOP("import", "无法识别的栏目“{header}”：{text}"),
                    header=header,
                    text=cell.text,
                )
            )
    return cells, problems
