"""reportlab's platypus, the one way the program reaches it.

Importing platypus compiles two patterns over character ranges that run to U+FFFF: one
finds web addresses in a paragraph's text (case-insensitively, which is what costs), one
wraps Chinese text for reportlab's plain-text helper. Python takes some 45 ms to compile
them, a tenth of a whole `bluebook-cli render`, paid by every process that prints, and the
program uses neither: they are compiled the first time they are used, if ever. Every other
pattern is compiled as reportlab compiles it.
"""

from __future__ import annotations

import re
from typing import Any


class DeferredPattern:
    """A pattern compiled when first used; until then it holds only its text."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:  # match, search … : compile, then be the pattern
        compiled = re.compile(self.pattern, self.flags)
        return getattr(compiled, name)


def _slow_to_compile(pattern: object) -> bool:
    return isinstance(pattern, str) and "\uffff" in pattern


def _import() -> None:
    compile_now = re.compile

    def compile_or_defer(pattern: Any, flags: int = 0) -> Any:
        if _slow_to_compile(pattern):
            return DeferredPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_or_defer  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401 - run once, here, with the patterns deferred
    finally:
        re.compile = compile_now


_import()

# What the program uses of platypus, imported from here and nowhere else (tests/test_layers.py).
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine  # noqa: E402

__all__ = [
    "BaseDocTemplate",
    "CondPageBreak",
    "Flowable",
    "Frame",
    "FrameBreak",
    "KeepInFrame",
    "NextPageTemplate",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "ParaLines",
    "Spacer",
    "Table",
    "cjkU",
    "makeCJKParaLine",
]
