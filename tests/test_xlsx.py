"""The office's Excel workbooks, read back with openpyxl and printed by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bluebook_desktop.formats.xlsx import (
    CELL_MAX,
    FOOTER,
    LINE_PT,
    Column,
    Sheet,
    text_width,
    write_workbook,
)

COLUMNS = (
    Column("序号", width=5, centred=True),
    Column("单位"),
    Column("工作任务"),
    Column("第一季度", group="进度"),
    Column("第二季度", group="进度"),
    Column("自评结果", centred=True),
)


def _sheet(rows: int = 3) -> Sheet:
    body = [
        [
            n,
            "政协佛山市三水区委员会",
            "召开提案办理协调会，提升提案的办理实效。" * 3,
            "按进度",
            "滞后",
            "完成",
        ]
        for n in range(1, rows + 1)
    ]
    return Sheet("汇总表", "2021 年度绩效目标汇总表", COLUMNS, body, filter_columns=(1, 1))


def test_the_sheet_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "汇总.xlsx"
    sheet = _sheet()
    rows = [*sheet.rows, [4, '=HYPERLINK("x")', "-1 项", "+2", "@a", "x" * (CELL_MAX + 10)]]
    write_workbook(path, [Sheet(sheet.name, sheet.title, COLUMNS, rows, (1, 1))])
    ws = load_workbook(path)["汇总表"]
    assert ws["A1"].value == "2021 年度绩效目标汇总表"
    assert ws["A1"].font.name == "黑体"
    merged = {str(r) for r in ws.merged_cells.ranges}
    # the title over the table, a group over its two columns, single headers over both lines
    assert {"A1:F1", "D2:E2", "A2:A3", "B2:B3", "F2:F3"} <= merged
    assert [ws.cell(3, c).value for c in (4, 5)] == ["第一季度", "第二季度"]
    assert ws["D2"].value == "进度" and ws["B2"].value == "单位"
    assert ws["B4"].value == "政协佛山市三水区委员会" and ws["B4"].font.name == "仿宋"
    assert ws["C4"].alignment.wrap_text
    # what a clerk typed stays text: never a formula, never cut without a word
    assert [ws.cell(7, c).value for c in (2, 3, 4, 5)] == ['=HYPERLINK("x")', "-1 项", "+2", "@a"]
    assert all(ws.cell(7, c).data_type == "s" for c in (2, 3, 4, 5))
    long = ws.cell(7, 6).value
    assert len(long) == CELL_MAX and long.endswith("已截断）")
    # print set-up: A4 landscape, one page wide, header repeated, page numbers, frozen header
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert (
        ws.sheet_properties.pageSetUpPr.fitToPage and (ws.page_setup.fitToWidth or 1) == 1
    )  # 1: the format's default
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$2:$3"
    assert ws.oddFooter.center.text == FOOTER
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "B3:B7"
    # widths: 序号 as given, the unit's eleven characters in two units each (and a margin)
    assert ws.column_dimensions["A"].width == 5
    assert ws.column_dimensions["B"].width == pytest.approx(
        text_width("政协佛山市三水区委员会") + 2,
        abs=1 / 7,  # kept in whole pixels
    )
    assert ws.column_dimensions["C"].width == 40  # long texts wrap at the widest allowed
    # every row as tall as its wrapped text (no program sizes the rows of another's file):
    # 60 characters of 工作任务 in a 40-unit column take four lines
    # (a row's height is kept in whole pixels of 0.75 pt)
    assert ws.row_dimensions[4].height == pytest.approx(4 * LINE_PT + 4, abs=0.75)
    assert ws.row_dimensions[3].height == pytest.approx(LINE_PT + 4, abs=0.75)


soffice = shutil.which("soffice") or shutil.which("libreoffice")
# Calc is a package of its own (libreoffice-calc-nogui); Writer alone converts no workbook.
calc = soffice is not None and any(
    (Path(soffice).resolve().parent / name).exists() for name in ("libsclo.so", "sclo.dll")
)


@pytest.mark.skipif(not calc, reason="LibreOffice Calc is not installed")
def test_libreoffice_prints_it_landscape_with_the_header_on_every_page(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler-utils is not installed")
    path = tmp_path / "summary.xlsx"
    write_workbook(path, [_sheet(rows=120)])
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "summary.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    width, height = float(size[2]), float(size[4])
    assert width > height and abs(width - 842) < 3  # A4 landscape
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages >= 3
    for page in (1, pages):
        text = subprocess.run(
            [pdftotext, "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "工作任务" in text and "自评结果" in text  # the header on every page
        assert f"第{page}页共{pages}页" in text.replace(" ", "")
        assert "提升提案的办理实效" in text
