"""Python's cycle collector held off while many objects are made: a year's books read
(db.rows.read_year) and shown (ui.collection_view), a PDF laid out (formats.pdf)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off while many objects are made that hold no cycles.

    A year's books are some 30,000 frozen objects. Made with the collector on, they set off
    its full passes over everything the window holds, again and again: that was a third of
    opening the collection view of 300 units, and varied from one opening to the next.
    Nested pauses are fine: only the outermost turns the collector on again.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
