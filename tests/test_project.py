"""The project's own files agree with the code: every package is installed, with resources."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_directory_is_listed_for_installation() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in (ROOT / "bluebook_desktop").rglob("*")
        if folder.is_dir() and any(folder.glob("*.py")) and folder.name != "__pycache__"
    } | {"bluebook_desktop"}
    assert on_disk | {"bluebook_desktop.resources"} == listed
    assert config["tool"]["setuptools"]["package-dir"] == {
        "bluebook_desktop.resources": "resources"
    }
