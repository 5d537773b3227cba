"""The program on a PostgreSQL server: `open_store(URL)`, `--db URL`, BLUEBOOK_DB=URL, the
password from .pgpass, and one plain sentence for a server that cannot be used (skipped
where no server is set up; CI starts one and requires these to run)."""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.files import FIXTURE_BOOK
from helpers.postgres import server_url
from sqlalchemy import create_engine, inspect, text

from bluebook_desktop.cli import EXIT_ERROR
from bluebook_desktop.cli import main as cli_main
from bluebook_desktop.db.postgres import without_password
from bluebook_desktop.db.schema import HEAD, NewerDatabase
from bluebook_desktop.db.store import PostgresStore, open_store, restore_store
from bluebook_desktop.errors import UserError


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*")) if folder.exists() else set()


def tables(url: str) -> set[str]:
    engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_a_server_url_opens_a_postgresql_store(postgres_url: str, fixture_book) -> None:
    with open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore)
        assert not store.is_file and not store.supports_backup and store.is_open
        assert store.location == postgres_url
        assert store.check() is None
        book = store.repository.add(fixture_book)
    with open_store(postgres_url) as other:  # another machine
        loaded = other.repository.load(book.id)
        assert loaded == book
        other.repository.store(loaded, replace(loaded, head_opinion="同意。"))
    engine = create_engine("postgresql+psycopg://" + postgres_url.split("://", 1)[1])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        opinion = "SELECT head_opinion FROM book WHERE id = :id"
        assert connection.execute(text(opinion), {"id": book.id}).scalar() == "同意。"
    engine.dispose()


def test_postgres_spelling_and_sslmode_are_understood(postgres_url: str) -> None:
    spelled = "postgres://" + postgres_url.split("://", 1)[1]
    with open_store(spelled + "?sslmode=disable") as store:
        assert store.repository.list_books() == []
    with pytest.raises(UserError) as refused:  # the test server has no certificate
        open_store(postgres_url + "?sslmode=require")
    assert "加密连接" in str(refused.value) and "sslmode" in str(refused.value)


def test_a_newer_schema_is_refused_with_the_sqlite_message(postgres_url: str) -> None:
    open_store(postgres_url).close()
    engine = create_engine("postgresql+psycopg://" + postgres_url.split("://", 1)[1])
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(NewerDatabase) as refused:
        open_store(postgres_url)
    assert str(refused.value) == (
        "这个数据库由更新版本的程序创建（数据库版本 9999），当前程序无法打开。"
        "请安装最新版本后再打开。"
    )


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        ({"port": "1"}, "连接不上数据库服务器（地址或端口不对，或服务器没有运行）"),
        ({"database": "no_such_database"}, "服务器上没有这个数据库"),
        ({"username": "no_such_clerk"}, "服务器上没有这个用户"),
    ],
)
def test_a_server_that_cannot_be_used_is_one_plain_sentence(
    postgres_url: str,
    parts: dict[str, str],
    reason: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    url = server_url(postgres_url, **parts)
    before = files_under(tmp_path)
    with pytest.raises(UserError) as refused:
        open_store(url)
    assert str(refused.value) == f"无法连接数据库服务器 {url}：{reason}。"
    with pytest.raises(SystemExit) as caught:
        cli_main(["--db", url, "list"])
    assert caught.value.code == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == "" and err == f"无法连接数据库服务器 {url}：{reason}。\n"
    created = {p for p in files_under(tmp_path) - before if p.is_file()}
    assert {p.suffix for p in created} <= {".log"}  # the log only: no database file
    assert not list(tmp_path.rglob("*.sqlite3"))
    assert tables(postgres_url) == set()  # nothing was created on the server either


def test_the_command_line_uses_the_server(
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli_main(["--db", postgres_url, "import", str(FIXTURE_BOOK)]) == 0
    book_id = int(capsys.readouterr().out)
    monkeypatch.setenv("BLUEBOOK_DB", postgres_url)
    assert cli_main(["list"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith(f"{book_id}\t2021\t")
    out_json = tmp_path / "back.bluebook.json"
    assert cli_main(["export", str(book_id), "--json", str(out_json)]) == 0
    assert out_json.read_bytes() == FIXTURE_BOOK.read_bytes()
    assert not list(tmp_path.rglob("*.sqlite3"))  # no file database was made on the way


def test_backup_and_restore_are_the_servers_business(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = (
        f"数据库服务器 {postgres_url} 上的数据由服务器备份和恢复（例如用 pg_dump 和 "
        "pg_restore），本程序的备份和恢复只用于本机的数据库文件。"
    )
    with open_store(postgres_url) as store:
        with pytest.raises(UserError) as refused:
            store.backup(tmp_path / "copy.sqlite3")
        assert str(refused.value) == message
        assert store.backup_problem(tmp_path / "copy.sqlite3") == message
    with pytest.raises(UserError):
        restore_store(postgres_url, tmp_path / "copy.sqlite3")
    with pytest.raises(SystemExit):
        cli_main(["--db", postgres_url, "restore", str(tmp_path / "copy.sqlite3")])
    out, err = capsys.readouterr()
    assert out == "" and err == message + "\n"
    # The program's own backup on a server is the logical one (tests/test_logical_backup.py):
    # it needs a file name, and says what the server's own backup is.
    with pytest.raises(SystemExit):
        cli_main(["--db", postgres_url, "backup"])
    out, err = capsys.readouterr()
    assert out == "" and "--books" in err and "pg_dump" in err and err.count("\n") == 1
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_a_password_in_the_url_is_never_shown_or_kept() -> None:
    assert without_password("postgresql://clerk:s3cret@db.example:5432/books?sslmode=require") == (
        "postgresql://clerk@db.example:5432/books?sslmode=require"
    )
    assert without_password("postgresql://clerk@db/books?password=s3cret&sslmode=require") == (
        "postgresql://clerk@db/books?sslmode=require"
    )
    assert without_password("postgresql://clerk@db/books?password=s3cret") == (
        "postgresql://clerk@db/books"
    )


@pytest.fixture
def password_role(postgres_engine) -> tuple[str, str]:
    """A role that must log in with its password (.ci/postgres: members of
    password_required), with a database of its own: (name, password)."""
    name = "clerk_" + uuid.uuid4().hex[:8]
    password = uuid.uuid4().hex
    with postgres_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        exists = "SELECT 1 FROM pg_roles WHERE rolname = 'password_required'"
        if connection.execute(text(exists)).first() is None:
            connection.execute(text("CREATE ROLE password_required NOLOGIN"))
        connection.execute(
            text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE password_required")
        )
        connection.execute(text(f"CREATE DATABASE {name} OWNER {name}"))
    yield name, password
    with postgres_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"DROP ROLE IF EXISTS {name}"))


def test_the_password_comes_from_pgpass_and_is_never_written(
    postgres_url: str,
    password_role: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, password = password_role
    url = server_url(postgres_url, username=name, database=name)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nothing-here"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(UserError) as refused:
        open_store(url)
    assert str(refused.value) == (
        f"无法连接数据库服务器 {url}：服务器要求密码，但没有找到（请在 .pgpass 文件中写上密码）。"
    )
    with pytest.raises(UserError) as wrong:
        open_store(server_url(url, password="not-the-password"))
    assert str(wrong.value) == f"无法连接数据库服务器 {url}：用户名或密码不对。"
    assert "not-the-password" not in str(wrong.value)

    pgpass = tmp_path / "pgpass"
    host, port = url.split("@", 1)[1].split("/", 1)[0].split(":")
    pgpass.write_text(f"{host}:{port}:{name}:{name}:{password}\n", encoding="utf-8")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with open_store(url) as store:
        assert store.location == url and password not in store.location
        added = store.repository.add(store_book())
    assert cli_main(["--db", url, "list"]) == 0
    assert capsys.readouterr().out.startswith(f"{added.id}\t2021\t")
    for path in (tmp_path / "home").rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path


def store_book():
    from bluebook_desktop.formats.portable import loads

    return loads(FIXTURE_BOOK.read_bytes())


def test_the_window_opens_on_the_server(
    qtbot, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop import app

    with open_store(postgres_url) as store:
        store.repository.add(store_book())
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setenv(app.QUIT_AFTER_PAINT, "1")
    assert app.main(["--db", postgres_url]) == 0
    assert shown == []
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_the_environment_reaches_the_server(postgres_url: str, monkeypatch) -> None:
    from bluebook_desktop import paths

    monkeypatch.setenv("BLUEBOOK_DB", postgres_url)
    found = paths.resolve(None)
    assert found.url == postgres_url and found.location == postgres_url
    assert os.environ["BLUEBOOK_DB"] == postgres_url


def test_the_window_says_in_one_message_that_the_server_cannot_be_reached(
    qtbot, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop import app

    url = server_url(postgres_url, port="1")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app.main(["--db", url]) == 2
    assert shown == [
        f"无法连接数据库服务器 {url}：连接不上数据库服务器（地址或端口不对，或服务器没有运行）。"
    ]
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_the_settings_dialog_names_the_server_for_the_next_start(
    qtbot, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from bluebook_desktop import app, paths
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.settings_dialog import SettingsDialog

    monkeypatch.delenv("BLUEBOOK_DB")
    with open_store(postgres_url) as store:
        store.repository.add(store_book())
    settings_file = paths.resolve(None).settings_file
    assert settings_file is not None
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))

    dialog = SettingsDialog(Settings.in_file(settings_file))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.server, "mysql://clerk@db/books")
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and warned[0].startswith("数据库服务器的地址 db/books 不对")
    assert dialog.isVisible() and Settings.in_file(settings_file).server == ""

    dialog.ui.server.selectAll()
    user, rest = postgres_url.split("://", 1)[1].split("@", 1)
    qtbot.keyClicks(dialog.ui.server, f"postgresql://{user}:typed-secret@{rest}")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert Settings.in_file(settings_file).server == postgres_url
    assert b"typed-secret" not in settings_file.read_bytes()

    opened: list[str] = []
    real_open = app.__dict__.get("_open_database")

    def spy(found, last_book_id):
        opened.append(found.location)
        return real_open(found, last_book_id)

    monkeypatch.setattr(app, "_open_database", spy)
    monkeypatch.setenv(app.QUIT_AFTER_PAINT, "1")
    assert app.main([]) == 0
    assert opened == [postgres_url]
    assert not list(tmp_path.rglob("*.sqlite3"))


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    """The system's credential store, as a dict for the test (what the `keyring` package
    reaches: Windows Credential Manager, the Secret Service …)."""
    keyring = pytest.importorskip("keyring", reason="keyring is not installed")
    from keyring.backend import KeyringBackend

    kept: dict[tuple[str, str], str] = {}

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            kept.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    yield kept
    keyring.set_keyring(previous)


def answer_password_dialogs(qtbot, answers: list[str], seen: list[str]) -> None:
    """Type each answer into the next password dialog the program shows, then Enter."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog) and dialog.objectName() == "passwordDialog":
            if dialog.property("answered"):
                QTimer.singleShot(20, look)
                return
            dialog.setProperty("answered", True)
            seen.append(dialog.labelText())
            field = dialog.findChild(QLineEdit)
            assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
            QTest.keyClicks(field, answers.pop(0) if answers else "")
            QTest.keyClick(field, Qt.Key.Key_Return)
        if answers or not seen:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)


def test_the_window_asks_the_password_once_and_keeps_it_in_the_credential_store(
    qtbot,
    postgres_url: str,
    password_role: tuple[str, str],
    memory_keyring: dict[tuple[str, str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop import app
    from bluebook_desktop.db.postgres import KEYRING_SERVICE

    name, password = password_role
    url = server_url(postgres_url, username=name, database=name)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nothing-here"))
    monkeypatch.setenv(app.QUIT_AFTER_PAINT, "1")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: errors.append(text))

    seen: list[str] = []
    answer_password_dialogs(qtbot, ["wrong-one", password], seen)
    assert app.main(["--db", url]) == 0
    assert errors == []
    assert len(seen) == 2
    assert seen[0].startswith(f"无法连接数据库服务器 {url}：服务器要求密码")
    assert seen[1].startswith(f"无法连接数据库服务器 {url}：用户名或密码不对。")
    host_part = url.split("://", 1)[1]
    assert memory_keyring == {(KEYRING_SERVICE, host_part): password}
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix in (".ini", ".conf", ".log", ".json"):
            assert password.encode() not in path.read_bytes(), path

    # The next start asks nothing: the password comes from the credential store.
    again: list[str] = []
    answer_password_dialogs(qtbot, [], again)
    assert app.main(["--db", url]) == 0
    assert again == [] and errors == []


def test_cancelling_the_password_ends_quietly(
    qtbot,
    postgres_url: str,
    password_role: tuple[str, str],
    memory_keyring: dict[tuple[str, str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bluebook_desktop import app

    name, _password = password_role
    url = server_url(postgres_url, username=name, database=name)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nothing-here"))
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: errors.append(text))

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(20, cancel)
    assert app.main(["--db", url]) == 2
    assert errors == [] and memory_keyring == {}
