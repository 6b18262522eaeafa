"""The rows each shipped adapter yields (what the import writes, one observation a row),
read once per test run: the adapters run without the database."""

from functools import cache

from ..importers.base import Row
from ..importers.shipped import ADAPTERS, shipped_meta, shipped_specs


@cache
def adapter_rows(slug: str) -> tuple[Row, ...]:
    spec = shipped_specs()[slug]
    return tuple(ADAPTERS[spec["adapter"]](shipped_meta(spec).files, {}))


def by_key(slug: str) -> dict[tuple[str, str, str, str], Row]:
    """(indicator, country, partner, period) -> row."""
    return {(r.indicator, r.geo, r.partner, r.period): r for r in adapter_rows(slug)}
