"""The records' change log (data/changes.yaml): the checks it must pass against the records it names.

Every entry names records that exist, says where it can be checked (a declared source or the git commit that made
it), and is dated no later than the records' own checked date; each authority's checked date is no later either,
since the file's date is the last check of all.
"""

from __future__ import annotations

from inspections.schema import Records


def record_ids(records: Records) -> set[str]:
    """Every id a change may name: authorities, events, recommendations and sources."""
    ids = {s.id for s in records.sources} | {a.id for a in records.authorities}
    for authority in records.authorities:
        for event in authority.events:
            ids.add(event.id)
            ids.update(r.id for r in event.recommendations)
    return ids


def changelog_problems(records: Records) -> list[tuple[tuple, str]]:
    """Problems with the change log and the checked dates, each with its location in the records."""
    problems: list[tuple[tuple, str]] = []
    checked = records.checked
    shown = f"{checked.day} {checked.strftime('%B %Y')}"
    for a, authority in enumerate(records.authorities):
        if authority.checked and authority.checked > checked:
            problems.append(
                (
                    ("authorities", a, "checked"),
                    f"checked {authority.checked} is after the records' own checked date ({checked}), which is the "
                    "last check of all: move that date forward too",
                )
            )
    known = record_ids(records)
    sources = {s.id for s in records.sources}
    for c, change in enumerate(records.changes):
        here = ("changes", c)
        for r, ref in enumerate(change.records):
            if ref not in known:
                problems.append(
                    ((*here, "records", r), f"{ref!r} is not the id of an authority, event, recommendation or source")
                )
        for s, ref in enumerate(change.sources):
            if ref not in sources:
                problems.append(((*here, "sources", s), f"source {ref!r} is not declared in the file's sources list"))
        if not change.sources and not change.commit:
            problems.append((here, "say where the change can be checked: give its sources, its commit, or both"))
        if change.date > checked:
            problems.append(
                (
                    (*here, "date"),
                    f"dated {change.date}, after the records were last checked ({shown}): check the records and "
                    "move their checked date forward",
                )
            )
    return problems
