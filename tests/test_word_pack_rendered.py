"""The Word pack as a word processor lays it out: LibreOffice converts the real .docx to PDF, and the pages are
read back. Page numbers must print on every page, long tables must come out on landscape pages with their header
on each and no row split between pages. Needs `soffice` (scripts/ensure-libreoffice.sh); under CI its absence is
a failure, since CI installs it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from components import export
from tests.test_pack_print import NOTE, long_table, pack_of, short_table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> list[str]:
    soffice = shutil.which("soffice")
    if soffice is None:
        message = "LibreOffice is missing: sudo apt-get install libreoffice-writer-nogui"
        if os.environ.get("CI"):
            pytest.fail(f"CI must render the Word pack, but {message}")
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("word")
    source = folder / "pack.docx"
    source.write_bytes(export.docx_pack(pack_of(short_table(), long_table(), short_table()), {}))
    profile = (folder / "profile").as_uri()  # its own profile, so a LibreOffice already running does not interfere
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = PdfReader(io.BytesIO(Path(folder / "pack.pdf").read_bytes()))
    return [
        (
            "landscape" if float(p.mediabox.width) > float(p.mediabox.height) else "portrait",
            " ".join(p.extract_text().split()),
        )
        for p in reader.pages
    ]


def test_every_page_is_numbered(rendered):
    assert len(rendered) >= 3
    for number, (_, text) in enumerate(rendered, start=1):
        assert f"Page {number}" in text
        assert "Scrutiny pack" in text


def test_the_long_table_prints_landscape_with_its_header_on_each_page(rendered):
    shapes = [shape for shape, _ in rendered]
    assert shapes[0] == "portrait" and shapes[-1] == "portrait"
    holding = [n for n, (_, text) in enumerate(rendered) if "Row " in text]
    assert len(holding) >= 2
    for n in holding:
        assert rendered[n][0] == "landscape"
        assert "What was reported" in rendered[n][1]


def test_no_row_is_split_between_pages(rendered):
    pages = [text for _, text in rendered]
    for n in range(60):
        where = [k for k, text in enumerate(pages) if f"Row {n}:" in text]
        assert len(where) == 1, n
        assert " ".join(NOTE.split()) in pages[where[0]].split(f"Row {n}:")[1][:400], f"row {n} is split"
