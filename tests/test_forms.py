"""Every Designer form and its generated module agree (run forms/compile_forms.py to fix)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def _compiler():
    spec = importlib.util.spec_from_file_location(
        "compile_forms", ROOT / "forms" / "compile_forms.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_forms() -> None:
    assert {f.stem for f in FORMS} >= {"main_window", "cover_page", "task_page", "task_detail"}


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_generated_module_matches_its_form(form: Path) -> None:
    compiler = _compiler()
    generated = compiler.TARGET / compiler.generated_name(form)
    assert generated.exists(), f"{generated.name} is missing: run python forms/compile_forms.py"
    assert generated.read_text(encoding="utf-8") == compiler.compile_form(form), (
        f"{form.name} changed since {generated.name} was generated: "
        "run python forms/compile_forms.py"
    )


def test_no_generated_module_without_a_form() -> None:
    compiler = _compiler()
    expected = {compiler.generated_name(f) for f in FORMS}
    present = {p.name for p in compiler.TARGET.glob("ui_*.py")}
    assert present == expected
