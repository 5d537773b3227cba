"""目标调整 in the window: after 定稿, a change to the plan asks once why, and is recorded.

The session passes every edit through `PlanChanges.adjusted`, so no page needs to know about
定稿: the first change to the plan in a sitting asks for the reason (调整理由); the changes
after it join that adjustment until the book is closed or the clerk starts a new one.
Changes to the year's record (progress, reviews) never ask.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain import LINE_MAX, Book, chinese_date
from bluebook_desktop.domain.plan import describe_changes, same_plan, with_adjustment


class PlanChanges:
    """The sitting's adjustment of a finalized book: its reason, once given."""

    def __init__(self) -> None:
        # Asks the clerk why the signed plan changes: the reason, or None to keep it as it
        # was. The window sets it; a session with no one to ask (no window) records the
        # change with no reason rather than lose it.
        self.ask: Callable[[Book, Book], str | None] | None = None
        self.today: Callable[[], dt.date] = dt.date.today
        self.why: str | None = None  # the reason given in this sitting
        # The question is open. An edit made meanwhile is the one it is about, handed over
        # again (a cell editor commits what it holds when the question takes the focus).
        self.asking = False
        # The clerk was asked, on printing the plan, whether it is the copy for signature.
        self.offered_finalize = False

    def adjusted(self, old: Book, new: Book) -> Book | None:
        """`new` as it is to be kept: with the change recorded when it changes a signed
        plan; None when the clerk gave no reason (the plan stays as it was)."""
        if old.finalized_on is None or same_plan(old, new):
            return new
        if self.why is None and self.ask is None:
            self.why = ""
        elif self.why is None and self.ask is not None:
            self.asking = True
            try:
                why = self.ask(old, new)
            finally:
                self.asking = False
            if not why or not why.strip():
                return None
            self.why = why.strip()
        assert self.why is not None
        return with_adjustment(old, new, self.today(), self.why)

    def start_new(self) -> None:
        """The next change to the plan is a new adjustment: its reason is asked again."""
        self.why = None


# One typed character or committed text: a key (key, modifiers, text) or what an input
# method committed (its text).
TypedAhead = tuple[int, Qt.KeyboardModifier, str] | str


class ReasonDialog(QDialog):
    """调整理由: one line, required; Enter gives it, Escape keeps the plan as it was.

    The question comes at the first keystroke that changes the signed plan, and a clerk types
    on: what arrives before anyone could have read the question was typed for the field it
    interrupted, not as the reason. It is kept aside (`typed_ahead`) and handed back to that
    field once the reason is given, so nothing typed lands in the wrong box.
    """

    # Longer than keys keep coming in a burst of typing, shorter than reading the question.
    TYPE_AHEAD_S = 0.6

    def __init__(self, book: Book, changed: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed_ahead: list[TypedAhead] = []
        self._reading_until = float("inf")  # until shown, everything typed is typed ahead
        self.setObjectName("adjustmentReason")
        self.setWindowTitle(self.tr("目标调整"))
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "本责任书已于 %1定稿。修改目标将记入目标调整情况（日期、修改内容和理由）。"
            ).replace("%1", chinese_date(book.finalized_on)),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        # What is being changed, as the adjustment will record it (the form's own words).
        self.change = QLabel(_first_lines(describe_changes(book, changed)), self)
        self.change.setObjectName("change")
        self.change.setWordWrap(True)
        self.change.setStyleSheet("QLabel { color: #444; }")
        layout.addWidget(self.change)
        label = QLabel(self.tr("调整理由（必填）："), self)
        layout.addWidget(label)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(LINE_MAX)
        self.reason.setPlaceholderText(self.tr("例如：根据区委工作部署调整"))
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        note = QLabel(self.tr("本次打开期间对目标的其他修改也记入这次调整。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("记入调整"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消修改"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reason.installEventFilter(self)

    def showEvent(self, event: object) -> None:  # noqa: N802
        self._reading_until = time.monotonic() + self.TYPE_AHEAD_S
        super().showEvent(event)  # type: ignore[arg-type]

    def reads_typing(self) -> bool:
        """The question has been on screen long enough: keys now are the clerk's answer."""
        return time.monotonic() >= self._reading_until

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self.reason or self.reads_typing():
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.typed_ahead.append((event.key(), event.modifiers(), event.text()))
            return True
        if kind in (QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return True
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            if event.commitString():
                self.typed_ahead.append(event.commitString())
            return True
        return False

    def accept(self) -> None:
        if self.reason.text().strip():  # Enter on an empty reason does nothing
            super().accept()


def _first_lines(text: str, count: int = 3) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:count]) + ("\n……" if len(lines) > count else "")


def ask_reason(
    parent: QWidget | None, typed_on: Callable[[Book], Book] = lambda changed: changed
) -> Callable[[Book, Book], str | None]:
    """The question PlanChanges asks, as a dialog over `parent`. `typed_on` gives the change
    as the clerk's typing has taken it on while the question waited for a pause."""

    def ask(book: Book, changed: Book) -> str | None:
        typing_in = QApplication.focusWidget()  # the field being edited
        if typing_in is not None:
            typing_pauses(typing_in)
        dialog = ReasonDialog(book, typed_on(changed), parent)
        given = False
        try:
            given = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.reason.text().strip() if given else None
        finally:
            dialog.deleteLater()
            # The clerk goes on typing where the question interrupted.
            if parent is not None:
                parent.window().activateWindow()
                if (
                    typing_in is not None
                    and shiboken6.isValid(typing_in)
                    and typing_in.window() is parent.window()
                ):
                    typing_in.setFocus(Qt.FocusReason.OtherFocusReason)
                    # Given, what was typed on joins the change; declined, it is undone
                    # with the change.
                    if given:
                        hand_back(dialog.typed_ahead, typing_in)

    return ask


def hand_back(typed: list[TypedAhead], field: QWidget) -> None:
    """What was typed while the question appeared, given to `field` in the order typed.

    Posted, not sent: the field takes it after the edit that asked has been stored, as the
    next keystrokes of the same sitting (which the reason just given now covers)."""
    for item in typed:
        if isinstance(item, str):
            commit = QInputMethodEvent("", [])
            commit.setCommitString(item)
            QApplication.postEvent(field, commit)
            continue
        key, modifiers, text = item
        QApplication.postEvent(field, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
        QApplication.postEvent(field, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text))


class _TypingOn(QObject):
    """While the clerk finishes the burst of typing that changed the plan: keys and input
    method text reach the field (whose edits the session keeps for after the answer);
    clicks, wheel turns, closing its window and keys that leave the field are dropped, so
    nothing else happens before the question is answered."""

    _LEAVING_KEYS = frozenset(
        {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape, Qt.Key.Key_F4}
    )
    _INPUT = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Wheel,
            QEvent.Type.ContextMenu,
            QEvent.Type.TabletPress,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.last_typed = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Close:
            # the field's window, not a popup or a tooltip closing
            if shiboken6.isValid(self.field) and watched is self.field.window():
                event.ignore()  # a close event not ignored closes the window all the same
                return True
            return False
        if not isinstance(watched, QWidget):
            # The window takes the system's keys and hands them to its focus widget: the
            # field, or another widget, where they are weighed below.
            return kind in self._INPUT
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if not isinstance(event, QKeyEvent):
                return False
            leaves = event.key() in self._LEAVING_KEYS or bool(
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
            if leaves or watched is not self.field:
                return True
            self.last_typed = time.monotonic()
            return False
        if kind == QEvent.Type.InputMethod:
            if watched is not self.field:
                return True
            self.last_typed = time.monotonic()
            return False
        return kind in self._INPUT


# The question waits for a pause in typing this long, and never longer than the most.
TYPING_PAUSE_S = 0.4
TYPING_MOST_S = 3.0


def typing_pauses(field: QWidget) -> None:
    """Return when the clerk has stopped typing into `field` for a moment.

    Keys typed in a burst are already on their way to the field; a question shown in the
    middle of it makes the system send the rest to a window the question blocks, where they
    are lost, or into the question. Waiting for the pause lets them land where they were
    typed."""
    if not field.hasFocus():
        return
    watcher = _TypingOn(field)
    app = QApplication.instance()
    loop = QEventLoop()
    started = time.monotonic()

    def paused() -> None:
        now = time.monotonic()
        if (
            now - watcher.last_typed >= TYPING_PAUSE_S
            or now - started >= TYPING_MOST_S
            or not shiboken6.isValid(field)
            or not field.hasFocus()
        ):
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(paused)
    app.installEventFilter(watcher)
    timer.start()
    try:
        loop.exec()
    finally:
        timer.stop()
        app.removeEventFilter(watcher)
