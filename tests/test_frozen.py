"""The frozen program as delivered: its size, every page of the window, the command line, and
a PostgreSQL server reached through the bundled psycopg and libpq.

BLUEBOOK_FROZEN names the bundle folder (`dist/bluebook`, made by `packaging/build.py`;
`.ci/run` builds it once before the suites). Without it these tests are skipped with that
reason; `.ci/run` also sets BLUEBOOK_REQUIRE_FROZEN, so that there they fail instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK
from helpers.postgres import URL_ENV
from test_packaging import load
from test_pdf import _flat, _text, needs_poppler

FROZEN_ENV = "BLUEBOOK_FROZEN"
REQUIRE_ENV = "BLUEBOOK_REQUIRE_FROZEN"
SIZE_LIMIT = 150_000_000  # bytes, the Linux one-folder bundle unpacked
SUFFIX = ".exe" if sys.platform == "win32" else ""
# What the window draws in the smoke run with BLUEBOOK_SMOKE_PAGES (entry_bluebook.py): the
# cover, 重点工作任务 and 职能工作任务, the opinions, 进展填报, 年度自评, then the print
# preview, the settings dialog, 收集与汇总 and the live preview (its own process).
EVERY_PAGE = (
    "pages: CoverPage TaskPage TaskPage TextsPage ProgressPage ReviewPage"
    " PreviewDialog SettingsDialog CollectionWindow LivePreview"
)


@pytest.fixture(scope="module")
def frozen() -> Path:
    folder = os.environ.get(FROZEN_ENV, "")
    if not folder:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but {FROZEN_ENV} names no bundle")
        pytest.skip(f"no frozen program: set {FROZEN_ENV} to a folder packaging/build.py made")
    bundle = Path(folder)
    assert (bundle / f"bluebook{SUFFIX}").is_file(), f"{bundle} holds no frozen program"
    return bundle


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a clerk's start: nothing of this Python, user folders under tmp."""
    home = tmp_path / "张三"
    environment = load("build").clean_env(home)
    environment["BLUEBOOK_DB"] = str(home / "蓝皮书 数据" / "bluebook.sqlite3")
    yield environment


def run(program: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(program), *args],
        env=env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    assert done.returncode == 0, f"{program.name} {args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the target is the Linux one")
def test_the_bundle_is_within_its_size(frozen: Path) -> None:
    size = load("build").bundle_size(frozen)
    assert size <= SIZE_LIMIT, f"the bundle is {size / 1e6:.1f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries: Linux builds")
def test_the_bundle_has_one_openssl_that_of_libpq(frozen: Path) -> None:
    """No network library of Qt's; Python's ssl (which psycopg imports) uses the OpenSSL that
    psycopg brings for libpq: one copy, loaded only when a server is chosen."""
    assert not [p.name for p in frozen.rglob("*QtNetwork*")]
    internal = frozen / "_internal"
    for name in ("libssl.so.3", "libcrypto.so.3"):
        target = (internal / name).resolve()
        assert target.parent.name == "psycopg_binary.libs" and target.is_file(), name
    copies = [p for p in internal.rglob("libcrypto*") if p.is_file() and not p.is_symlink()]
    assert len(copies) == 1, copies


def test_the_frozen_window_shows_every_page(frozen: Path, env: dict[str, str]) -> None:
    env.update(BLUEBOOK_SMOKE_QUIT_MS="8000", BLUEBOOK_SMOKE_PAGES="1")
    out = run(frozen / f"bluebook{SUFFIX}", str(EXAMPLE_YEAR), env=env)
    assert EVERY_PAGE in out.splitlines()
    if sys.platform.startswith("linux"):
        (log,) = Path(env["XDG_DATA_HOME"]).rglob("bluebook.log")
        text = log.read_text(encoding="utf-8")
        assert " ERROR " not in text and "Traceback" not in text, text


@needs_poppler
def test_the_frozen_command_line_imports_exports_and_reports(
    frozen: Path, env: dict[str, str], tmp_path: Path
) -> None:
    cli = frozen / f"bluebook-cli{SUFFIX}"
    book_id = run(cli, "import", str(FIXTURE_BOOK), env=env).strip()
    assert book_id.isdigit()
    json_out, pdf, docx = tmp_path / "出.bluebook.json", tmp_path / "出.pdf", tmp_path / "出.docx"
    run(cli, "export", book_id, "--json", str(json_out), "--pdf", str(pdf), "--docx", str(docx),
        env=env)  # fmt: skip
    assert json_out.read_bytes() == FIXTURE_BOOK.read_bytes()
    assert "佛山市三水区政协机关" in _flat(_text(pdf))
    assert docx.read_bytes()[:2] == b"PK"
    # A year of it (progress, a review): the quarter's report and the self-review.
    book_id = run(cli, "import", str(EXAMPLE_YEAR), env=env).strip()
    listed = [line.split("\t")[0] for line in run(cli, "list", env=env).splitlines()]
    assert book_id in listed and len(listed) == 2
    report = tmp_path / "二季度.pdf"
    run(cli, "report", book_id, "--quarter", "2", "--date", "2021-07-05", "--pdf", str(report),
        env=env)  # fmt: skip
    text = _flat(_text(report))
    assert "第二季度工作进展情况表" in text and "填报日期：2021年7月5日" in text
    review = tmp_path / "自评.pdf"
    run(cli, "review", book_id, "--pdf", str(review), env=env)
    assert "自评" in _flat(_text(review))


def test_the_frozen_command_line_works_on_a_postgresql_server(
    frozen: Path, env: dict[str, str], tmp_path: Path, postgres_engine: object
) -> None:
    """The bundled psycopg and libpq reach a real server (the test cluster's, emptied)."""
    url = os.environ[URL_ENV]
    cli = frozen / f"bluebook-cli{SUFFIX}"
    book_id = run(cli, "--db", url, "import", str(FIXTURE_BOOK), env=env).strip()
    assert book_id.isdigit()
    listed = run(cli, "--db", url, "list", env=env)
    assert book_id in [line.split("\t")[0] for line in listed.splitlines()]
    out = tmp_path / "回.bluebook.json"
    run(cli, "--db", url, "export", book_id, "--json", str(out), env=env)
    assert out.read_bytes() == FIXTURE_BOOK.read_bytes()
    assert not Path(env["BLUEBOOK_DB"]).exists()  # the server, not a file, held the book
