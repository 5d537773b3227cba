"""The printed book's measures: units, type sizes, the seal's room. The page, the tables and
the closing block's words come from the form's description (domain.form)."""

from __future__ import annotations

MM = 72 / 25.4  # points per millimetre

# Chinese type sizes in points
SIZE_2, SIZE_3, SIZE_4, SIZE_S4, SIZE_5 = 22.0, 16.0, 14.0, 12.0, 10.5

DATE_PARTS = ("年", "月", "日")  # printed apart, with room to write the date by hand
SEAL_AREA_MM = (60, 52)  # width, height: room for a 42–45 mm seal with margin around it
