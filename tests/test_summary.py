"""bluebook-cli summary: the year's 汇总表 as a workbook (read back with openpyxl) and a PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.collection import UnitFile, make_in_tray
from openpyxl import load_workbook

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.domain import Task, leaders_text
from bluebook_desktop.formats.summary import FUNCTIONAL_CATEGORY, KEY_CATEGORY
from bluebook_desktop.formats.xlsx import FOOTER

pdftotext = shutil.which("pdftotext")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[UnitFile], Path]:
    """Twenty units' books collected (some with a year of reports, one reviewed), and the
    office's list of expected units with two who sent nothing."""
    tmp = tmp_path_factory.mktemp("office")
    made = make_in_tray(tmp / "收件", 20, bad=False)
    made = [f for f in made if not f.name.endswith(".docx")]  # read back, not as written
    for file in (tmp / "收件").rglob("*.docx"):
        file.unlink()
    db = tmp / "books.sqlite3"
    assert main(["--db", str(db), "collect", str(tmp / "收件")]) == 0
    expected = tmp / "名单.txt"
    names = sorted(f.unit for f in made)
    expected.write_text("\n".join([*names, "三水区统计局", "三水区林业局"]), encoding="utf-8")
    return db, sorted(made, key=lambda f: f.unit), expected


def _expected_rows(made: list[UnitFile]) -> list[list[object]]:
    rows: list[list[object]] = []

    def add(unit: str, category: str, task: Task, role: str) -> None:
        rows.append(
            [
                len(rows) + 1,
                unit,
                category,
                task.task,
                task.objective or None,
                task.target or None,
                "\n".join(task.schedule_lines()) or None,
                leaders_text(task.leaders) or None,
                role or None,
            ]
        )

    for unit_file in made:
        book = unit_file.book
        for task in book.key_tasks:
            add(unit_file.unit, KEY_CATEGORY, task, task.role or "")
        for task in book.functional_tasks:
            add(unit_file.unit, FUNCTIONAL_CATEGORY, task, "")
    return rows


def test_the_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, office: tuple[Path, list[UnitFile], Path]
) -> None:
    db, made, expected = office
    out = tmp_path / "汇总表.xlsx"
    args = ["--db", str(db), "summary", "--year", "2021", "--xlsx", str(out)]
    assert main([*args, "--expected", str(expected)]) == 0
    assert capsys.readouterr() == ("", "")
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["汇总表", "检查情况"]
    ws = workbook["汇总表"]
    assert ws["A1"].value == "2021年度绩效目标责任书汇总表" and ws["A1"].font.name == "黑体"
    headers = [ws.cell(2, c).value for c in range(1, 10)]
    assert headers == [
        "序号", "单位", "类别", "工作任务", "年度目标", "目标", "全年进度安排", "责任领导",
        "牵头/协办",
    ]  # fmt: skip
    quarters = [ws.cell(2, c).value for c in range(10, 18)]
    assert quarters == ["第一季度", None, "第二季度", None, "第三季度", None, "第四季度", None]
    assert [ws.cell(3, c).value for c in range(10, 18)] == ["进度", "完成情况"] * 4
    assert ws.cell(2, 18).value == "自评结果"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:R1", "A2:A3", "I2:I3", "J2:K2", "L2:M2", "N2:O2", "P2:Q2", "R2:R3"} <= merged
    want = _expected_rows(made)
    got = [[ws.cell(r, c).value for c in range(1, 10)] for r in range(4, 4 + len(want))]
    assert got == want
    assert ws.cell(4 + len(want), 1).value is None  # no row more
    # A unit that reported two quarters, the second 滞后, the rest not reported.
    lines = iter(range(4, 4 + len(want)))
    tasks = [
        (unit_file, task)
        for unit_file in made
        for task in (*unit_file.book.key_tasks, *unit_file.book.functional_tasks)
    ]
    for (unit_file, task), row in zip(tasks, lines, strict=True):
        cells = [ws.cell(row, c).value for c in range(10, 19)]
        for q in (1, 2, 3, 4):
            report = next((p for p in task.progress if p.quarter == q), None)
            pair = cells[2 * (q - 1) : 2 * q]
            if report is None:
                assert pair == ["未填报", None], (unit_file.name, q)
            else:
                assert pair == [report.status, report.done or None], (unit_file.name, q)
        assert cells[8] == (task.review.result if task.review else None)
        assert ws.cell(row, 2).font.name == "仿宋" and ws.cell(row, 5).alignment.wrap_text
    assert any(ws.cell(r, 18).value == "基本完成" for r in range(4, 4 + len(want)))
    # Ready to print: A4 landscape, one page wide, the header repeated, page numbers,
    # the header frozen, the unit column filterable.
    for sheet in workbook:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert (
            sheet.sheet_properties.pageSetUpPr.fitToPage and (sheet.page_setup.fitToWidth or 1) == 1
        )
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$2:$3"
        assert sheet.oddFooter.center.text == FOOTER
        assert sheet.freeze_panes == "A4"
    assert ws.auto_filter.ref == f"B3:B{3 + len(want)}"
    assert ws.column_dimensions["B"].width == 14 and ws.column_dimensions["G"].width == 30

    checks = workbook["检查情况"]
    assert [checks.cell(2, c).value for c in range(1, 8)] == [
        "序号", "单位", "报送时间", "定稿", "重点工作数", "职能工作数", "检查发现",
    ]  # fmt: skip
    assert checks.cell(2, 8).value == "进展（绿 黄 红）" and checks.cell(2, 12).value == "未报进展"
    rows = {checks.cell(r, 2).value: r for r in range(4, 4 + len(made) + 2)}
    assert [checks.cell(r, 1).value for r in sorted(rows.values())] == list(range(1, len(made) + 3))
    for missing in ("三水区统计局", "三水区林业局"):
        assert checks.cell(rows[missing], 3).value == "未报送"
    for unit_file in made:
        r = rows[unit_file.unit]
        book = unit_file.book
        assert checks.cell(r, 5).value == len(book.key_tasks)
        assert checks.cell(r, 6).value == len(book.functional_tasks)
        found = checks.cell(r, 7).value or ""
        assert all(d in found for d in unit_file.defects), (unit_file.name, found)
        lights = [checks.cell(r, c).value for c in range(8, 12)]
        assert any(lights) == any(t.progress for t in book.functional_tasks)
    note = checks.cell(4 + len(made) + 2 + 1, 1).value
    assert note == f"共 {len(made) + 2} 个单位，已报送 {len(made)} 个，未报送 2 个。"


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils is not installed")
def test_the_pdf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, office: tuple[Path, list[UnitFile], Path]
) -> None:
    db, made, expected = office
    pdf = tmp_path / "汇总表.pdf"
    args = ["--db", str(db), "summary", "--year", "2021", "--xlsx", str(tmp_path / "s.xlsx")]
    assert main([*args, "--pdf", str(pdf), "--expected", str(expected)]) == 0
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    assert float(size[2]) > float(size[4])  # landscape
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    texts = [
        subprocess.run(
            [str(pdftotext), "-f", str(p), "-l", str(p), "-raw", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(" ", "")
        for p in range(1, pages + 1)
    ]
    assert "2021年度绩效目标责任书汇总表" in texts[0]
    assert f"已报送单位：{len(made)}个" in texts[0] and "未报送单位：2个" in texts[0]
    for text in texts:  # the header on every page
        assert "工作任务" in text and "全年进度安排" in text and "各季度进展" in text
    whole = "".join(texts).replace("\n", "")  # in the order printed, each cell's lines
    for unit_file in made:
        for task in unit_file.book.functional_tasks:
            assert task.task.replace(" ", "") in whole
    assert "第一季度：按进度。第1季度已推进。" in whole
    assert "制表人：" in texts[-1]


def test_no_book_of_the_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(tmp_path / "b.sqlite3"), "summary", "--year", "2030", "--xlsx", str(out)])
    assert caught.value.code == EXIT_ERROR
    assert capsys.readouterr().err == "数据库中没有 2030 年度的蓝皮书，没有可汇总的内容。\n"
    assert not out.exists()


soffice = shutil.which("soffice") or shutil.which("libreoffice")
# Calc is a package of its own (libreoffice-calc-nogui); Writer alone converts no workbook.
calc = soffice is not None and any(
    (Path(soffice).resolve().parent / name).exists() for name in ("libsclo.so", "sclo.dll")
)


@pytest.mark.skipif(not calc or pdftotext is None, reason="LibreOffice Calc or poppler missing")
def test_libreoffice_prints_the_workbook(
    tmp_path: Path, office: tuple[Path, list[UnitFile], Path]
) -> None:
    """Printed by LibreOffice: A4 landscape, every column on the page (自评结果 the last),
    the two header lines on every page, 第 n 页 共 m 页 at the foot."""
    db, made, expected = office
    path = tmp_path / "summary.xlsx"
    assert main(["--db", str(db), "summary", "--year", "2021", "--xlsx", str(path)]) == 0
    assert soffice is not None
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
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
    assert float(size[2]) > float(size[4]) and abs(float(size[2]) - 842) < 3
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    first = ""
    for page in range(1, pages + 1):
        text = subprocess.run(
            [str(pdftotext), "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(" ", "")
        first = first or text
        if "检查情况" in text:
            break  # the second sheet begins
        assert "工作任务" in text and "第四季度" in text and "自评结果" in text, page
        assert f"共{pages}页" in text
    assert "汇总表" in first and made[0].unit[:6] in first
