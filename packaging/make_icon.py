"""Draw the program icon (a blue book) into resources/icons/bluebook.png and bluebook.ico.

Run once with Pillow installed (`python packaging/make_icon.py`); the outputs are committed, so
a build never needs Pillow for the icon. Drawn large, then scaled down, for smooth edges.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
SCALE = 4  # draw at 1024 px, then reduce to 256

COVER = (30, 86, 170, 255)  # the blue of the printed 蓝皮书
SPINE = (18, 56, 120, 255)
PAGES = (246, 243, 232, 255)
PAGE_LINE = (200, 195, 180, 255)
BAND = (226, 190, 92, 255)  # a gold title band
LABEL = (255, 255, 255, 255)


def draw(size: int = 256) -> Image.Image:
    s = size * SCALE
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s))

    radius = round(0.04 * s)
    # The pages, peeking out at the right and bottom edge.
    pen.rounded_rectangle(box(0.20, 0.10, 0.86, 0.92), radius, fill=PAGES)
    for i in range(3):
        y = 0.86 + i * 0.02
        pen.line(box(0.24, y, 0.84, y), fill=PAGE_LINE, width=max(1, s // 200))
    # The cover and its spine.
    pen.rounded_rectangle(box(0.14, 0.06, 0.80, 0.86), radius, fill=COVER)
    pen.rounded_rectangle(box(0.14, 0.06, 0.26, 0.86), radius, fill=SPINE)
    # A title band with two short "lines of text" in white.
    pen.rectangle(box(0.34, 0.24, 0.72, 0.44), fill=BAND)
    pen.rectangle(box(0.39, 0.29, 0.67, 0.32), fill=LABEL)
    pen.rectangle(box(0.43, 0.36, 0.63, 0.39), fill=LABEL)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    icon = draw(256)
    icon.save(ICONS / "bluebook.png", optimize=True)
    icon.save(ICONS / "bluebook.ico", sizes=ICO_SIZES)
    for name in ("bluebook.png", "bluebook.ico"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
