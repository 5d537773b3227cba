"""A Word body as the reader needs it: lines of text and tables as grids of cells.

Works on the XML itself because hand-typed files hold what python-docx's own objects skip:
text in content controls (w:sdt), in text boxes, in tracked insertions, and merged cells
(w:gridSpan, w:vMerge) that must come back as one cell shared by every grid position.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = {"w": W, "mc": MC}

# Text of one paragraph, leaving out deleted text, tab-stop definitions, the fallback copy
# of a drawing, and the paragraphs of text boxes anchored in it (they are read on their own).
_TEXT = etree.XPath(
    ".//*[(self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen)"
    " and not(ancestor::w:pPr or ancestor::w:del or ancestor::w:moveFrom"
    " or ancestor::mc:Fallback) and count(ancestor::w:txbxContent) = $depth]",
    namespaces=_NS,
)
_DEPTH = etree.XPath("count(ancestor::w:txbxContent)", namespaces=_NS)
_TEXT_BOXES = etree.XPath(
    ".//w:txbxContent[not(ancestor::mc:Fallback) and count(ancestor::w:txbxContent) = $depth]",
    namespaces=_NS,
)
_CELL_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::mc:Fallback)]", namespaces=_NS)
_MAX_SPAN = 64
_WRAPPERS = {f"{{{W}}}{tag}" for tag in ("sdt", "sdtContent", "customXml", "smartTag")}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(eq=False)
class Cell:
    """One table cell; a merged cell is the same object at every grid position it covers."""

    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


Grid = list[list[Cell]]


def blocks(container: Any) -> Iterator[str | Grid]:
    """Non-blank lines and tables of a body (or text box), in reading order."""
    for child in container:
        if child.tag == _w("p"):
            yield from paragraph_lines(child)
        elif child.tag == _w("tbl"):
            yield grid(child)
        elif child.tag in _WRAPPERS:
            yield from blocks(child)


def paragraph_lines(p: Any) -> Iterator[str | Grid]:
    depth = _DEPTH(p)
    yield from _split(_text(p, depth))
    for box in _TEXT_BOXES(p, depth=depth):
        yield from blocks(box)


def _text(p: Any, depth: float) -> str:
    parts: list[str] = []
    for element in _TEXT(p, depth=depth):
        tag = etree.QName(element).localname
        if tag == "t":
            parts.append(element.text or "")
        elif tag == "tab":
            parts.append(" ")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _split(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def grid(tbl: Any) -> Grid:
    rows: Grid = []
    above: dict[int, Cell] = {}  # the cell at each grid column in the row above
    for tr in _children(tbl, "tr"):
        row: list[Cell] = [Cell() for _ in range(_int(tr, "trPr", "gridBefore", 0))]
        for tc in _children(tr, "tc"):
            span = max(1, _int(tc, "tcPr", "gridSpan", 1))
            merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
            column = len(row)
            # vMerge without a value (or "continue") goes on the cell above; "restart" begins
            if merge is not None and merge.get(_w("val"), "continue") == "continue":
                cell = above.get(column) or Cell(_cell_lines(tc))
            else:
                cell = Cell(_cell_lines(tc))
            for offset in range(span):
                above[column + offset] = cell
                row.append(cell)
        rows.append(row)
    return rows


def _cell_lines(tc: Any) -> list[str]:
    lines: list[str] = []
    for p in _CELL_PARAGRAPHS(tc):
        lines.extend(_split(_text(p, _DEPTH(p))))
    return lines


def _children(element: Any, tag: str) -> Iterator[Any]:
    for child in element:
        if child.tag == _w(tag):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _int(element: Any, props: str, name: str, default: int) -> int:
    found = element.find(f"{_w(props)}/{_w(name)}")
    try:
        value = int(found.get(_w("val"))) if found is not None else default
    except (TypeError, ValueError):
        return default
    return min(max(value, 0), _MAX_SPAN)  # a hostile file must not make a million columns
