"""The closing block for reportlab: 单位负责人意见, the signature line and the seal area.

The opinion flows over pages like any text; the signing part (signature line, seal area,
date) never splits and always stands on the page of the opinion's last line, so no page
holds a signature without the text it signs.
"""

from __future__ import annotations

from bluebook_desktop.formats.platypus import Flowable, Paragraph

_FUZZ = 1e-6
ORPHAN_LINES = 2  # a paragraph's first part has at least this many lines (reportlab's rule)


class ClosingBlock(Flowable):
    """Stacked parts: `lead` (the gap and the heading), the `opinion`, then `signing`.

    Either end may be missing in a piece split from a longer block: the first piece has
    no signing part, the rest no lead.
    """

    def __init__(
        self,
        lead: list[Flowable],
        opinion: Flowable,
        signing: list[Flowable],
    ) -> None:
        super().__init__()
        self.lead = lead
        self.opinion = opinion
        self.signing = signing
        self._sizes: list[tuple[float, float]] = []
        self._first_piece: dict[float, float] = {}  # the table below asks on every wrap
        # The page its heading is drawn on goes here when asked for (the live preview).
        self.pages_seen: list[int] | None = None

    def _parts(self) -> list[Flowable]:
        return [*self.lead, self.opinion, *self.signing]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self._sizes = [part.wrap(availWidth, availHeight) for part in self._parts()]
        self.height = sum(height for _width, height in self._sizes)
        return availWidth, self.height

    def draw(self) -> None:
        if self.lead and self.pages_seen is not None:
            self.pages_seen.append(self.canv.getPageNumber() - 1)
        top = self.height
        for part, (width, height) in zip(self._parts(), self._sizes, strict=True):
            top -= height
            x = self.width - width if getattr(part, "hAlign", "LEFT") == "RIGHT" else 0
            part.drawOn(self.canv, x, top)

    def _lines(self, width: float) -> int:
        """Lines of the opinion, or 0 when it is not text that can flow (the blank lines
        left for a handwritten opinion)."""
        if not isinstance(self.opinion, Paragraph):
            return 0
        self.opinion.wrap(width, 1e9)
        return len(self.opinion.blPara.lines)

    def _leading(self) -> float:
        return float(self.opinion.style.leading)

    def _height_of(self, parts: list[Flowable], width: float) -> float:
        return sum(part.wrap(width, 1e9)[1] for part in parts)

    def first_piece_height(self, width: float) -> float:
        """The least of this block that must stand below the last task: the heading and
        two lines of a longer opinion, else the whole block."""
        if width not in self._first_piece:
            lines = self._lines(width)
            if lines <= ORPHAN_LINES or not self.signing:
                height = self._height_of(self._parts(), width)
            else:
                height = self._height_of(self.lead, width) + ORPHAN_LINES * self._leading()
            self._first_piece[width] = height
        return self._first_piece[width]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.wrap(availWidth, availHeight)[1] <= availHeight + _FUZZ:
            return [self]
        lines = self._lines(availWidth)
        if lines < ORPHAN_LINES + (1 if self.signing else 0):
            return []
        room = availHeight - self._height_of(self.lead, availWidth)
        fit = int((room + _FUZZ) / self._leading())
        if self.signing:
            fit = min(fit, lines - 1)  # the opinion's last line stays with the signing part
        if fit < ORPHAN_LINES:
            return []
        pieces = self.opinion.split(availWidth, fit * self._leading() + _FUZZ)
        if len(pieces) != 2:
            return []
        head, rest = pieces
        parts = [ClosingBlock(self.lead, head, []), ClosingBlock([], rest, self.signing)]
        for part in parts:
            part.pages_seen = self.pages_seen
        return parts

    def __repr__(self) -> str:
        return f"<ClosingBlock {self._parts()!r}>"
