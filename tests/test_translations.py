"""The English translation: current with the sources, complete, compiled, and in use."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from bluebook_desktop import paths
from bluebook_desktop.db.repository import BookMissing
from bluebook_desktop.db.store import open_store
from bluebook_desktop.ui import i18n
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.messages import user_text
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS_FILE = FOLDER / "bluebook_en.ts"
QM_FILE = FOLDER / "bluebook_en.qm"
FIX = "run python resources/translations/update.py"

# {name}, {0}, literal {{ and }}, Qt's %1…%9 and %n, Python's %s.
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%\d|%n|%s")
# A Chinese accelerator, as in 文件(&F); the English keeps one & before a letter.
CHINESE_ACCELERATOR = re.compile(r"\(&\w\)")
ENGLISH_ACCELERATOR = re.compile(r"(?<!&)&[A-Za-z0-9]")


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_update", FOLDER / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def update() -> ModuleType:
    return _update_script()


@pytest.fixture(scope="module")
def committed(update: ModuleType) -> dict[tuple[str, str], str | None]:
    return update.messages(TS_FILE)


def test_the_ts_file_has_every_current_message(
    update: ModuleType, committed: dict[tuple[str, str], str | None], tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.ts"
    update.collect(fresh)
    current = set(update.messages(fresh))
    assert set(committed) == current, (
        f"bluebook_en.ts is out of date: {FIX} "
        f"(new: {sorted(current - set(committed))}, gone: {sorted(set(committed) - current)})"
    )


def test_every_message_is_translated(committed: dict[tuple[str, str], str | None]) -> None:
    untranslated = [key for key, text in committed.items() if not text]
    assert not untranslated, f"translate these in bluebook_en.ts, then {FIX}: {untranslated}"


def test_translations_keep_the_placeholders(
    committed: dict[tuple[str, str], str | None],
) -> None:
    broken = [
        (context, source, text)
        for (context, source), text in committed.items()
        if text is not None and set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text))
    ]
    assert not broken, f"placeholders differ between source and translation: {broken}"


def test_translations_keep_one_accelerator(
    committed: dict[tuple[str, str], str | None],
) -> None:
    broken = [
        (context, source, text)
        for (context, source), text in committed.items()
        if text is not None
        and CHINESE_ACCELERATOR.search(source)
        and len(ENGLISH_ACCELERATOR.findall(text)) != 1
    ]
    assert not broken, f"menu texts need exactly one & in English: {broken}"


def test_the_qm_file_holds_the_ts_translations(
    committed: dict[tuple[str, str], str | None],
) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE)), f"bluebook_en.qm does not load: {FIX}"
    assert translator.translate("MainWindow", "封面信息") == "Cover"
    assert translator.translate("MainWindow", "文件(&F)") == "&File"
    assert (
        translator.translate("messages", "找不到编号为 {id} 的蓝皮书。")
        == "There is no book with the ID {id}."
    )
    stale = [
        (context, source)
        for (context, source), text in committed.items()
        if text is not None and translator.translate(context, source) != text
    ]
    assert not stale, f"bluebook_en.qm is older than bluebook_en.ts: {FIX} ({stale})"


def test_the_window_in_english(qtbot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert app is not None
    locale = QLocale()
    translators = i18n.install(app, "en")
    store = None
    try:
        assert translators, "bluebook_en.qm was not found by i18n.install"
        database = tmp_path / "window.sqlite3"
        store = open_store(database)
        repository = store.repository
        window = MainWindow(
            Workspace(store, Settings.in_file(tmp_path / "settings.ini"), paths.resolve(database))
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.ui.newButton.click()
        assert window.session is not None

        tabs = [window.ui.tabs.tabText(i) for i in range(window.ui.tabs.count())]
        assert tabs == [
            "Cover",
            "Key / reform tasks",
            "Functional tasks",
            "Head's opinion",
            "Progress",
            "Self-review",
        ]
        assert window.ui.fileMenu.title() == "&File"
        assert window.ui.newButton.text() == "New"

        with pytest.raises(BookMissing) as missing:
            repository.load(9999)
        assert user_text(missing.value) == "There is no book with the ID 9999."
        assert QCoreApplication.translate("rules", "重点工作") == "Key tasks"
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
        if store is not None:
            store.close()


def test_the_word_import_notes_in_english(qapp, tmp_path: Path) -> None:
    """What the Word reader read and could not place is shown in the user's language; what
    the clerk typed stays as typed."""
    from test_docx import _hand_typed

    from bluebook_desktop.formats.docx_import import read_docx

    app = QApplication.instance()
    assert app is not None
    locale = QLocale()
    path = tmp_path / "typed.docx"
    _hand_typed(path)
    reading = read_docx(path)
    chinese = reading.summary()
    translators = i18n.install(app, "en")
    try:
        english = reading.summary(QCoreApplication.translate)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
    assert chinese.startswith("从 Word 文档读取到：")
    assert english.startswith("Read from the Word document:")
    assert "  Unit name: 佛山市三水区某某局" in english
    assert "  Key and reform tasks: 1; functional tasks: 3" in english
    assert "Cover: （此页不编页码）" in english
    assert "Functional tasks, task 3: text continued on the next row" in english
    assert "the schedule line “按计划推进” names no quarter" in english
    # Every note's own words are translated: none of the reader's Chinese is left.
    for note in reading.unplaced:
        assert note.template not in english
    assert "项" not in english
