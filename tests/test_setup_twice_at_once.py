"""`make run` and `make test` started at once on a fresh clone both set up .venv: they must take turns, not race.

The real Makefile is copied into an empty folder with requirements that install nothing, so the test exercises
venv creation, pip's upgrade and the install steps in a few seconds, without the project's packages.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("make") is None or shutil.which("flock") is None, reason="needs make and flock"),
]


def test_two_set_ups_at_once_both_succeed(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "requirements.txt").write_text("# nothing to install: only the set-up steps are under test\n")
    (tmp_path / "requirements-dev.txt").write_text("-r requirements.txt\n")
    # `make test` also installs the project itself (editable): here a project with nothing in it.
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=77"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "empty"\nversion = "0"\n\n[tool.setuptools]\npackages = []\n'
    )

    def start(target: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            ["make", "--no-print-directory", target],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    runtime, dev = start(".venv/.runtime"), start(".venv/.dev")  # what `make run` and `make test` set up first
    outputs = [process.communicate(timeout=300)[0] for process in (runtime, dev)]
    assert [runtime.returncode, dev.returncode] == [0, 0], "\n----\n".join(outputs)
    assert all("Error" not in output and "No module named" not in output for output in outputs), outputs
    assert (tmp_path / ".venv" / ".runtime").is_file() and (tmp_path / ".venv" / ".dev").is_file()
    check = subprocess.run([str(tmp_path / ".venv" / "bin" / "python"), "-m", "pip", "--version"], capture_output=True)
    assert check.returncode == 0, check.stderr
