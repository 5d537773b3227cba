"""Refresh the English translation from the sources, then compile it.

    python resources/translations/update.py

The program's own language is Chinese: every source string is Chinese and English is the
translation. pyside6-lupdate collects tr()/translate() strings from the code and the Designer
forms; this script adds the messages of UserError and its subclasses (context "messages"),
which lupdate cannot see, and keeps every translation already made. Translate new entries
in bluebook_en.ts (Qt Linguist, or by hand), run this again, and commit both files.
tests/test_translations.py fails while a message is missing or untranslated.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = ROOT / "bluebook_desktop"
TS_FILE = HERE / "bluebook_en.ts"
QM_FILE = HERE / "bluebook_en.qm"
MESSAGES = "messages"
# Calls whose first string argument (the second for FileProblem) is a UserError template.
ERROR_CLASSES = {
    "UserError": 0,
    "FileProblem": 1,
    "TargetLocked": 0,
    "NewerDatabase": 0,
    "BookMissing": 0,
    "StoreConflict": 0,
    "DamagedDatabase": 0,
    "NetworkDrive": 0,
    "PasswordNeeded": 0,
    "UnsupportedLocation": 0,
    "MissingGlyphs": 0,
}


def sources() -> list[Path]:
    """Python modules with strings to translate; generated forms come in as their .ui files."""
    files = sorted(PACKAGE.rglob("*.py"))
    return [f for f in files if "forms" not in f.relative_to(PACKAGE).parts]


def error_templates() -> list[str]:
    """Every literal UserError template in the package, in order of first appearance."""
    found: dict[str, None] = {}
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = ERROR_CLASSES.get(name or "")
            if position is None or len(node.args) <= position:
                continue
            text = _literal(node.args[position])
            if text:
                found.setdefault(text, None)
    return list(found)


def _literal(node: ast.expr) -> str | None:
    """A string literal, including implicitly joined ones ("a" "b")."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def collect(ts_out: Path) -> None:
    """Write a fresh .ts of all current source strings to ts_out (no translations)."""
    files = [str(p) for p in sources()] + [str(p) for p in sorted((ROOT / "forms").glob("*.ui"))]
    subprocess.run(
        [
            sys.executable,
            "-c",
            _TOOL.format(tool="lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *files,
            "-ts",
            str(ts_out),
        ],
        check=True,
    )
    tree = ET.parse(ts_out)
    # Templates marked QT_TRANSLATE_NOOP("messages", …) are already there; add the rest.
    context = next(
        (c for c in tree.getroot().iter("context") if c.findtext("name") == MESSAGES), None
    )
    if context is None:
        context = ET.SubElement(tree.getroot(), "context")
        ET.SubElement(context, "name").text = MESSAGES
    present = {m.findtext("source") for m in context.iter("message")}
    for text in error_templates():
        if text in present:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree)
    tree.write(ts_out, encoding="utf-8", xml_declaration=True)


# pyside6-lupdate/lrelease's own entry points, run by this Python.
_TOOL = (
    "import sys; from PySide6.scripts import pyside_tool; "
    "sys.argv[0] = '{tool}'; pyside_tool.{tool}()"
)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, or None where it is unfinished or empty."""
    result: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            finished = translation is not None and translation.get("type") is None
            result[(name, source)] = text if finished and text else None
    return result


def merge(fresh: Path, previous: dict[tuple[str, str], str | None]) -> None:
    """Carry translations over from the committed file into the fresh one."""
    tree = ET.parse(fresh)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            done = previous.get((name, source))
            if done:
                translation.text = done
                translation.attrib.pop("type", None)
            else:
                translation.text = None
                translation.set("type", "unfinished")
    ET.indent(tree)
    tree.write(fresh, encoding="utf-8", xml_declaration=True)


def main() -> None:
    previous = messages(TS_FILE) if TS_FILE.exists() else {}
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / TS_FILE.name
        collect(fresh)
        merge(fresh, previous)
        TS_FILE.write_bytes(fresh.read_bytes())
    subprocess.run(
        [
            sys.executable,
            "-c",
            _TOOL.format(tool="lrelease"),
            "-silent",
            str(TS_FILE),
            "-qm",
            str(QM_FILE),
        ],
        check=True,
    )
    missing = [key for key, value in messages(TS_FILE).items() if not value]
    print(f"{TS_FILE.name}: {len(messages(TS_FILE))} messages, {len(missing)} untranslated")


if __name__ == "__main__":
    main()
