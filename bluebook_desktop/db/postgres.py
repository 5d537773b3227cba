"""A PostgreSQL server as the book database: what only a server needs lives here.

The URL is the one a clerk types (`postgresql://user@host:port/dbname?sslmode=require`);
SQLAlchemy is given it with psycopg 3 as the driver. The password is never part of what the
program keeps: psycopg (libpq) reads it from PGPASSFILE or ~/.pgpass (%APPDATA%\\postgresql
\\pgpass.conf on Windows) by itself, and a URL that still holds one is shown and kept with
the password left out.

Connections are checked before use (`pool_pre_ping`): after the server was restarted, the
next store opens a new connection instead of failing on the dead one, and the store object
stays usable. The SQL is what every PostgreSQL-compatible server accepts; the one server
function used (the advisory lock while migrating) is in `schema.server_lock`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from bluebook_desktop.domain import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)
__all__ = ["NO_BACKUP", "SCHEMES", "is_postgres_url", "make_engine", "reason", "without_password"]

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")

NO_BACKUP = QT_TRANSLATE_NOOP(
    "messages",
    "数据库服务器 {url} 上的数据由服务器备份和恢复（例如用 pg_dump 和 pg_restore），"
    "本程序的备份和恢复只用于本机的数据库文件。",
)


#: Seconds to wait for the server to answer a new connection before saying it does not.
CONNECT_TIMEOUT = 5


def is_postgres_url(location: object) -> bool:
    text = str(location)
    return "://" in text and text.split("://", 1)[0].lower() in SCHEMES


def without_password(url: str) -> str:
    """The URL as it may be shown and kept: `user:secret@host` becomes `user@host`, and a
    password= parameter is dropped."""
    scheme, rest = url.split("://", 1)
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        user, host = authority.rsplit("@", 1)
        authority = user.split(":", 1)[0] + "@" + host
    path = re.sub(
        r"(?i)([?&])password=[^&]*(&|$)", lambda m: m.group(1) if m.group(2) else "", path
    )
    return f"{scheme}://{authority}{slash}{path}".rstrip("?&")


def engine_url(url: str) -> str:
    """The URL for SQLAlchemy: the psycopg 3 driver, whatever spelling the user chose."""
    scheme, rest = url.split("://", 1)
    if scheme.lower() in ("postgresql", "postgres"):
        scheme = "postgresql+psycopg"
    return f"{scheme}://{rest}"


def make_engine(url: str, password: str | None = None) -> Engine:
    """An engine whose connections are checked before use. The password, when one is given
    or the system's credential store holds one for this URL, goes to the driver only; else
    libpq reads its password file."""
    from sqlalchemy import create_engine

    connect_args: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT,
        "application_name": "bluebook",
    }
    secret = password if password is not None else saved_password(url)
    if secret is not None and not has_password(url):
        connect_args["password"] = secret
    return create_engine(engine_url(url), pool_pre_ping=True, connect_args=connect_args)


def has_password(url: str) -> bool:
    return without_password(url) != url


# The system's credential store (Windows Credential Manager, the Secret Service on Linux,
# the Keychain on macOS), through the optional `keyring` package: a password asked once.
KEYRING_SERVICE = "Bluebook Desktop"


def credential_name(url: str) -> str:
    """What a password is filed under: user@host:port/database."""
    return without_password(url).split("://", 1)[1].split("?", 1)[0]


def saved_password(url: str) -> str | None:
    """The password kept for this URL in the credential store, or None (none kept, no
    `keyring` package, or no store on this system)."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, credential_name(url))
    except Exception as exc:  # noqa: BLE001 - no store here: libpq's password file then
        log.info("no credential store: %s", exc)
        return None


def save_password(url: str, password: str) -> bool:
    """Keep the password for this URL in the credential store; False where there is none."""
    try:
        import keyring
    except ImportError:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, credential_name(url), password)
    except Exception as exc:  # noqa: BLE001 - no store here: asked again next time
        log.info("password not kept: %s", exc)
        return False
    return True


def needs_password(exc: BaseException) -> bool:
    """Whether the server refused the connection for a missing or wrong password."""
    error = server_error(exc) or exc
    text = str(error).lower()
    return getattr(error, "sqlstate", None) == "28P01" or (
        "password authentication failed" in text or "no password supplied" in text
    )


def server_error(exc: BaseException) -> BaseException | None:
    """The psycopg error behind `exc` (SQLAlchemy wraps it as .orig), or None."""
    import sys

    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return None
    if isinstance(exc, psycopg.Error):
        return exc
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, psycopg.Error) else None


# What the server (or libpq, before there is one) says, in plain words. The server's own
# text is English or the server's language and never shown; the log has it.
_STATES = {
    "28P01": "用户名或密码不对",
    "28000": "服务器不允许这个用户登录（用户不存在或没有权限）",
    "3D000": "服务器上没有这个数据库",
    "42501": "这个用户没有读写这些数据的权限",
    "53300": "服务器的连接数已满，请稍后再试",
    "57P01": "与数据库服务器的连接中断（服务器已关闭或重启），请稍后再试",
    "57P02": "与数据库服务器的连接中断（服务器已关闭或重启），请稍后再试",
    "57P03": "数据库服务器正在启动或关闭，请稍后再试",
    "08006": "与数据库服务器的连接中断，请检查网络后再试",
    "08001": "连接不上数据库服务器（地址或端口不对，或服务器没有运行）",
    "08004": "数据库服务器拒绝了连接",
    "53100": "数据库服务器的磁盘空间不足",
    "40001": "另一个程序同时在修改，请再试一次",
    "40P01": "另一个程序同时在修改，请再试一次",
}
_TEXTS = (
    ("password authentication failed", "用户名或密码不对"),
    ("no password supplied", "服务器要求密码，但没有找到（请在 .pgpass 文件中写上密码）"),
    ('database "', "服务器上没有这个数据库"),
    ('role "', "服务器上没有这个用户"),
    ("invalid sslmode", "地址中 sslmode 的写法不对（可用 disable、prefer、require、verify-full）"),
    ("ssl", "无法建立加密连接（请检查地址中的 sslmode）"),
    ("timeout expired", "数据库服务器没有响应（地址或端口不对，或网络不通）"),
    ("could not translate host name", "找不到这个服务器（服务器名称不对，或网络不通）"),
    ("name or service not known", "找不到这个服务器（服务器名称不对，或网络不通）"),
    ("connection refused", "连接不上数据库服务器（地址或端口不对，或服务器没有运行）"),
    ("server closed the connection", "与数据库服务器的连接中断（服务器已关闭或重启），请稍后再试"),
    ("terminating connection", "与数据库服务器的连接中断（服务器已关闭或重启），请稍后再试"),
    ("connection is lost", "与数据库服务器的连接中断，请稍后再试"),
    ("consuming input failed", "与数据库服务器的连接中断，请稍后再试"),
    ("connection failed", "连接不上数据库服务器（地址或端口不对，或服务器没有运行）"),
)


def reason(exc: BaseException) -> str:
    """A server error in a few plain words."""
    error = server_error(exc) or exc
    state = getattr(error, "sqlstate", None)
    if state in _STATES:
        return _STATES[state]
    text = str(error).lower()
    for needle, words in _TEXTS:
        if needle in text:
            return words
    if isinstance(state, str) and state.startswith("08"):
        return "与数据库服务器的连接中断，请稍后再试"
    return "数据库服务器出错"


# --- row security: each unit's role sees its own unit's books (migrations 0006, 0008) ---

ROW_SECURITY_TABLES = (
    "book",
    "task",
    "adjustment",
    "self_review",
    "evidence",
    "schedule_entry",
    "leader",
    "task_field",
    "progress",
    "review",
    "evidence_file",
    "unit_access",  # these two: read by all, written by the office (migration 0008)
    "expected_unit",
)


def set_row_security(engine: Engine, on: bool) -> None:
    """Switch the row policies of migration 0006 on or off, for every table at once.

    Only the tables' owner may (the office's administrator); the owner and superusers see
    every row either way, the office's role through its policy."""
    verb = "ENABLE" if on else "DISABLE"
    with engine.begin() as connection:
        for table in ROW_SECURITY_TABLES:
            connection.exec_driver_sql(f"ALTER TABLE {table} {verb} ROW LEVEL SECURITY")


def row_security(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(
            connection.exec_driver_sql(
                "SELECT relrowsecurity FROM pg_class WHERE relname = 'book'"
                " AND relnamespace = current_schema()::regnamespace"
            ).scalar()
        )


def give_unit(engine: Engine, role: str, unit_name: str) -> None:
    """The role `role` sees and writes the books of the unit `unit_name` (and no other)."""
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM unit_access WHERE role_name = %s", (role,))
        connection.exec_driver_sql(
            "INSERT INTO unit_access (role_name, unit_name) VALUES (%s, %s)", (role, unit_name)
        )
