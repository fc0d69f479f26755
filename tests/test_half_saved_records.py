"""A half-written records file never passes for the records: every file of records that uses `include:` ends
with the line `# end of records`, so a save cut short anywhere (at any line end, of the index or of an
authority's file) is refused, saying the file may be only partly saved, instead of quietly showing less."""

from __future__ import annotations

import shutil

import pytest

from inspections.bundle import END_MARKER, RawBundle, RawFile, parse_bundle, read_bundle
from inspections.errors import RecordsInvalid
from inspections.records import load_records, validate_loaded
from tests.conftest import SHIPPED

SHIPPED_BUNDLE = read_bundle(SHIPPED)


def cut_at_every_line_end(raw: bytes) -> list[bytes]:
    ends = [i + 1 for i, byte in enumerate(raw) if byte == ord("\n")]
    return [raw[:end] for end in ends if raw[:end].strip() != raw.strip()]


def with_file(bundle: RawBundle, index: int, raw: bytes) -> RawBundle:
    files = list(bundle.files)
    files[index] = RawFile(files[index].name, raw)
    return RawBundle(tuple(files))


def accepted(bundle: RawBundle) -> bool:
    try:
        validate_loaded(parse_bundle(bundle))
    except RecordsInvalid:
        return False
    return True


def test_the_shipped_records_end_every_file_with_the_marker():
    assert len(SHIPPED_BUNDLE.files) > 1
    assert load_records(SHIPPED).authorities, "and they load"
    for f in SHIPPED_BUNDLE.files:
        assert f.raw.decode("utf-8").rstrip().endswith(END_MARKER), f.name


@pytest.mark.parametrize("which", ["index", "gateshead"])
def test_a_file_cut_short_at_any_line_end_is_refused(which):
    index = 0 if which == "index" else next(i for i, f in enumerate(SHIPPED_BUNDLE.files) if which in f.name)
    cuts = cut_at_every_line_end(SHIPPED_BUNDLE.files[index].raw)
    assert len(cuts) > 100
    let_through = [len(cut) for cut in cuts if accepted(with_file(SHIPPED_BUNDLE, index, cut))]
    assert let_through == [], f"{len(let_through)} of {len(cuts)} cut points pass as the records"


def test_an_index_cut_short_on_disk_is_refused_whether_or_not_its_include_survived(tmp_path):
    shutil.copytree(SHIPPED.parent, tmp_path / "data")
    index = tmp_path / "data" / SHIPPED.name
    let_through = []
    for cut in cut_at_every_line_end(SHIPPED.read_bytes()):
        index.write_bytes(cut)
        try:
            load_records(index)
        except RecordsInvalid:
            continue
        let_through.append(len(cut))
    assert let_through == []


def test_the_refusal_says_what_happened_and_where(tmp_path):
    gateshead = next(i for i, f in enumerate(SHIPPED_BUNDLE.files) if "gateshead" in f.name)
    raw = SHIPPED_BUNDLE.files[gateshead].raw
    half = raw[: raw.index(b"\n", len(raw) // 2) + 1]
    with pytest.raises(RecordsInvalid) as refused:
        parse_bundle(with_file(SHIPPED_BUNDLE, gateshead, half))
    (error,) = refused.value.errors
    assert error.file.endswith("gateshead.yaml")
    assert error.line == half.count(b"\n") + 1
    assert "partly saved" in error.message and END_MARKER in error.message


def test_text_after_the_marker_is_refused_too():
    gateshead = next(i for i, f in enumerate(SHIPPED_BUNDLE.files) if "gateshead" in f.name)
    raw = SHIPPED_BUNDLE.files[gateshead].raw + b"authorities: []\n"
    with pytest.raises(RecordsInvalid, match="end of records"):
        parse_bundle(with_file(SHIPPED_BUNDLE, gateshead, raw))


def test_a_single_records_file_needs_no_marker(small_frames):
    assert small_frames.events.shape[0] > 0  # tests/fixtures/small.yaml has none, and loads
