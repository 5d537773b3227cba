"""The import graph, read from the source: dependencies point one way and never in a circle.

The rule the README states: domain ← db, formats ← ui, with app.py and cli.py on top.
`domain` imports nothing of the program; db and formats know nothing of each other or of Qt;
the window's code is the only place Qt is imported. A module importing against the rule
fails here, naming the file, the line and the import.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "bluebook_desktop"

# What each part of the program may import from the program; a part may always import itself.
BASE = {"bluebook_desktop", "errors", "paths", "logs", "collector"}
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "domain": set(),
    "db": {"base", "domain"},
    "formats": {"base", "domain"},
    "ui": {"base", "domain", "db", "formats"},
    "top": {"base", "domain", "db", "formats", "ui"},
}
# The window sees storage only through the store and the repository (and what they name):
# where and how books are kept (SQLite's files, backups, checks) is the store's business.
UI_STORAGE = {"bluebook_desktop.db.store", "bluebook_desktop.db.repository"}
# Third-party packages only some parts may import (a library's name: the parts allowed it).
THIRD_PARTY = {
    "PySide6": {"ui", "top"},
    "sqlalchemy": {"db"},
    "alembic": {"db"},
    "reportlab": {"formats"},
    "docx": {"formats"},
    "openpyxl": {"formats"},
    "psycopg": {"db"},
    "pypdfium2": {"ui"},
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the imported module, dotted
    line: int
    deferred: bool  # inside a function: runs only when called
    typing_only: bool  # under `if TYPE_CHECKING:`: never runs


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part(module: str) -> str:
    """Which part of the program a module belongs to."""
    names = module.split(".")
    if names[0] != "bluebook_desktop":
        raise ValueError(module)
    if len(names) == 1:
        return "base"
    first = names[1]
    if first in BASE:
        return "base"
    if first in ("domain", "db", "formats", "ui"):
        return first
    if first in ("app", "cli", "__main__"):
        return "top"
    raise AssertionError(f"{module}: no part of the program is named for it; add it to ALLOWED")


def modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(module: str, path: Path, known: set[str]) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST, deferred: bool, typing_only: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                yield from visit(child, True, typing_only)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for statement in child.body:
                    yield from visit(ast.Module(body=[statement], type_ignores=[]), deferred, True)
                for statement in child.orelse:
                    yield from visit(ast.Module(body=[statement], type_ignores=[]), deferred, False)
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, alias.name, child.lineno, deferred, typing_only)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    # `from package import module` imports the module itself
                    candidate = f"{base}.{alias.name}"
                    target = candidate if candidate in known else base
                    yield Import(module, target, child.lineno, deferred, typing_only)
            else:
                yield from visit(child, deferred, typing_only)

    yield from visit(tree, False, False)


def all_imports() -> list[Import]:
    found = modules()
    known = set(found)
    return [i for module, path in found.items() for i in imports(module, path, known)]


def test_the_parts_import_only_what_the_layers_allow() -> None:
    breaches = []
    for i in all_imports():
        source = part(i.source)
        root = i.target.split(".")[0]
        if root == "bluebook_desktop":
            target = part(i.target)
            if target != source and target not in ALLOWED[source]:
                breaches.append(f"{i.source}:{i.line} ({source}) imports {i.target} ({target})")
        elif root in THIRD_PARTY and source not in THIRD_PARTY[root]:
            breaches.append(f"{i.source}:{i.line} ({source}) imports {i.target}")
    assert breaches == []


def storage_breaches(found: list[Import]) -> list[str]:
    """Imports by the window's code of storage other than the store and the repository."""
    return [
        f"{i.source}:{i.line} imports {i.target}"
        for i in found
        if part(i.source) == "ui"
        and i.target.startswith("bluebook_desktop.db")
        and i.target not in UI_STORAGE
    ]


def test_the_window_reaches_storage_only_through_the_store() -> None:
    assert storage_breaches(all_imports()) == []


def test_the_storage_rule_names_a_breach() -> None:
    found = [
        Import("bluebook_desktop.ui.recovery", "bluebook_desktop.db.backup", 3, False, False),
        Import("bluebook_desktop.ui.recovery", "bluebook_desktop.db.store", 4, False, False),
        Import("bluebook_desktop.app", "bluebook_desktop.db.health", 5, True, False),
    ]
    assert storage_breaches(found) == [
        "bluebook_desktop.ui.recovery:3 imports bluebook_desktop.db.backup"
    ]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm,
    iterative: the graph is small, but recursion depth is not worth thinking about)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others() -> None:
    """An import inside a function still counts: it is a cycle waiting for a caller."""
    known = set(modules())
    edges: dict[str, set[str]] = {module: set() for module in known}
    for i in all_imports():
        # A package's __init__ is imported by each of its modules; that is not a cycle.
        if i.target in known and not i.typing_only and not i.source.startswith(i.target + "."):
            edges[i.source].add(i.target)
    assert _cycles(edges) == []


# Modules only one module of the program may import: it imports them in a way of its own.
ONE_DOOR = {"reportlab.platypus": "bluebook_desktop.formats.platypus"}


def test_reportlab_platypus_is_reached_only_through_its_one_door() -> None:
    breaches = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in all_imports()
        for library, door in ONE_DOOR.items()
        if (i.target == library or i.target.startswith(library + ".")) and i.source != door
    ]
    assert breaches == []
