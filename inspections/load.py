"""Safe YAML reading that remembers where every value came from.

PyYAML's safe_load silently keeps the last of two duplicate keys and expands aliases without limit.
Here duplicate keys, aliases, oversized files, deep nesting and bytes that are not UTF-8 are refused,
each with the line a curator can go to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inspections.errors import RecordError, RecordsInvalid, format_path

MAX_BYTES = 5 * 1024 * 1024  # the real file is well under 1 MB; 5 MB leaves room for every NE authority
MAX_DEPTH = 40  # the schema nests about 10 deep
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

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


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases: records never need them, and they enable bombs."""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        if self.check_event(yaml.AliasEvent) or getattr(self.peek_event(), "anchor", None):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (&name, *name) are not allowed in records; write the value out",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def read_yaml(path: Path | str, *, max_bytes: int = MAX_BYTES) -> LoadedYaml:
    """Read a YAML file into plain data with line numbers, or raise RecordsInvalid."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RecordsInvalid([RecordError(name, None, "", f"cannot read the file: {exc.strerror}")]) from None
    if size > max_bytes:
        raise RecordsInvalid(
            [RecordError(name, None, "", f"file is {size:,} bytes; records files are limited to {max_bytes:,}")]
        )
    return parse_yaml(path.read_bytes(), name)


def parse_yaml(raw: bytes, name: str = "<records>") -> LoadedYaml:
    """Parse YAML bytes into plain data with line numbers, or raise RecordsInvalid."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as some Windows editors write: harmless, so dropped
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"the file is not valid UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        raise RecordsInvalid([RecordError(name, line, "", message)]) from None
    if not text.strip():
        raise RecordsInvalid([RecordError(name, 1, "", "the file is empty; expected a records mapping")])

    loader = _NoAliasLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise RecordsInvalid([RecordError(name, line, "", f"YAML syntax: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise RecordsInvalid([RecordError(name, None, "", f"YAML syntax: {exc}")]) from None
    except RecursionError:
        raise RecordsInvalid([RecordError(name, None, "", "the file is nested too deeply to be records")]) from None
    finally:
        loader.dispose()

    loaded = LoadedYaml(data=None, file=name)
    errors: list[RecordError] = []
    loaded.data = _to_python(root, (), loaded, loader, errors, depth=0)
    if errors:
        raise RecordsInvalid(errors)
    return loaded


def _to_python(node: Node, loc: Loc, out: LoadedYaml, loader: yaml.SafeLoader, errors: list[RecordError], depth: int):
    out.lines.setdefault(loc, node.start_mark.line + 1)
    if depth > MAX_DEPTH:
        errors.append(
            RecordError(out.file, node.start_mark.line + 1, format_path(loc), f"nested deeper than {MAX_DEPTH} levels")
        )
        return None
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                errors.append(
                    RecordError(out.file, key_node.start_mark.line + 1, format_path(loc), "keys must be plain text")
                )
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                errors.append(
                    RecordError(
                        out.file, key_node.start_mark.line + 1, format_path(loc), "merge keys (<<) are not allowed"
                    )
                )
                continue
            key = loader.construct_object(key_node)
            if key in result:
                first = out.lines.get((*loc, key))
                errors.append(
                    RecordError(
                        out.file,
                        key_node.start_mark.line + 1,
                        format_path((*loc, key)),
                        f"duplicate key {key!r} (first given on line {first}); a later value would silently replace it",
                    )
                )
                continue
            out.lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, (*loc, key), out, loader, errors, depth + 1)
        return result
    if isinstance(node, SequenceNode):
        return [
            _to_python(item, (*loc, index), out, loader, errors, depth + 1) for index, item in enumerate(node.value)
        ]
    if node.tag == _TIMESTAMP_TAG:
        return node.value  # kept as text: dates are parsed by the schema, which knows partial dates
    try:
        return loader.construct_object(node)
    except yaml.YAMLError as exc:
        errors.append(RecordError(out.file, node.start_mark.line + 1, format_path(loc), f"cannot read value: {exc}"))
        return None
