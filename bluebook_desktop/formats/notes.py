"""Notes a reader gives on what it could not place: Chinese text, and the same note in the
user's language when the window shows it.

A note is the Chinese text itself (a str, as the command line prints it and tests look for
its words) that also keeps its template and parameters, so the window renders it again from
the translated template (`text(QCoreApplication.translate)`). Templates are marked with
QT_TRANSLATE_NOOP (context "import", or "form" for the form's own words); a parameter that
is itself a Note (a section's label, "表格之间") is translated too, what the clerk typed never.
"""

from __future__ import annotations

from collections.abc import Callable

#: Qt's translate(context, text), or `as_is` for the Chinese text.
Translate = Callable[[str, str], str]


def as_is(context: str, text: str) -> str:
    return text


class Note(str):
    template: str
    context: str
    params: dict[str, object]

    def __new__(cls, template: str, context: str = "import", **params: object) -> Note:
        note = super().__new__(cls, _render(template, params, as_is))
        note.template = template
        note.context = context
        note.params = params
        return note

    def text(self, translate: Translate = as_is) -> str:
        """The note in the language `translate` gives (a broken translation: Chinese)."""
        try:
            return _render(translate(self.context, self.template), self.params, translate)
        except (KeyError, IndexError, ValueError):
            return str(self)


def _render(template: str, params: dict[str, object], translate: Translate) -> str:
    if not params:
        return template
    values = {
        name: value.text(translate) if isinstance(value, Note) else value
        for name, value in params.items()
    }
    return template.format(**values)
