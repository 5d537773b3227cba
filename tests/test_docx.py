"""Word interchange: export to .docx, import a filled .docx, and every refusal."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers.books import steps

from bluebook_desktop.domain import Book, ScheduleEntry, next_year_book
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import book_to_dict
from bluebook_desktop.formats.schedule_text import (
    objective_from_lines,
    quarters_of_label,
    schedule_from_lines,
    split_step,
)

docx = pytest.importorskip("docx")

from bluebook_desktop.formats.docx import build_document, write_docx  # noqa: E402
from bluebook_desktop.formats.docx_import import read_docx  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _same(a: Book, b: Book) -> bool:
    return book_to_dict(a) == book_to_dict(b)


# --- form vocabulary ---


@pytest.mark.parametrize(
    ("label", "quarters"),
    [
        ("第一季度", (1,)),
        ("一季度", (1,)),
        ("第 4 季度", (4,)),
        ("第二、三季度", (2, 3)),
        ("第一、第二季度", (1, 2)),
        ("二，四季度", (2, 4)),
        ("第一至三季度", (1, 2, 3)),
        ("第一季度至第三季度", (1, 2, 3)),
        ("1-2季度", (1, 2)),
        ("上半年", (1, 2)),
        ("下半年", (3, 4)),
        ("全年", (1, 2, 3, 4)),
        ("全年度", (1, 2, 3, 4)),
        ("全 年", (1, 2, 3, 4)),
        ("第三至一季度", None),
        ("第五季度", None),
        ("年底", None),
    ],
)
def test_quarter_labels(label: str, quarters: tuple[int, ...] | None) -> None:
    assert quarters_of_label(label) == quarters


def test_a_step_needs_a_colon_after_its_label() -> None:
    assert split_step("第二、三季度：召开协调会。") == ((2, 3), "召开协调会。")
    assert split_step("上半年 : 制定方案") == ((1, 2), "制定方案")
    assert split_step("全年收集政协社情民意信息") is None


def test_schedule_lines_continue_and_split() -> None:
    entries, loose = schedule_from_lines(
        ["按计划推进", "第一季度：制定方案", "并报批。", "第二季度：实施。第三、四季度：总结。"]
    )
    assert steps(entries) == steps(
        (
            ScheduleEntry((1,), "制定方案\n并报批。"),
            ScheduleEntry((2,), "实施。"),
            ScheduleEntry((3, 4), "总结。"),
        )
    )
    assert loose == ["按计划推进"]


def test_objective_and_target() -> None:
    assert objective_from_lines(["做好工作。", "目标：完成 100%。"]) == (
        "做好工作。",
        "完成 100%。",
    )
    assert objective_from_lines(["做好工作。目标:完成。"]) == ("做好工作。", "完成。")
    assert objective_from_lines(["加强联系。"]) == ("加强联系。", "")


# --- export and round trip ---


def test_fixture_round_trip(fixture_book: Book, tmp_path: Path) -> None:
    out = tmp_path / "book.docx"
    write_docx(fixture_book, out)
    reading = read_docx(out)
    assert _same(reading.book, fixture_book)
    assert reading.unplaced == []
    assert "职能工作：9 项" in reading.summary()


def test_round_trip_with_key_tasks_and_line_breaks(fixture_book: Book, tmp_path: Path) -> None:
    from dataclasses import replace

    key = replace(
        fixture_book.functional_tasks[1],
        role="协办",
        objective="第一行\n第二行",
        schedule=(ScheduleEntry((1, 2, 3), "调研\n形成报告"), ScheduleEntry((4,), "总结")),
    )
    book = replace(
        fixture_book,
        key_tasks=(key, replace(key, role=None, task="营商环境")),
        no_key_tasks=False,
        head_opinion="同意。\n请按计划推进。",
        cover=replace(fixture_book.cover, serial="A-007", filled_on=None),
    )
    out = tmp_path / "book.docx"
    write_docx(book, out)
    reading = read_docx(out)
    assert _same(reading.book, book), reading.summary()


def test_empty_book_round_trip(tmp_path: Path) -> None:
    book = Book()
    out = tmp_path / "empty.docx"
    write_docx(book, out)
    reading = read_docx(out)
    assert _same(reading.book, book), reading.summary()


def test_export_layout(fixture_book: Book) -> None:
    doc = build_document(fixture_book)
    body = doc.sections[1]
    assert round(body.page_width.mm) == 210 and round(body.page_height.mm) == 297
    margins = (body.top_margin, body.bottom_margin, body.left_margin, body.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    xml = doc.element.xml
    assert 'w:eastAsia="宋体"' in xml and 'w:eastAsia="仿宋"' in xml
    assert "eastAsiaTheme" not in doc.styles.element.xml  # a theme font would win over ours
    assert doc.settings.element.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"
    key, functional = doc.tables[1], doc.tables[2]
    assert [c.text for c in key.rows[1].cells] == ["无"] * 6
    assert functional.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    grid = [int(col.get(f"{W}w")) for col in functional._tbl.tblGrid.findall(f"{W}gridCol")]
    assert len(grid) == 5 and abs(sum(grid) - 156 * 1440 / 25.4) < 10
    assert body.footer.paragraphs[0].text.startswith("— ")
    assert "PAGE" in body.footer._element.xml
    assert doc.sections[0].footer.is_linked_to_previous  # the cover has no page number
    texts = [p.text for p in doc.paragraphs]
    assert "单位名称：政协佛山市三水区委员会（公章）" in texts
    assert "填表日期：2021年10月12日" in texts
    assert "单位盖章：" in texts


# --- a hand-typed file ---


def _fill(row: Any, texts: list[str]) -> None:
    for cell, text in zip(row.cells, texts, strict=True):
        cell.text = text


def _hand_typed(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("附件3")
    box = d.add_table(rows=2, cols=2)
    box.cell(0, 0).text, box.cell(0, 1).text = "年 度", " 2022 "
    box.cell(1, 0).text = "编号"
    d.add_paragraph("佛山市三水区某某局绩效目标责任书")
    d.add_paragraph("(蓝皮书)")
    d.add_paragraph("")
    d.add_paragraph("单 位 名 称 : 佛山市三水区某某局 (公章)")
    d.add_paragraph("填表人姓名及职务：王 五\t办公室主任")
    d.add_paragraph("联系电话:0757-87771234")
    d.add_paragraph("填表日期：2022 年 3 月 5 日")
    d.add_paragraph("（此页不编页码）")
    d.add_paragraph("佛山市三水区绩效管理工作领导小组办公室 编制")
    d.add_paragraph("2022 年 2 月")
    d.add_paragraph("重点工作、改革重点项目任务目标")
    d.add_paragraph("注:如本单位未承担以上工作的，请在表中填“无”。")
    key = d.add_table(rows=3, cols=6)
    _fill(
        key.rows[0],
        ["序 号", "工作任务", "年度目标/改革要点", "全年进度安排", "责任领导", "牵头/协办"],
    )
    _fill(
        key.rows[1],
        ["1", "营商环境", "优化营商环境。\n目标:办结率100%", "上半年：制定方案。", "张 三", "牵头"],
    )
    schedule = key.cell(1, 3).add_paragraph()
    schedule.add_run("下半年：推进")
    schedule.add_run().add_break()
    schedule.add_run("落实。")  # a typed line break inside a step
    d.add_paragraph("职能工作任务目标")
    d.add_paragraph("注：原则上合计不超过3项。")
    first = d.add_table(rows=4, cols=5)
    _fill(first.rows[0], ["序号", "工作任务", "年度目标", "全年进度安排", "责任领导"])
    merged = first.cell(1, 1).merge(first.cell(2, 1))  # one 政治协商 for two tasks
    merged.text = "政治协商"
    first.cell(1, 0).text = "1"
    first.cell(1, 2).text = "协商确定工作要点。"
    first.cell(1, 2).add_paragraph("")
    first.cell(1, 2).add_paragraph("目标：党委与政协有效协商")
    first.cell(1, 3).text = "第一至三季度：开展协商。"
    first.cell(1, 3).add_paragraph("")
    first.cell(1, 3).add_paragraph("全年度：跟进落实。")
    first.cell(1, 4).text = "陈 晓  李飞跃"
    first.cell(2, 0).text = "2"
    first.cell(2, 2).text = "开展提案办理协商。"
    first.cell(2, 3).text = "一季度：交办提案。"
    first.cell(2, 4).text = "陈 晓"
    first.cell(2, 3).paragraphs[0].insert_paragraph_before("按计划推进")  # names no quarter
    # row 3 stays blank, as typists leave it
    d.add_paragraph("")
    second = d.add_table(rows=3, cols=5)  # the table goes on after a page break
    _fill(
        second.rows[0],
        ["3", "民主监督", "开展专题视察。\n目标：不少于 3 次。", "第二季度：视察。", "何兰芳"],
    )
    second.cell(1, 3).text = "第四季度：总结。"  # the same task, continued on a new row
    second.cell(1, 2).text = "形成报告。"
    d.add_paragraph("单位负责人意见：")
    d.add_paragraph("同意")
    d.add_paragraph("单位负责人(签名):")
    d.add_paragraph("单位盖章:")
    d.add_paragraph("年   月   日")
    d.save(path)


def test_import_hand_typed(tmp_path: Path) -> None:
    path = tmp_path / "typed.docx"
    _hand_typed(path)
    reading = read_docx(path)
    book, cover = reading.book, reading.book.cover
    assert (cover.attachment, cover.year, cover.serial) == ("附件3", 2022, "")
    assert (cover.title, cover.edition) == ("佛山市三水区某某局绩效目标责任书", "蓝皮书")
    assert cover.unit_name == "佛山市三水区某某局"
    assert (cover.filler_name, cover.filler_position) == ("王五", "办公室主任")
    assert cover.phone == "0757-87771234"
    assert str(cover.filled_on) == "2022-03-05"
    assert cover.issuer == "佛山市三水区绩效管理工作领导小组办公室"
    assert cover.issued_on is not None and cover.issued_on.iso() == "2022-02"
    assert book.key_tasks_note == "如本单位未承担以上工作的，请在表中填“无”。"
    assert book.functional_tasks_title == "职能工作任务目标"
    assert book.head_opinion == "同意"

    [key] = book.key_tasks
    assert (key.task, key.objective, key.target, key.role) == (
        "营商环境",
        "优化营商环境。",
        "办结率100%",
        "牵头",
    )
    assert key.leaders == ("张三",)
    assert steps(key.schedule) == steps(
        (ScheduleEntry((1, 2), "制定方案。"), ScheduleEntry((3, 4), "推进\n落实。"))
    )

    one, two, three = book.functional_tasks
    assert (one.task, two.task, three.task) == ("政治协商", "政治协商", "民主监督")
    assert (one.objective, one.target) == ("协商确定工作要点。", "党委与政协有效协商")
    assert steps(one.schedule) == steps(
        (ScheduleEntry((1, 2, 3), "开展协商。"), ScheduleEntry((1, 2, 3, 4), "跟进落实。"))
    )
    assert one.leaders == ("陈晓", "李飞跃") and two.leaders == ("陈晓",)
    assert steps(two.schedule) == steps((ScheduleEntry((1,), "交办提案。"),))
    assert three.objective == "开展专题视察。" and three.target == "不少于 3 次。\n形成报告。"
    assert [e.quarters for e in three.schedule] == [(2,), (4,)]

    # what could not be placed is shown, never dropped
    assert "封面：（此页不编页码）" in reading.unplaced
    assert any("续写" in note for note in reading.unplaced)
    assert any("“按计划推进”没有写明季度" in note for note in reading.unplaced)
    summary = reading.summary()
    assert "（此页不编页码）" in summary and "职能工作：3 项" in summary


def test_import_template_layout(tmp_path: Path) -> None:
    """As the office's template: boxes, 无 plus blank rows, numbered spare rows, the closing
    block in the table's last row, and a table split in three without repeated headers."""
    d = docx.Document()
    box = d.add_table(rows=2, cols=4)
    box.cell(0, 0).text, box.cell(0, 1).text = "年度", "2021"
    box.cell(1, 0).text, box.cell(1, 1).text = "编号", "A"
    box.cell(1, 2).text = "07"
    d.add_paragraph("佛山市三水区政协机关绩效目标责任书 (蓝皮书)")
    d.add_paragraph("单位名称：政协佛山市三水区委员会（公章）")
    d.add_paragraph("填表日期：　　年　　月　　日")
    key = d.add_table(rows=5, cols=6)
    _fill(
        key.rows[0],
        ["序号", "工作任务", "年度目标/改革要点", "全年进度安排", "责任领导", "牵头/协办"],
    )
    _fill(key.rows[1], ["无"] * 6)
    d.add_paragraph("职能工作任务目标")
    tables = [d.add_table(rows=2, cols=5)]
    _fill(tables[0].rows[0], ["序号", "工作任务", "年度目标", "全年进度安排", "责任领导"])
    _fill(tables[0].rows[1], ["1", "政治协商", "协商。", "第一季度：协商。", "何兰芳 李飞跃"])
    for number in ("2", "3"):
        d.add_paragraph("")
        table = d.add_table(rows=1, cols=5)
        _fill(table.rows[0], [number, "民主监督", "视察。", "第二季度：视察。", "陈 晓"])
        tables.append(table)
    spare = tables[-1].add_row()
    spare.cells[0].text = "4"  # numbered by the template, never filled
    closing = tables[-1].add_row()
    whole = closing.cells[0].merge(closing.cells[4])
    whole.text = "单位负责人意见：同意"
    whole.add_paragraph("单位负责人(签名):")
    whole.add_paragraph("单位盖章:")
    path = tmp_path / "template.docx"
    d.save(path)

    reading = read_docx(path)
    book = reading.book
    assert (book.cover.year, book.cover.serial) == (2021, "A07")
    assert (book.cover.title, book.cover.edition) == (
        "佛山市三水区政协机关绩效目标责任书",
        "蓝皮书",
    )
    assert book.cover.filled_on is None
    assert book.key_tasks == () and book.prints_no_key_tasks
    assert [t.task for t in book.functional_tasks] == ["政治协商", "民主监督", "民主监督"]
    assert book.functional_tasks[2].leaders == ("陈晓",)
    assert book.head_opinion == "同意"
    assert reading.unplaced == []


def test_text_boxes_content_controls_and_tracked_changes(
    fixture_book: Book, tmp_path: Path
) -> None:
    """Templates put the 年度/编号 boxes in text boxes and fields in content controls."""
    from lxml import etree

    doc = build_document(fixture_book)
    phone = next(p for p in doc.paragraphs if p.text.startswith("联系电话"))
    body = doc.element.body
    body.remove(doc.tables[0]._tbl)  # the boxes, typed into a text box below instead
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = etree.fromstring(
        f"<w:p {namespaces}><w:r><mc:AlternateContent><mc:Choice Requires='wps'><wps:wsp>"
        "<wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>年度：</w:t></w:r><w:ins><w:r><w:t>2021</w:t></w:r></w:ins></w:p>"
        "<w:p><w:r><w:t>编号：</w:t></w:r><w:del><w:r><w:delText>99</w:delText></w:r></w:del>"
        "<w:r><w:t>A1</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></wps:wsp></mc:Choice><mc:Fallback><w:pict><v:shape>"
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>年度：2021</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    body.insert(1, box)
    control = etree.fromstring(f"<w:sdt {namespaces}><w:sdtPr/><w:sdtContent/></w:sdt>")
    phone._p.addprevious(control)
    control[1].append(phone._p)
    path = tmp_path / "boxes.docx"
    doc.save(path)

    reading = read_docx(path)
    assert (reading.book.cover.year, reading.book.cover.serial) == (2021, "A1")
    assert reading.book.cover.phone == "87771621"
    assert reading.unplaced == []


def test_key_section_typed_as_text(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("单位名称：某某局")
    d.add_paragraph("佛山市三水区绩效管理工作领导小组办公室编制")
    d.add_paragraph("一、重点工作、改革重点项目任务目标")
    d.add_paragraph("注：如本单位未承担以上工作的，请在表中填“无”。")
    d.add_paragraph("无")
    d.add_paragraph("二、职能工作任务目标")
    table = d.add_table(rows=2, cols=5)
    _fill(table.rows[0], ["序号", "工作任务", "年度目标", "全年进度安排", "责任领导"])
    _fill(table.rows[1], ["1", "办文", "办好文。", "全年：办文。", "张三"])
    path = tmp_path / "text.docx"
    d.save(path)
    reading = read_docx(path)
    book = reading.book
    assert book.key_tasks_title == "一、重点工作、改革重点项目任务目标"
    assert book.functional_tasks_title == "二、职能工作任务目标"
    assert book.cover.issuer == "佛山市三水区绩效管理工作领导小组办公室"
    assert book.prints_no_key_tasks
    assert steps(book.functional_tasks[0].schedule) == [((1, 2, 3, 4), "办文。")]
    assert any("没有找到年度" in note for note in reading.unplaced)


def test_no_key_tasks_row_and_merged_columns(tmp_path: Path, fixture_book: Book) -> None:
    out = tmp_path / "book.docx"
    write_docx(fixture_book, out)
    d = docx.Document(out)
    table = d.tables[2]
    row = table.rows[1]
    wide = row.cells[2].merge(row.cells[3])  # 年度目标 and 全年进度安排 in one cell
    assert wide.text
    d.save(out)
    reading = read_docx(out)
    assert reading.book.prints_no_key_tasks and reading.book.key_tasks == ()
    assert any("合并单元格横跨" in note for note in reading.unplaced)


def test_carry_over_from_word(fixture_book: Book, tmp_path: Path) -> None:
    out = tmp_path / "2021.docx"
    write_docx(fixture_book, out)
    new = next_year_book(read_docx(out).book)
    assert new.cover.year == 2022 and new.id is None
    assert len(new.functional_tasks) == 9 and new.head_opinion == ""


# --- refusals ---


def _docx_bytes(book: Book) -> bytes:
    buffer = io.BytesIO()
    build_document(book).save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _spreadsheet() -> bytes:
    """An Office package whose main part is a workbook: an .xlsx renamed to .docx."""
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    )
    return _zip(
        {
            "[Content_Types].xml": types.encode(),
            "_rels/.rels": rels.encode(),
            "xl/workbook.xml": b"<workbook/>",
        }
    )


def _refusals(fixture_book: Book) -> dict[str, tuple[str, bytes, str]]:
    good = _docx_bytes(fixture_book)
    corrupt = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    corrupt[start : start + 40] = bytes(40)
    plain = docx.Document()
    plain.add_paragraph("关于召开年度工作会议的通知")
    buffer = io.BytesIO()
    plain.save(buffer)
    return {
        "legacy": ("old.doc", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504), "另存为"),
        "legacy named docx": ("old.docx", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504), "另存为"),
        "text": ("notes.docx", "不是文档".encode(), "不是 Word 文档"),
        "truncated": ("cut.docx", good[: len(good) // 2], "已损坏"),
        "corrupt member": ("bad.docx", bytes(corrupt), "已损坏"),
        "other zip": ("data.docx", _zip({"data.csv": b"1,2"}), "不是 Word 文档"),
        "spreadsheet": ("sheet.docx", _spreadsheet(), "不是 Word 文档"),
        "bomb": ("bomb.docx", _zip({"[Content_Types].xml": bytes(3 * 2**20)}), "压缩比过高"),
        "too big": ("big.docx", _zip({f"{i}.bin": bytes(13 * 2**20) for i in range(4)}), "过大"),
        "not the form": ("notice.docx", buffer.getvalue(), "不是绩效目标责任书"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "legacy",
        "legacy named docx",
        "text",
        "truncated",
        "corrupt member",
        "other zip",
        "spreadsheet",
        "bomb",
        "too big",
        "not the form",
    ],
)
def test_refusals(case: str, fixture_book: Book, tmp_path: Path) -> None:
    name, data, words = _refusals(fixture_book)[case]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError) as caught:
        read_docx(path)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="无法读取文件"):
        read_docx(tmp_path / "none.docx")


# --- command line ---


def test_cli_export_and_import(
    fixture_book: Book, repository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluebook_desktop.cli import main

    stored = repository.add(fixture_book)
    db = str(repository.engine.url.database)
    out = tmp_path / "out.docx"
    assert main(["--db", db, "export", str(stored.id), "--docx", str(out)]) == 0
    assert main(["--db", db, "import", str(out)]) == 0
    captured = capsys.readouterr()
    new_id = int(captured.out.strip())
    assert "职能工作：9 项" in captured.err
    assert _same(repository.load(new_id), fixture_book)


@pytest.mark.parametrize("case", ["legacy", "truncated", "not the form"])
def test_cli_refusal_changes_nothing(
    case: str, fixture_book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluebook_desktop.cli import main

    name, data, words = _refusals(fixture_book)[case]
    path = tmp_path / name
    path.write_bytes(data)
    db = str(tmp_path / "cli.sqlite3")
    with pytest.raises(SystemExit) as exited:
        main(["--db", db, "import", str(path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert main(["--db", db, "list"]) == 0
    assert capsys.readouterr().out == ""


# --- LibreOffice, where installed ---


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_export(fixture_book: Book, tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    out = tmp_path / "book.docx"
    write_docx(fixture_book, out)
    profile = tmp_path / "lo-profile"  # a private profile: a running LibreOffice must not interfere
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "book.pdf"
    assert pdf.stat().st_size > 10_000
    if pdftotext:
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        for words in ("绩效目标责任书", "职能工作任务目标", "何兰芳", "单位盖章"):
            assert words in text
        cover, first, *_ = text.split("\f")
        assert not re.search(r"—\s*\d+\s*—", cover)  # the cover has no page number
        assert re.search(r"—\s*1\s*—", first)


def test_control_characters_are_dropped_on_export(fixture_book: Book, tmp_path: Path) -> None:
    from dataclasses import replace

    first = replace(fixture_book.functional_tasks[0], objective="开展\x02视察\x1f。")
    book = replace(
        fixture_book,
        head_opinion="同意\x0c\r\n请核对",
        functional_tasks=(first, *fixture_book.functional_tasks[1:]),
    )
    path = tmp_path / "controls.docx"
    write_docx(book, path)  # Word refuses control characters: they must not reach the file
    back = read_docx(path).book
    assert back.head_opinion == "同意\n请核对"
    assert back.functional_tasks[0].objective == "开展视察。"


def test_a_word_file_beyond_the_books_limits_is_refused_whole(
    fixture_book: Book, tmp_path: Path
) -> None:
    from dataclasses import replace

    long_task = replace(fixture_book.functional_tasks[0], objective="视察" * 12_000)
    book = replace(fixture_book, functional_tasks=(long_task, *fixture_book.functional_tasks[1:]))
    path = tmp_path / "long.docx"
    write_docx(book, path)  # Word holds it; the book's file format would not
    with pytest.raises(UserError, match="文字过长") as caught:
        read_docx(path)
    assert "long.docx" in str(caught.value)


def test_characters_xml_cannot_hold_are_dropped_on_export(
    fixture_book: Book, tmp_path: Path
) -> None:
    from dataclasses import replace

    book = replace(fixture_book, head_opinion="同\ufffe意\uffff")
    path = tmp_path / "odd.docx"
    write_docx(book, path)
    assert read_docx(path).book.head_opinion == "同意"


# --- task rows that use the header's words ---


@pytest.mark.parametrize(
    "name", ["完成区委交办任务", "重点项目推进", "招商引资项目", "项目建设", "任务", "项目"]
)
def test_tasks_named_with_header_words_survive_the_round_trip(
    name: str, fixture_book: Book, tmp_path: Path
) -> None:
    from dataclasses import replace

    tasks = list(fixture_book.functional_tasks)
    tasks[0] = replace(tasks[0], task=name, objective="年度目标：完成要点")
    tasks[3] = replace(
        tasks[3], task=name, schedule=(ScheduleEntry((1,), "进度安排到位"),), leaders=("责任人",)
    )
    key = replace(tasks[1], task=name, role="牵头", objective="改革要点")
    book = replace(
        fixture_book, functional_tasks=tuple(tasks), key_tasks=(key,), no_key_tasks=False
    )
    out = tmp_path / "book.docx"
    write_docx(book, out)
    reading = read_docx(out)
    assert len(reading.book.functional_tasks) == len(tasks), reading.summary()
    assert _same(reading.book, book), reading.summary()
    assert reading.unplaced == []


def test_a_header_row_repeated_on_a_new_page_is_skipped_and_said(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("二、职能工作任务目标")
    table = document.add_table(rows=4, cols=5)
    headers = ["序号", "工作任务", "年度目标", "全年进度安排", "责任领导"]
    _fill(table.rows[0], headers)
    _fill(table.rows[1], ["1", "项目建设", "目标。", "第一季度：安排。", "李飞跃"])
    _fill(table.rows[2], headers)
    _fill(table.rows[3], ["2", "任务", "要点。", "第二季度：进度。", "陈晓"])
    path = tmp_path / "typed.docx"
    document.save(str(path))
    reading = read_docx(path)
    assert [t.task for t in reading.book.functional_tasks] == ["项目建设", "任务"]
    assert any("重复的表头" in note for note in reading.unplaced)


def test_another_forms_table_is_refused_naming_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluebook_desktop.cli import main

    document = docx.Document()
    document.add_paragraph("项目支出绩效目标申报表")
    table = document.add_table(rows=2, cols=4)
    _fill(table.rows[0], ["序号", "项目名称", "年度绩效目标", "责任人"])
    _fill(table.rows[1], ["1", "道路维修", "完成 5 公里。", "李飞跃"])
    path = tmp_path / "other.docx"
    document.save(str(path))
    with pytest.raises(UserError, match="缺少“全年进度安排”栏"):
        read_docx(path)
    db = str(tmp_path / "cli.sqlite3")
    with pytest.raises(SystemExit):
        main(["--db", db, "import", str(path)])
    assert "不是绩效目标责任书" in capsys.readouterr().err
    assert main(["--db", db, "list"]) == 0
    assert capsys.readouterr().out == ""


def _lying_zip(good: bytes, hidden: int) -> bytes:
    """The book's .docx with styles.xml inflating to `hidden` bytes, declared as 30 KB."""
    import struct

    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b"</w:styles>", b"<!--" + b" " * hidden + b"--></w:styles>")
            archive.writestr(info.filename, data)
    raw = bytearray(buffer.getvalue())
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack("<H", raw[at + 28 : at + 30])[0]
        if raw[at + 46 : at + 46 + length] == b"word/styles.xml":
            struct.pack_into("<I", raw, at + 24, 30_000)  # the declared size
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


def test_a_zip_lying_about_its_sizes_is_refused_in_bounded_memory(
    fixture_book: Book, tmp_path: Path
) -> None:
    import tracemalloc

    path = tmp_path / "liar.docx"
    path.write_bytes(_lying_zip(_docx_bytes(fixture_book), 200 * 2**20))
    assert path.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(UserError, match="压缩"):
            read_docx(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, peak


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_given_as_word_file_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(UserError, match="不是普通文件"):
            read_docx(path)


def test_the_font_table_says_what_to_use_where_a_font_is_missing(
    fixture_book: Book, tmp_path: Path
) -> None:
    """A machine without Times New Roman (or 宋体) is told the other name and the kind of
    face, so WPS or LibreOffice substitutes a serif of Times' widths, not its default sans."""
    path = tmp_path / "book.docx"
    write_docx(fixture_book, path)
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
    fonts = {f.get(f"{W}name"): f for f in table.iter(f"{W}font")}

    def value(name: str, tag: str) -> str | None:
        element = fonts[name].find(f"{W}{tag}")
        return None if element is None else element.get(f"{W}val")

    assert value("Times New Roman", "altName") == "Liberation Serif"
    assert value("Times New Roman", "family") == "roman"
    assert [value(n, "altName") for n in ("宋体", "仿宋", "黑体")] == [
        "SimSun",
        "FangSong",
        "SimHei",
    ]
    assert {value(n, "charset") for n in ("宋体", "仿宋", "黑体")} == {"86"}  # GB2312
    assert docx.Document(str(path)).paragraphs  # python-docx still reads it whole
