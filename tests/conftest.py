"""Shared fixtures: a fresh copy of the starter project for each test that edits one."""

import shutil
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kent-cype-2020-05"


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """A writable copy of the project that ``scorecards init`` writes."""
    target = tmp_path / "project"
    with resources.as_file(resources.files("scorecards") / "starter") as source:
        shutil.copytree(source, target)
    return target
