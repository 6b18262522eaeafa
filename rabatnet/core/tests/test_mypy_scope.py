"""mypy checks the tests too: only migrations stay out of its reach."""

import re
import tomllib
from pathlib import Path

import pytest

from rabatnet.core.tests.narrowing import present

ROOT = Path(__file__).resolve().parents[3]


def _mypy_excludes() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["tool"]["mypy"].get("exclude", [])


def test_mypy_checks_the_tests_and_skips_only_migrations():
    excludes = _mypy_excludes()
    checked = ["rabatnet/network/tests/test_views.py", "rabatnet/core/tests/narrowing.py"]
    skipped = "rabatnet/network/migrations/0001_initial.py"

    assert not [path for path in checked for pattern in excludes if re.search(pattern, path)]
    assert any(re.search(pattern, skipped) for pattern in excludes)


def test_present_returns_a_value_and_fails_on_none():
    assert present(0) == 0
    with pytest.raises(AssertionError):
        present(None)
