"""The office's list of expected units, read from its own files, against who submitted."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from bluebook_desktop.domain.collection import submissions, unique_units, unit_key
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.units_list import read_unit_list

UNITS = ["政协佛山市三水区委员会", "三水区财政局", "三水区人民政府办公室"]


def test_names_compare_as_a_reader_reads_them() -> None:
    assert unit_key("三水区 财政局") == unit_key("三水区财政局")
    assert unit_key("中共三水区委（办公室）") == unit_key("中共三水区委(办公室)")
    assert unit_key("三水区第１中学") == unit_key("三水区第1中学")
    assert unit_key("三水区财政局") != unit_key("三水区税务局")
    assert unique_units(["三水区财政局", " ", "三水区 财政局", "三水区税务局"]) == [
        "三水区财政局",
        "三水区税务局",
    ]


def test_who_is_missing_and_who_was_not_expected() -> None:
    result = submissions(UNITS, ["三水区 财政局", "三水区水利局"])
    assert result.missing == ("政协佛山市三水区委员会", "三水区人民政府办公室")
    assert result.submitted == ("三水区财政局",)  # in the list's own spelling
    assert result.unexpected == ("三水区水利局",)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_text_list_in_any_windows_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "单位名单.txt"
    path.write_bytes(
        ("\r\n".join(["单位名称", *UNITS, "", "三水区财政局"]) + "\r\n").encode(encoding)
    )
    assert read_unit_list(path) == UNITS  # the header line, blanks and repeats left out


def test_a_csv_with_a_number_column_takes_the_names(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    lines = ["1,政协佛山市三水区委员会,张三", "2,三水区财政局,李四", "3,三水区人民政府办公室,王五"]
    path.write_text("\n".join(lines), encoding="gb18030")
    assert read_unit_list(path) == UNITS


def test_an_excel_list_takes_the_column_headed_unit(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "联系人", "单位名称"])
    for number, unit in enumerate(UNITS, 1):
        sheet.append([number, "张三", unit])
    path = tmp_path / "名单.xlsx"
    book.save(path)
    assert read_unit_list(path) == UNITS


def test_what_is_no_list_is_refused_in_words(tmp_path: Path) -> None:
    empty = tmp_path / "空.txt"
    empty.write_text("\n\n序号\n1\n2\n", encoding="utf-8")
    with pytest.raises(UserError, match="“空.txt”中没有单位名称"):
        read_unit_list(empty)
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UserError, match="不是 Excel 工作簿或已损坏"):
        read_unit_list(broken)
    big = tmp_path / "大.txt"
    with open(big, "wb") as file:
        file.truncate(6 * 2**20)
    with pytest.raises(UserError, match="过大"):
        read_unit_list(big)
