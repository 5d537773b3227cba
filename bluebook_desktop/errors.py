"""The one kind of error a user is shown: plain words, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can understand and act on.

    `template` is the message in the program's own language (Chinese), with {named}
    parameters; the window passes it through Qt's translator before formatting, the
    command line prints it as it is.
    """

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template)
        self.template = template
        self.params = params

    def render(self, template: str) -> str:
        """The message made from `template` (this error's own, or its translation)."""
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.render(self.template)
