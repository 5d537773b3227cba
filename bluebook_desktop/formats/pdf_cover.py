"""The cover's texts for reportlab: a title broken between words, a field shrunk only when
it alone would run too long, and a field's rule under every one of its lines."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors

from bluebook_desktop.formats.pdf_wrap import CJKParagraph

# Where a unit's name may break: after the words that end a place or a body's name, and
# before the form's own 绩效目标责任书. Chinese has no spaces; these are the word ends a
# typist breaks a cover title at (派出机构 / 绩效目标责任书, never 派出机 / 构).
WORD_ENDS = (
    "省", "市", "区", "县", "镇", "乡", "街道", "社区", "村", "委员会", "委", "局", "办公室",
    "办", "中心", "机关", "机构", "政府", "法院", "检察院", "人大", "政协", "党委", "总工会",
    "联合会", "协会", "学校", "医院", "公司", "集团", "所", "站", "队", "馆", "院", "处", "科",
    "部", "厅", "署", "团", "会", "组",
)  # fmt: skip
WORD_STARTS = ("绩效目标责任书", "绩效", "目标责任书", "责任书")


def title_lines(title: str, fits: Callable[[str], bool]) -> list[str]:
    """The title in lines that each fit, broken only between words where it can be."""
    lines: list[str] = []
    rest = title
    while rest and not fits(rest):
        cut = _last_word_break(rest, fits)
        if cut is None:
            break  # no word boundary fits: the paragraph's own line breaking takes over
        lines.append(rest[:cut])
        rest = rest[cut:]
    return [*lines, rest] if rest else lines


def _last_word_break(text: str, fits: Callable[[str], bool]) -> int | None:
    """The break before the form's name (绩效目标责任书) when the head fits the line, else
    the last word boundary whose head fits, if any."""
    best: int | None = None
    form_name: int | None = None
    for cut in range(1, len(text)):
        if not fits(text[:cut]):
            break
        if text[cut:].startswith(WORD_STARTS[0]):
            form_name = cut
        if text[cut:].startswith(WORD_STARTS) or text[:cut].endswith(WORD_ENDS):
            best = cut
    return form_name if form_name is not None else best


class RuledParagraph(CJKParagraph):
    """A field's value with the form's rule under each of its lines, across the width."""

    rule_width = 0.5

    def draw(self) -> None:
        super().draw()
        lines = len(self.blPara.lines) if hasattr(self, "blPara") else 0
        leading = self.style.leading
        heights = [self.height - (line + 1) * leading for line in range(lines)] or [0.0]
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(self.rule_width)
        for y in heights:
            canvas.line(0, y, self.width, y)
        canvas.restoreState()
