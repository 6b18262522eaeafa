"""Fixtures of the guides' tests."""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Each test starts with no PDF built: the cache is keyed by content only."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
