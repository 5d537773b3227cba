"""Buttons that make or remove something: a double click is one click, not two."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QApplication


def on_click_once(button: QAbstractButton, slot: Callable[[], object]) -> None:
    """Run `slot` on a click of `button`, but not again for a click that follows within the
    system's double-click interval: a clerk who double-clicks 新建 wants one book.

    Buttons that open a dialog first need none of this: the dialog takes the second click.
    """
    last = -float("inf")

    def clicked() -> None:
        nonlocal last
        now = time.monotonic()
        if (now - last) * 1000 < QApplication.doubleClickInterval():
            return
        last = now
        slot()

    button.clicked.connect(clicked)
