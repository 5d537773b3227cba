"""What a store can refuse, importable without SQLAlchemy (the window catches these)."""

from __future__ import annotations

from bluebook_desktop.errors import UserError


class BookMissing(UserError):
    pass


class StoreConflict(UserError):
    """Another window stored this book since it was loaded here; nothing was written."""


class EvidenceMissing(UserError):
    """A supporting file is named by a book but its bytes are not in the database."""
