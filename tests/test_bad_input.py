"""Every bad file: the same plain message in the window and on stderr, and nothing stored.

test_portable.py and test_docx.py check each reader's message in detail; here each bad
input goes through the two front doors (bluebook-cli import, the window's import) into a
database that already holds a book, which must be left exactly as it was.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.files import FIXTURE_BOOK
from helpers.stores import opened
from PySide6.QtWidgets import QMessageBox

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import printable_text
from bluebook_desktop.formats.portable import dumps

FIXTURE = FIXTURE_BOOK


def edited(change: Callable[[dict[str, Any]], object]) -> Callable[[], bytes]:
    def make() -> bytes:
        data = json.loads(FIXTURE.read_bytes())
        change(data)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    return make


def task0(name: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda data: data["book"]["functional_tasks"][0].__setitem__(name, value)


def _word_notice() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("关于召开年度工作会议的通知")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", bytes(3 * 2**20))
    return buffer.getvalue()


DEPTH = 100_000
# name: (file name, content, words the message must hold)
CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "not json": ("a.bluebook.json", lambda: b'{"format": "bluebook", ', "不是有效的 JSON"),
    "empty": ("a.bluebook.json", lambda: b"", "文件是空的"),
    "wrong format": ("a.bluebook.json", lambda: b'{"format": "docx", "version": 1}', "不是蓝皮书"),
    "future version": ("a.bluebook.json", edited(lambda d: d.update(version=3)), "更新版本"),
    "wrong type": ("a.bluebook.json", edited(lambda d: d["book"].update(year="2021")), "year"),
    "quarter 5": (
        "a.bluebook.json",
        edited(lambda d: d["book"]["functional_tasks"][0]["schedule"][0].update(quarters=[5])),
        "不是季度（应为 1–4）",
    ),
    "missing field": (
        "a.bluebook.json",
        edited(lambda d: d["book"].pop("unit_name")),
        "缺少必填项",
    ),
    "impossible date": (
        "a.bluebook.json",
        edited(lambda d: d["book"].update(filled_on="2021-02-30")),
        "2021-02-30 不是有效日期",
    ),
    "two million characters": (
        "a.bluebook.json",
        edited(task0("objective", "字" * 2_000_000)),
        "过长",
    ),
    "ten million characters": (
        "a.bluebook.json",
        edited(task0("objective", "字" * 10_000_000)),
        "过大",
    ),
    "nested 100,000 deep": (
        "a.bluebook.json",
        lambda: (
            b'{"format": "bluebook", "version": 1, "book": ' + b"[" * DEPTH + b"]" * DEPTH + b"}"
        ),
        "嵌套",
    ),
    "integer of 5,000 digits": (
        "a.bluebook.json",
        lambda: FIXTURE.read_bytes().replace(b'"year": 2021', b'"year": 2' + b"0" * 5000, 1),
        "year：",
    ),
    "duplicate key": (
        "a.bluebook.json",
        lambda: FIXTURE.read_bytes().replace(
            b'"functional_tasks"', b'"functional_tasks": [], "functional_tasks"', 1
        ),
        "重复的键",
    ),
    "NaN": (
        "a.bluebook.json",
        lambda: FIXTURE.read_bytes().replace(b'"year": 2021', b'"year": NaN', 1),
        "NaN",
    ),
    "two million empty objects": (
        "a.bluebook.json",
        lambda: b'{"format": "bluebook", "version": 1, "book": [' + b"{}," * 2_000_000 + b"{}]}",
        "过多",
    ),
    "NUL escape": ("a.bluebook.json", edited(task0("task", "政治\x00协商")), "NUL"),
    "NUL byte": (
        "a.bluebook.json",
        lambda: FIXTURE.read_bytes().replace(b"{", b"{\x00", 1),
        "JSON",
    ),
    "docx not a zip": ("a.docx", lambda: "不是文档".encode(), "不是 Word 文档"),
    "zip bomb": ("bomb.docx", _zip_bomb, "压缩比过高"),
    "legacy doc": ("old.doc", lambda: bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504), "另存为"),
    "Word file not this form": ("notice.docx", _word_notice, "不是绩效目标责任书"),
}


def snapshot(db: Path) -> list[tuple[object, str]]:
    store = opened(db)
    repository = store.repository
    try:
        return [(s, dumps(repository.load(s.id))) for s in repository.list_books()]
    finally:
        store.close()


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "data" / "bluebook.sqlite3"
    assert main(["--db", str(path), "import", str(FIXTURE)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_in_cli_and_window(
    case: str,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name, content, words = CASES[case]
    bad = tmp_path / name
    bad.write_bytes(content())
    before = snapshot(db)

    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db), "import", str(bad)])
    assert caught.value.code == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    message = err.rstrip("\n")
    assert words in message
    assert snapshot(db) == before

    # The window: the same words in a message box, nothing stored, the window still there.
    from bluebook_desktop.paths import resolve
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    with open_store(db) as store:
        window = MainWindow(
            Workspace(store, Settings.in_file(tmp_path / "settings.ini"), resolve(db))
        )
        qtbot.addWidget(window)
        assert window.actions_.read_book(bad) is None
        assert shown == [message]
        assert window.book_list.rowCount() == 1
    assert snapshot(db) == before


def test_notepad_file_with_a_bom_reads_normally(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notepad = tmp_path / "记事本.bluebook.json"
    notepad.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["--db", str(db), "import", str(notepad)]) == 0
    assert capsys.readouterr().out == "2\n"
    books = snapshot(db)
    assert books[0][1] == books[1][1]


def test_control_characters_are_stripped_on_output_only() -> None:
    typed = "第一行\r\n第二行\r第三行\t制表\x0c换页\x01\x7f😀"
    assert printable_text(typed) == "第一行\n第二行\n第三行\t制表换页😀"
    assert printable_text("政协") == "政协"
    assert printable_text("") == ""
