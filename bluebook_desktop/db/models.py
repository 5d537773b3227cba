"""Typed SQLAlchemy 2 tables, named as the form and the portable file name things."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bluebook_desktop.db.rows import FUNCTIONAL, KEY  # noqa: F401 - the section values


class Base(DeclarativeBase):
    pass


class BookRow(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # cover
    year: Mapped[int] = mapped_column(Integer, index=True)
    serial: Mapped[str] = mapped_column(String(500), default="")
    attachment: Mapped[str] = mapped_column(String(500), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[str] = mapped_column(String(500), default="")
    unit_name: Mapped[str] = mapped_column(String(500), default="")
    filler_name: Mapped[str] = mapped_column(String(500), default="")
    filler_position: Mapped[str] = mapped_column(String(500), default="")
    phone: Mapped[str] = mapped_column(String(500), default="")
    filled_on: Mapped[str] = mapped_column(String(10), default="")  # YYYY-MM-DD or ""
    issuer: Mapped[str] = mapped_column(String(500), default="")
    issued_on: Mapped[str] = mapped_column(String(7), default="")  # YYYY-MM or ""
    # section texts, copied from the year's template
    key_tasks_title: Mapped[str] = mapped_column(String(500), default="")
    key_tasks_note: Mapped[str] = mapped_column(Text, default="")
    functional_tasks_title: Mapped[str] = mapped_column(String(500), default="")
    functional_tasks_note: Mapped[str] = mapped_column(Text, default="")
    head_opinion: Mapped[str] = mapped_column(Text, default="")
    no_key_tasks: Mapped[bool] = mapped_column(Boolean, default=False)
    # Raised by one on every store: a save based on an older revision is a conflict with
    # another window (see Repository.store). A new book starts at a random 62-bit value.
    revision: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # When the book was last stored: UTC, ISO 8601 ("2026-12-01T09:30:05+00:00"); "" for a
    # book not stored since the schema had this column.
    modified_at: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # the year after the signature
    uid: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    finalized_on: Mapped[str] = mapped_column(String(10), default="", server_default="")

    tasks: Mapped[list[TaskRow]] = relationship(
        back_populates="book",
        cascade="all, delete-orphan",
        order_by="(TaskRow.section, TaskRow.position)",
        passive_deletes=True,
    )


class TaskRow(Base):
    __tablename__ = "task"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(10))  # KEY or FUNCTIONAL
    position: Mapped[int] = mapped_column(Integer)
    task: Mapped[str] = mapped_column(String(500), default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str | None] = mapped_column(String(10), nullable=True)

    book: Mapped[BookRow] = relationship(back_populates="tasks")
    schedule: Mapped[list[ScheduleEntryRow]] = relationship(
        cascade="all, delete-orphan", order_by="ScheduleEntryRow.position", passive_deletes=True
    )
    leaders: Mapped[list[LeaderRow]] = relationship(
        cascade="all, delete-orphan", order_by="LeaderRow.position", passive_deletes=True
    )
    fields: Mapped[list[TaskFieldRow]] = relationship(
        cascade="all, delete-orphan", order_by="TaskFieldRow.name", passive_deletes=True
    )


class ScheduleEntryRow(Base):
    __tablename__ = "schedule_entry"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # ScheduleEntry.id
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    quarters: Mapped[str] = mapped_column(String(7))  # "2,3": quarters 1–4, comma-separated
    text: Mapped[str] = mapped_column(Text, default="")


class LeaderRow(Base):
    __tablename__ = "leader"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500), index=True)


class TaskFieldRow(Base):
    """The text of a column a form describes beyond the task's own fields (Task.extra)."""

    __tablename__ = "task_field"

    task_id: Mapped[str] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(100), primary_key=True)  # the column's name
    value: Mapped[str] = mapped_column(Text, default="")


class ProgressRow(Base):
    """One quarter's report on one task (Progress)."""

    __tablename__ = "progress"

    task_id: Mapped[str] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    quarter: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    done: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[str] = mapped_column(String(500), default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[str] = mapped_column(String(10), default="")  # YYYY-MM-DD or ""


class ReviewRow(Base):
    """The year-end review of one task (Review)."""

    __tablename__ = "review"

    task_id: Mapped[str] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    result: Mapped[str] = mapped_column(String(10))
    done: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float | None] = mapped_column(Float, nullable=True)


class AdjustmentRow(Base):
    __tablename__ = "adjustment"

    book_id: Mapped[int] = mapped_column(
        ForeignKey("book.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    on: Mapped[str] = mapped_column(String(10))
    what: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")


class SelfReviewRow(Base):
    __tablename__ = "self_review"

    book_id: Mapped[int] = mapped_column(
        ForeignKey("book.id", ondelete="CASCADE"), primary_key=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    reviewed_on: Mapped[str] = mapped_column(String(10), default="")
    score: Mapped[float | None] = mapped_column(Float, nullable=True)


class EvidenceRow(Base):
    """A supporting file's record where the book names it: a task's quarter report
    (kind "progress"), its review ("review", quarter 0) or the book's signed copy
    ("signed_copy", no task, quarter 0). The bytes are in evidence_file, if here at all."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    task_id: Mapped[str | None] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), nullable=True
    )
    quarter: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(500), default="")
    added_on: Mapped[str] = mapped_column(String(10), default="")


class EvidenceFileRow(Base):
    """A supporting file's bytes, once per content."""

    __tablename__ = "evidence_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(500))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[str] = mapped_column(String(32))  # UTC ISO 8601


class UnitAccessRow(Base):
    """On a server: the role that sees and writes one unit's books (row security)."""

    __tablename__ = "unit_access"

    role_name: Mapped[str] = mapped_column(String(100), primary_key=True)
    unit_name: Mapped[str] = mapped_column(String(500))


class ExpectedUnitRow(Base):
    """A unit the collecting office expects a book of in a year, in the list's order."""

    __tablename__ = "expected_unit"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
