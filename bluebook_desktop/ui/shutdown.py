"""Store what was typed whenever the program is told to end, not only when its window closes.

SIGTERM and SIGINT (a log-off on Linux, Ctrl+C in a terminal, `kill`), the session ending on
Windows (QGuiApplication.commitDataRequest) and any other way out of the event loop
(aboutToQuit) all store the open book first: an open cell editor and an input method's open
composition are committed, then the edit is written at once instead of after the store delay.

Python runs a signal handler only when the interpreter gets control, which it does not while
Qt's event loop waits. On POSIX the byte Python writes for each signal into a pipe
(signal.set_wakeup_fd) wakes the loop through a QSocketNotifier; on Windows (Ctrl+C in a
console) a timer gives Python control five times a second. The window is then stored and
the program quits normally.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication, QSessionManager

log = logging.getLogger(__name__)

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class Shutdown(QObject):
    """Calls `store` on every way the program can be told to end; quits on a signal."""

    def __init__(self, app: QGuiApplication, store: Callable[[], object]) -> None:
        super().__init__(app)
        self._app = app
        self._store = store
        self._received: list[int] = []
        app.commitDataRequest.connect(self._session_ending)
        app.aboutToQuit.connect(self._store_quietly)
        self._pipe: tuple[int, int] | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None
        self._previous_fd = -1
        if sys.platform == "win32":
            self._timer = QTimer(self)
            self._timer.setInterval(200)
            self._timer.timeout.connect(self._woken)
            self._timer.start()
        else:
            self._pipe = os.pipe()
            for end in self._pipe:
                os.set_blocking(end, False)
            self._notifier = QSocketNotifier(self._pipe[0], QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._woken)
            self._previous_fd = signal.set_wakeup_fd(self._pipe[1], warn_on_full_buffer=False)
        for number in SIGNALS:
            signal.signal(number, self._handler)

    def _handler(self, number: int, _frame: object) -> None:
        # Runs between two Python bytecodes, maybe inside a store: only note the signal.
        # The wake-up byte is already on its way to the notifier.
        self._received.append(number)

    def _woken(self) -> None:
        if self._pipe is not None:
            try:
                while os.read(self._pipe[0], 64):
                    pass
            except (BlockingIOError, InterruptedError):
                pass
        if not self._received:
            return
        log.info("signal %s received: storing and quitting", self._received[0])
        self._received.clear()
        self._store_quietly()
        self._app.quit()

    def _session_ending(self, manager: QSessionManager) -> None:
        log.info("the session is ending: storing")
        self._store_quietly()

    def _store_quietly(self) -> None:
        try:
            self._store()
        except Exception:  # noqa: BLE001 - the program is ending: log it, never stop it
            log.exception("storing at shutdown failed")

    def uninstall(self) -> None:
        """Back to Python's own handlers (tests start several windows in one process)."""
        for number in SIGNALS:
            default = signal.default_int_handler if number == signal.SIGINT else signal.SIG_DFL
            signal.signal(number, default)
        if self._timer is not None:
            self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._pipe is not None:
            signal.set_wakeup_fd(self._previous_fd)
            for end in self._pipe:
                os.close(end)
            self._pipe = None
