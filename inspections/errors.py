"""Errors that name the place in the records a curator can find."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordError:
    """One problem in a records file: where it is and what was expected."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        at = f" {self.path}:" if self.path else ""
        return f"{where}:{at} {self.message}"


class RecordsInvalid(Exception):
    """The records file could not be used; carries every error found."""

    def __init__(self, errors: list[RecordError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def format_path(loc: tuple[str | int, ...]) -> str:
    """Render a location such as ('authorities', 1, 'events') as authorities[1].events.

    A key that is not printable text (a control character, say) is shown quoted and escaped, as
    judgements['\\x1b[31m'], so printing a path can never send a terminal a control sequence.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).isprintable() or not str(part):
            out += f"[{str(part)!r}]"
        else:
            out += f".{part}" if out else str(part)
    return out
