"""Compile the Qt Designer forms in this folder into bluebook_desktop/ui/forms/.

Run after editing a .ui file:  python forms/compile_forms.py
tests/test_forms.py fails when a form and its generated module disagree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
TARGET = FORMS.parent / "bluebook_desktop" / "ui" / "forms"
# pyside6-uic's own entry point, called from this Python so the right Qt version is used.
_RUN_UIC = "import sys; from PySide6.scripts.pyside_tool import uic; sys.argv[0] = 'uic'; uic()"
HEADER = "# Generated from forms/{name} by forms/compile_forms.py: do not edit.\n"


def generated_name(form: Path) -> str:
    return f"ui_{form.stem}.py"


def compile_form(form: Path) -> str:
    """The generated module's text, without the lines that name the uic version."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN_UIC, str(form)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    lines = [
        line
        for line in result.stdout.splitlines(keepends=True)
        if "Created by: Qt User Interface Compiler" not in line
        and "WARNING! All changes made in this file will be lost" not in line
    ]
    return HEADER.format(name=form.name) + "".join(lines)


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "__init__.py").write_text(
        '"""Python code generated from ../../../forms/*.ui; see forms/compile_forms.py."""\n',
        encoding="utf-8",
    )
    for form in sorted(FORMS.glob("*.ui")):
        (TARGET / generated_name(form)).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.name} -> {generated_name(form)}")


if __name__ == "__main__":
    main()
