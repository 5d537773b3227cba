"""The cover (封面) read back from its printed lines: fields found by their labels.

Typed covers vary: full- or half-width colons, spaces inside labels (单 位 名 称：),
2021 年 10 月 12 日 with spaces, underscores left from the template. Pure text in, values
out; the caller decides what to do with what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, Month
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.formats.notes import Note

# field -> the labels a typist may have used for it, most specific first
_LABELS = {f.name: f.labels for f in (*FORM.cover_boxes, *FORM.cover_fields)}
_FILLER_FIELDS = tuple(f.name for f in FORM.cover_fields)
_SEAL = re.compile(r"\s*[（(]\s*公\s*章\s*[)）]\s*$")
_EDITION = re.compile(r"^(?P<title>.*?)\s*[（(]\s*(?P<edition>[^（）()]+?)\s*[)）]\s*$")
_DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
_MONTH_LINE = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?$")
_ISSUER = re.compile(r"^(?P<issuer>.+?)\s*编\s*制$")


@dataclass
class CoverReading:
    """Cover values found (Cover's field names), and notes on lines that fit no field."""

    values: dict[str, object] = field(default_factory=dict)
    unplaced: list[Note] = field(default_factory=list)


def read_cover(lines: list[str]) -> CoverReading:
    reading = CoverReading()
    title: list[str] = []
    for raw in lines:
        line = raw.strip().strip("_＿").strip()
        if not line:
            continue
        labelled = _labelled(line)
        if labelled:
            _put(reading, *labelled, line)
        elif re.match(r"^附\s*件", line) and "attachment" not in reading.values and not title:
            reading.values["attachment"] = re.sub(r"\s+", " ", line)
        elif not any(name in reading.values for name in _FILLER_FIELDS) and not _ends_cover(line):
            title.append(line)
        elif _MONTH_LINE.match(_digits(line)) and "issued_on" not in reading.values:
            _put_month(reading, line)
        elif _ISSUER.match(line) and "issuer" not in reading.values:
            reading.values["issuer"] = _ISSUER.match(line).group("issuer")  # type: ignore[union-attr]
        else:
            reading.unplaced.append(Note(QT_TRANSLATE_NOOP("import", "封面：{line}"), line=line))
    if title:
        _put_title(reading, title)
    return reading


def _ends_cover(line: str) -> bool:
    return bool(_MONTH_LINE.match(_digits(line)) or _ISSUER.match(line))


def _labelled(line: str) -> tuple[str, str] | None:
    for name, labels in _LABELS.items():
        for label in labels:
            pattern = r"\s*".join(map(re.escape, label)) + r"(?:\s*[:：]\s*|\s+|$)"
            match = re.match(pattern, line)
            if match:
                return name, line[match.end() :].strip().strip("_＿").strip()
    return None


def _put(reading: CoverReading, name: str, value: str, line: str) -> None:
    values = reading.values
    if name in values or (name == "filler" and "filler_name" in values):
        reading.unplaced.append(
            Note(QT_TRANSLATE_NOOP("import", "封面（重复的栏目）：{line}"), line=line)
        )
    elif name == "year":
        _put_year(reading, value, line)
    elif name == "unit_name":
        values[name] = _SEAL.sub("", value)
    elif name == "filler":
        values["filler_name"], values["filler_position"] = split_filler(value)
    elif name == "phone":
        values[name] = re.sub(r"\s+", "", _digits(value))
    elif name == "filled_on":
        _put_date(reading, value, line)
    else:
        values[name] = value


def _put_year(reading: CoverReading, value: str, line: str) -> None:
    match = re.search(r"\d{4}", _digits(value))
    if match and 2000 <= int(match.group()) <= 2100:
        reading.values["year"] = int(match.group())
    elif value:
        reading.unplaced.append(
            Note(
                QT_TRANSLATE_NOOP("import", "封面：年度“{value}”不是 2000–2100 之间的年份"),
                value=value,
            )
        )


def _put_date(reading: CoverReading, value: str, line: str) -> None:
    if not re.search(r"\d", _digits(value)):
        return  # the template's blank 年 月 日
    match = _DATE.search(_digits(value))
    try:
        if not match:
            raise ValueError(value)
        reading.values["filled_on"] = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        reading.unplaced.append(
            Note(QT_TRANSLATE_NOOP("import", "封面：填表日期“{value}”不是有效日期"), value=value)
        )


def _put_month(reading: CoverReading, line: str) -> None:
    match = _MONTH_LINE.match(_digits(line))
    assert match is not None
    year, month = int(match.group(1)), int(match.group(2))
    if 1 <= month <= 12:
        reading.values["issued_on"] = Month(year, month)
    else:
        reading.unplaced.append(
            Note(QT_TRANSLATE_NOOP("import", "封面：{line}（月份无效）"), line=line)
        )


def _put_title(reading: CoverReading, lines: list[str]) -> None:
    """The title, and the edition printed after it in brackets: （蓝皮书）.

    On a line of its own any bracketed word is the edition; at the end of the title line
    only a ...皮书, so a title ending in （试行） keeps it.
    """
    edition = _EDITION.match(lines[-1])
    if len(lines) > 1 and edition and not edition.group("title"):
        reading.values["edition"] = edition.group("edition")
        lines = lines[:-1]
    text = "".join(lines)
    edition = _EDITION.match(text)
    if "edition" not in reading.values and edition and edition.group("edition").endswith("皮书"):
        reading.values["edition"] = edition.group("edition")
        text = edition.group("title")
    reading.values["title"] = text


def split_filler(value: str) -> tuple[str, str]:
    """傅冰 政协办公室副主任 → (傅冰, 政协办公室副主任); 傅 冰 … joins the name again."""
    parts = [p for p in re.split(r"[\s,，、/／]+", value) if p]
    if not parts:
        return "", ""
    if len(parts) >= 3 and len(parts[0]) == 1 and len(parts[1]) == 1:
        parts = [parts[0] + parts[1], *parts[2:]]
    return parts[0], " ".join(parts[1:])


def _digits(text: str) -> str:
    """Full-width digits and punctuation as ASCII, for dates and numbers only."""
    return unicodedata.normalize("NFKC", text)
