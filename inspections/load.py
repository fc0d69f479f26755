"""Safe YAML reading that remembers where every value came from.

PyYAML's safe_load silently keeps the last of two duplicate keys and expands aliases without limit.
Here duplicate keys, aliases, oversized files, deep nesting, bytes that are not UTF-8 and invisible
control characters are refused, each with the line a curator can go to. Whatever the bytes, the result
is plain data or RecordsInvalid: never another exception.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inspections.errors import RecordError, RecordsInvalid, format_path

MAX_BYTES = 5 * 1024 * 1024  # the real file is well under 1 MB; 5 MB leaves room for every NE authority
MAX_DEPTH = 40  # the schema nests about 10 deep
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

# Characters that have no business in records text: C0 and C1 controls other than tab and newline
# (a terminal obeys them when the CLI prints an error), direction overrides that make text display
# differently from what is stored, and unpaired surrogates (which cannot be encoded to send or print).
_UNSAFE_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_HIDDEN_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_LINE_BREAK = re.compile("\r\n|\r|\n")  # as YAML (and editors) count lines, once the hidden ones are refused

Loc = tuple[str | int, ...]


@dataclass
class LoadedYaml:
    """Plain data read from a file, plus the line each location started on."""

    data: Any
    file: str
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_for(self, loc: Loc) -> int | None:
        """The line of loc, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc)

    def where(self, loc: Loc) -> tuple[str, int | None, Loc]:
        """The file, line and location within the file of loc (a single file: the same loc)."""
        return self.file, self.line_for(loc), tuple(loc)


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that records may not use (aliases, deep nesting): reported without 'YAML syntax'."""


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases (records never need them, and they enable bombs)
    and nesting deeper than MAX_DEPTH (caught while composing, before Python's recursion limit is near)."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        event = self.peek_event()
        if self.check_event(yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                problem="anchors and aliases (&name, *name) are not allowed in records; write the value out",
                problem_mark=event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _Refused(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_limited(path: Path | str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a records file, reading no more than max_bytes + 1 of them.

    Raises OSError when the file cannot be read (missing, a directory, a device or pipe) and
    RecordsInvalid when it is larger than max_bytes, so nothing huge is ever held in memory.
    """
    path = Path(path)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(0, "not a regular file", str(path))
    if info.st_size > max_bytes:
        raise RecordsInvalid([_too_large(str(path), info.st_size, max_bytes)])
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:  # the file grew after it was measured
        raise RecordsInvalid([_too_large(str(path), os.fstat(handle.fileno()).st_size, max_bytes)])
    return raw


def _too_large(name: str, size: int, max_bytes: int) -> RecordError:
    return RecordError(name, None, "", f"file is {size:,} bytes; records files are limited to {max_bytes:,}")


def read_yaml(path: Path | str, *, max_bytes: int = MAX_BYTES) -> LoadedYaml:
    """Read a YAML file into plain data with line numbers, or raise RecordsInvalid."""
    name = str(path)
    try:
        raw = read_limited(path, max_bytes=max_bytes)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RecordsInvalid([RecordError(name, None, "", f"cannot read the file: {reason}")]) from None
    return parse_yaml(raw, name, max_bytes=max_bytes)


def parse_yaml(raw: bytes, name: str = "<records>", *, max_bytes: int = MAX_BYTES) -> LoadedYaml:
    """Parse YAML bytes into plain data with line numbers, or raise RecordsInvalid."""
    if len(raw) > max_bytes:
        raise RecordsInvalid([_too_large(name, len(raw), max_bytes)])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as some Windows editors write: harmless, so dropped
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = len(re.findall(rb"\r\n|\r|\n", raw[: exc.start])) + 1
        message = f"the file is not valid UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            message = "the file is saved as UTF-16; save it as UTF-8"
        raise RecordsInvalid([RecordError(name, line, "", message)]) from None
    if not text.strip():
        raise RecordsInvalid([RecordError(name, 1, "", "the file is empty; expected a records mapping")])
    if found := _HIDDEN_LINE_BREAK.search(text):
        # YAML counts these as line breaks and most editors do not, so every later line number would be wrong.
        problem = f"the file contains {_describe(found.group())}, a line break most editors do not show; delete it"
        raise RecordsInvalid([RecordError(name, _line_at(text, found.start()), "", problem)])

    loader = None
    try:
        loader = _NoAliasLoader(text)  # the reader refuses characters YAML forbids here, before parsing
        root = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        line = _line_at(text, exc.position)
        problem = (
            f"the file contains the character {_describe(chr(exc.character))}, which YAML does not allow; delete it"
        )
        raise RecordsInvalid([RecordError(name, line, "", problem)]) from None
    except _Refused as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RecordsInvalid([RecordError(name, line, "", str(exc.problem))]) from None
    except yaml.MarkedYAMLError as exc:
        raise RecordsInvalid([_syntax_error(name, exc)]) from None
    except yaml.YAMLError as exc:
        raise RecordsInvalid([RecordError(name, None, "", f"YAML syntax: {exc}")]) from None
    except RecursionError:
        raise RecordsInvalid([RecordError(name, None, "", "the file is nested too deeply to be records")]) from None
    finally:
        if loader is not None:
            loader.dispose()

    if root is None:  # only comments, or a bare document marker
        raise RecordsInvalid([RecordError(name, 1, "", "the file has no records, only comments; expected a mapping")])
    loaded = LoadedYaml(data=None, file=name)
    errors: list[RecordError] = []
    loaded.data = _to_python(root, (), loaded, loader, errors, depth=0)
    if errors:
        raise RecordsInvalid(errors)
    return loaded


# What PyYAML's terse complaints usually mean in a hand-edited records file.
_SYNTAX_HINTS = {
    "mapping values are not allowed here": "check this line's indentation, or put quotes round a value containing ': '",
    "cannot start any token": "indent with spaces, not tabs",
    "expected a single document": "a records file holds one document: remove the '---' line and what follows",
    "could not find expected ':'": "a key needs ': ' after it; check for a missing colon or an unclosed quote",
    "found unexpected end of stream": "a quote or bracket is not closed",
}


def _syntax_error(name: str, exc: yaml.MarkedYAMLError) -> RecordError:
    """A syntax error at the line where it shows, saying where the construct it broke began."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    message = str(exc.problem or exc.context or "the file cannot be read as YAML")
    if exc.context and exc.problem and not exc.context.startswith("while"):
        message = f"{exc.context} {exc.problem}"  # e.g. "expected a single document ... but found another document"
    elif exc.context and exc.problem:
        started = exc.context_mark.line + 1 if exc.context_mark else None
        where = f" that starts on line {started}" if started and started != line else ""
        message += f" ({exc.context}{where})"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if key in message), None)
    return RecordError(name, line, "", f"YAML syntax: {message}" + (f"; {hint}" if hint else ""))


def _line_at(text: str, position: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, position)) + 1


def _describe(char: str) -> str:
    """U+001B (a control character), for a message about a character that cannot be shown as itself."""
    kind = unicodedata.category(char)
    name = {"Cc": "a control character", "Cs": "half of a surrogate pair"}.get(kind) or unicodedata.name(char, kind)
    return f"U+{ord(char):04X} ({name})"


_TYPE_NAMES = {"int": "a whole number", "float": "a number", "bool": "true or false", "binary": "base64 data"}


def _scalar(node: ScalarNode, loader: yaml.SafeLoader, what: str) -> tuple[Any, str | None]:
    """A scalar's Python value, or (None, why it cannot be read). Never raises."""
    if node.tag == _TIMESTAMP_TAG:
        value: Any = node.value  # kept as text: dates are parsed by the schema, which knows partial dates
    else:
        try:
            value = loader.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            if "could not determine a constructor" in str(exc.problem):
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                return None, f"cannot read the {what} {_shorten(node.value)}: YAML tags such as {tag!r} are not allowed"
            return None, f"cannot read the {what} {_shorten(node.value)}: {exc.problem}"
        except Exception as exc:  # PyYAML's own constructors raise ValueError, KeyError, IndexError...
            # an explicit tag that does not fit (`!!int x`, `!!bool maybe`, `!!int ""`), or a number thousands of digits long
            if "digits" in str(exc):
                reason = "the number is too long"
            else:
                reason = f"it is not {_TYPE_NAMES.get(node.tag.rsplit(':', 1)[-1], 'readable')}"
            return None, f"cannot read the {what} {_shorten(node.value)}: {reason}"
    if isinstance(value, str) and (found := _UNSAFE_CHARACTER.search(value)):
        return None, (
            f"the {what} contains the invisible character {_describe(found.group())}, "
            "which cannot be shown safely; delete it"
        )
    return value, None


def _shorten(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _to_python(node: Node, loc: Loc, out: LoadedYaml, loader: yaml.SafeLoader, errors: list[RecordError], depth: int):
    out.lines.setdefault(loc, node.start_mark.line + 1)
    if depth > MAX_DEPTH:
        errors.append(
            RecordError(out.file, node.start_mark.line + 1, format_path(loc), f"nested deeper than {MAX_DEPTH} levels")
        )
        return None
    if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in _COLLECTION_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        errors.append(
            RecordError(
                out.file, node.start_mark.line + 1, format_path(loc), f"YAML tags such as {tag!r} are not allowed"
            )
        )
        return None
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                errors.append(RecordError(out.file, line, format_path(loc), "keys must be plain text"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                errors.append(RecordError(out.file, line, format_path(loc), "merge keys (<<) are not allowed"))
                continue
            key, problem = _scalar(key_node, loader, "key")
            if problem:
                errors.append(RecordError(out.file, line, format_path((*loc, key_node.value)), problem))
                continue
            if not isinstance(key, str):
                key = key_node.value  # keys are names: `2019:`, `yes:` or `~:` mean the text as written
            if key in result:
                first = out.lines.get((*loc, key))
                errors.append(
                    RecordError(
                        out.file,
                        line,
                        format_path((*loc, key)),
                        f"duplicate key {key!r} (first given on line {first}); a later value would silently replace it",
                    )
                )
                continue
            out.lines[(*loc, key)] = line
            result[key] = _to_python(value_node, (*loc, key), out, loader, errors, depth + 1)
        return result
    if isinstance(node, SequenceNode):
        return [
            _to_python(item, (*loc, index), out, loader, errors, depth + 1) for index, item in enumerate(node.value)
        ]
    value, problem = _scalar(node, loader, "value")
    if problem:
        errors.append(RecordError(out.file, node.start_mark.line + 1, format_path(loc), problem))
    return value
