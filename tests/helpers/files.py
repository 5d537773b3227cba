"""The fixture files, named once."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# The real book: a unit's filled 2021 form (../docs/official-form-2021.txt), as a file.
FIXTURE_BOOK = FIXTURES / "sanshui-cppcc-2021.bluebook.json"
SCHEMA_V1 = FIXTURES / "bluebook-v1.schema.json"
# A database of each earlier schema, made by make_schema_db.py beside them, with the real
# book in it; each new schema adds its own.
OLD_DATABASES = {
    "0001": FIXTURES / "first-schema.sqlite3",
    "0002": FIXTURES / "schema-0002.sqlite3",
    "0003": FIXTURES / "schema-0003.sqlite3",
}
# Version 2 of the portable file, and a year of the real book in it: progress, a review,
# 定稿, an adjustment and the self-review.
SCHEMA_V2 = FIXTURES / "bluebook-v2.schema.json"
EXAMPLE_YEAR = FIXTURES / "example-year.bluebook.json"
