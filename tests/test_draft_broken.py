"""Files that are not readable Ofsted reports get a clear message and exit 1, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from inspections.__main__ import main
from tests.conftest import FIXTURES, ROOT

REPORT = FIXTURES / "pdf" / "ilacs-2025-sunderland.pdf"
ILACS_COVER = ["Inspection of Newtown local authority children's services", "Inspection dates: 1 to 5 May 2025"]


def write_pdf(path: Path, pages: list[list[str]], password: str | None = None) -> Path:
    """A PDF with these lines of text, one list per page (an empty list is a blank page)."""
    pdf = canvas.Canvas(str(path))
    for lines in pages:
        for row, line in enumerate(lines):
            pdf.drawString(50, 800 - 14 * row, line)
        pdf.showPage()
    pdf.save()
    if password is not None:
        writer = PdfWriter(clone_from=str(path))
        writer.encrypt(user_password=password, algorithm="RC4-128")
        writer.write(str(path))
    return path


def blank(path):
    return write_pdf(path, [[]])


def encrypted(path):
    return write_pdf(path, [ILACS_COVER], password="secret")


def council_paper(path):
    lines = ["Gateshead Council", "Report to Cabinet: outcome of the Ofsted inspection", "Ofsted judged services good."]
    return write_pdf(path, [lines])


def no_judgement_table(path):
    return write_pdf(path, [[*ILACS_COVER, "Some other letter about the inspection."]])


def focused_visit(path):
    return write_pdf(path, [["Focused visit to Newtown children's services", "Inspection dates: 1 to 2 May 2021"]])


def truncated(path):
    data = REPORT.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def not_a_pdf(path):
    path.write_bytes(b"<html><body>404 Not Found</body></html>")
    return path


def empty(path):
    path.write_bytes(b"")
    return path


def garbled(path):
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    return path


def missing(path):
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (blank, "no text could be read from the PDF"),
        (encrypted, "the PDF is encrypted with a password"),
        (council_paper, "does not look like an Ofsted inspection report of children's services"),
        (no_judgement_table, "its first page has no judgement table"),
        (focused_visit, "this is a focused or monitoring visit letter"),
        (truncated, "the PDF is incomplete (no end-of-file marker): download it again"),
        (not_a_pdf, "not a PDF (it does not start with %PDF-)"),
        (empty, "the file is empty"),
        (garbled, "the PDF could not be read"),
        (missing, "no such file"),
    ],
)
def test_an_unreadable_file_gets_a_message_and_exit_1(make, message, tmp_path, capsys):
    path = make(tmp_path / "report.pdf")
    assert main(["draft", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(str(path)) and message in err, err
    assert "Traceback" not in err


def test_a_pdf_encrypted_without_a_password_is_read(tmp_path, capsys):
    """Encryption with an empty password only restricts editing; such a file opens and is judged on its text."""
    path = write_pdf(tmp_path / "report.pdf", [ILACS_COVER], password="")
    assert main(["draft", str(path)]) == 1
    assert "no judgement table" in capsys.readouterr().err


def test_an_authority_id_that_is_not_an_id_is_refused(capsys):
    assert main(["draft", str(REPORT), "--authority", "North Tyneside"]) == 1
    assert "expected an id such as north-tyneside" in capsys.readouterr().err


def test_the_command_line_never_shows_a_traceback(tmp_path):
    path = truncated(tmp_path / "cut-short.pdf")
    result = subprocess.run(
        [sys.executable, "-m", "inspections", "draft", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"{path}: the PDF is incomplete (no end-of-file marker): download it again"
