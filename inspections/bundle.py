"""A records file and the files it includes, read as one set of records with every line traced to its file.

The shipped records are `data/records.yaml` (vocabulary, shared sources) plus one file per authority under
`data/authorities/`, and the change log `data/changes.yaml`, listed by `include:`. An included file holds only
`sources`, `authorities` and `changes`; the lists are joined in order, and every error still names the file and line
a curator can go to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from inspections.errors import RecordError, RecordsInvalid, format_path
from inspections.load import MAX_BYTES, LoadedYaml, Loc, parse_yaml, read_limited

INCLUDE_KEY = "include"
FRAGMENT_KEYS = ("sources", "authorities", "changes")  # what an included file may hold: lists, joined
# The last line of every file of records that use include: a save cut short leaves it out, so the file is
# refused rather than read as fewer records (cut at a line end, a YAML file is usually still valid YAML).
END_MARKER = "# end of records"


@dataclass(frozen=True)
class RawFile:
    name: str
    raw: bytes


@dataclass(frozen=True)
class RawBundle:
    """The bytes of a records file and of every file it includes, in the order they are joined."""

    files: tuple[RawFile, ...]

    @property
    def digest(self) -> str:
        sha = hashlib.sha256()
        for f in self.files:
            sha.update(f.name.encode() + b"\0" + len(f.raw).to_bytes(8, "big") + f.raw)
        return sha.hexdigest()


@dataclass
class MergedYaml:
    """Plain data joined from several files, answering 'which file and line?' for any location."""

    data: object
    file: str
    parts: list[LoadedYaml] = field(default_factory=list)
    # (list key, first merged index, count, the part it came from)
    _segments: list[tuple[str, int, int, LoadedYaml]] = field(default_factory=list)

    def where(self, loc: Loc) -> tuple[str, int | None, Loc]:
        """The file, line and location within that file of a location in the joined data."""
        loc = tuple(loc)
        if len(loc) >= 2 and isinstance(loc[1], int):
            for key, first, count, part in self._segments:
                if loc[0] == key and first <= loc[1] < first + count:
                    local = (key, loc[1] - first, *loc[2:])
                    return part.file, part.line_for(local), local
        index = self.parts[0]
        return index.file, index.line_for(loc), loc


def read_bundle(path: Path | str, *, max_bytes: int = MAX_BYTES) -> RawBundle:
    """Read a records file and the files its `include:` names; raise RecordsInvalid if any cannot be read.

    Only the first file is parsed here (to find its includes); parsing it again later costs little and
    keeps the bundle plain bytes, which is what the app caches and hashes.
    """
    path = Path(path)
    index = RawFile(str(path), _read(path, max_bytes))
    loaded = parse_yaml(index.raw, index.name, max_bytes=max_bytes)
    files = [index]
    total = len(index.raw)
    for included in included_paths(loaded, path):
        raw = _read(included, max_bytes)
        total += len(raw)
        if total > max_bytes:
            message = f"the records and the files they include come to more than {max_bytes:,} bytes"
            raise RecordsInvalid([RecordError(str(included), None, "", message)])
        files.append(RawFile(str(included), raw))
    return RawBundle(tuple(files))


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        return read_limited(path, max_bytes=max_bytes)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RecordsInvalid([RecordError(str(path), None, "", f"cannot read the records file: {reason}")]) from None


def included_paths(loaded: LoadedYaml, index_path: Path) -> list[Path]:
    """The files `include:` names, in order: paths or glob patterns relative to the records file's folder."""
    data = loaded.data
    if not isinstance(data, dict) or INCLUDE_KEY not in data:
        return []
    patterns = data[INCLUDE_KEY]
    here = (INCLUDE_KEY,)

    def refuse(loc: Loc, message: str) -> RecordsInvalid:
        return RecordsInvalid([RecordError(loaded.file, loaded.line_for(loc), format_path(loc), message)])

    if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip() for p in patterns):
        raise refuse(here, "expected a list of file names or patterns, such as authorities/*.yaml")
    folder = index_path.resolve().parent
    found: list[Path] = []
    for i, pattern in enumerate(patterns):
        pattern = pattern.strip()
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise refuse((*here, i), f"{pattern!r}: name a file inside the records folder, not outside it")
        matches = sorted(folder.glob(pattern)) if any(c in pattern for c in "*?[") else [folder / pattern]
        matches = [m for m in matches if m.resolve() != index_path.resolve()]
        if not matches or not all(m.exists() for m in matches):
            raise refuse((*here, i), f"{pattern!r} matches no file in {_shown(folder)}")
        for match in matches:
            if match in found:
                raise refuse((*here, i), f"{_shown(match)} is included twice")
            found.append(match)
    return [_relative_to_index(m, index_path) for m in found]


def _unfinished(f: RawFile) -> RecordError | None:
    """Why a file of split records does not end with END_MARKER as its last line, or None if it does."""
    lines = f.raw.decode("utf-8", "replace").splitlines()
    last = len(lines)
    while last and not lines[last - 1].strip():
        last -= 1
    if last and lines[last - 1].strip() == END_MARKER:
        return None
    marker_at = [n for n, line in enumerate(lines[:last], start=1) if line.strip() == END_MARKER]
    if marker_at:
        message = (
            f"text follows the {END_MARKER!r} line (line {marker_at[-1]}): that line must be the file's last; "
            "move it to the end, or delete what follows it"
        )
        return RecordError(f.name, marker_at[-1] + 1, "", message)
    message = (
        f"the file does not end with the line {END_MARKER!r}, so it may be only partly saved. If it is being "
        "saved, wait and reload; if it is complete, add that line at the end (docs/records.md, 'Saving safely')"
    )
    return RecordError(f.name, last + 1, "", message)


def _relative_to_index(match: Path, index_path: Path) -> Path:
    # Errors then read data/authorities/darlington.yaml, like the index's own name, not an absolute path.
    return index_path.parent / match.relative_to(index_path.resolve().parent)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return path.name


def parse_bundle(bundle: RawBundle, *, max_bytes: int = MAX_BYTES) -> MergedYaml:
    """Parse every file of a bundle and join their lists; raise RecordsInvalid listing every problem.

    Records in several files are checked for their end-of-records line first: a file without it may be in the
    middle of being saved, and its other problems would only be noise.
    """
    if len(bundle.files) > 1:
        unfinished = [error for f in bundle.files if (error := _unfinished(f)) is not None]
        if unfinished:
            raise RecordsInvalid(unfinished)
    errors: list[RecordError] = []
    parts: list[LoadedYaml] = []
    for f in bundle.files:
        try:
            parts.append(parse_yaml(f.raw, f.name, max_bytes=max_bytes))
        except RecordsInvalid as exc:
            errors.extend(exc.errors)
    if errors:
        raise RecordsInvalid(errors)
    index, fragments = parts[0], parts[1:]
    merged = MergedYaml(data=index.data, file=index.file, parts=parts)
    if not isinstance(index.data, dict):
        return merged  # the validator says what a records file must be
    data = {k: v for k, v in index.data.items() if k != INCLUDE_KEY}
    for key in FRAGMENT_KEYS:
        own = data.get(key)
        if isinstance(own, list) and own:
            merged._segments.append((key, 0, len(own), index))
    for part in fragments:
        if not isinstance(part.data, dict):
            errors.append(
                RecordError(part.file, 1, "", "an included file is a mapping with sources, authorities or changes")
            )
            continue
        for key, value in part.data.items():
            if key not in FRAGMENT_KEYS:
                line = part.line_for((key,))
                message = f"unknown key {key!r}; an included file holds only sources, authorities and changes"
                errors.append(RecordError(part.file, line, str(key), message))
                continue
            if not isinstance(value, list):
                errors.append(RecordError(part.file, part.line_for((key,)), key, "expected a list"))
                continue
            joined = data.setdefault(key, [])
            if not isinstance(joined, list):
                continue  # the index's own value is wrong; the validator reports it there
            merged._segments.append((key, len(joined), len(value), part))
            data[key] = joined = [*joined, *value]
    if errors:
        raise RecordsInvalid(errors)
    merged.data = data
    return merged
