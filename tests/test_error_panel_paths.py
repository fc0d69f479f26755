"""The records error panel names files as a curator finds them in the project (data/authorities/durham.yaml),
never by where the server keeps them: a file outside the project is named alone, and the server log has the
full path."""

from __future__ import annotations

import logging
import shutil

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def panel(app, path) -> AppTest:
    at = app(path)
    assert at.title[0].value == "The records need attention"
    return at


def shown_text(at: AppTest) -> str:
    cells = [str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel()]
    words = [e.value for kind in ("markdown", "error", "caption", "info") for e in getattr(at, kind)]
    return "\n".join(cells + words)


def test_a_file_outside_the_project_is_named_without_its_folder(app, tmp_path, caplog):
    broken = tmp_path / "secret-folder" / "draft.yaml"
    broken.parent.mkdir()
    broken.write_text("themes: [\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        at = panel(app, broken)
    assert list(at.dataframe[0].value["File"]) == ["draft.yaml"]
    assert str(tmp_path) not in shown_text(at) and "secret-folder" not in shown_text(at)
    assert str(broken) in caplog.text, "the server log keeps the full path"


def test_a_missing_file_is_named_without_its_folder(app, tmp_path):
    at = panel(app, tmp_path / "nowhere" / "missing.yaml")
    assert list(at.dataframe[0].value["File"]) == ["missing.yaml"]
    assert str(tmp_path) not in shown_text(at)


def test_a_file_inside_the_project_is_named_from_the_project(app, tmp_path):
    folder = ROOT / "artifacts" / "error-panel-test"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "authorities").mkdir(parents=True)
    try:
        index = "schema_version: 1\ninclude: [authorities/*.yaml]\n# end of records\n"
        (folder / "records.yaml").write_text(index, encoding="utf-8")
        (folder / "authorities" / "durham.yaml").write_text("authorities: [\n# end of records\n", encoding="utf-8")
        at = panel(app, (folder / "records.yaml").resolve())
        files = set(at.dataframe[0].value["File"])
        assert files == {"artifacts/error-panel-test/authorities/durham.yaml"}
        assert str(ROOT) not in shown_text(at)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
