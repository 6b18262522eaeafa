"""Reading an SDMX-CSV file (as Eurostat and the UN serve it) into rows of one indicator.

The options name the indicator, the dimension holding the country (and the partner's), and
filters on the other dimensions. A filter that contradicts the dimension values the
indicator's definition implies is refused, and so is a row of another value of such a
dimension that no filter pins (its values would be added to the indicator's).
"""

from collections.abc import Iterator
from pathlib import Path

from ..models import Indicator
from .base import ImportRefused, Row, read_csv
from .codes import alpha3, code


def _pairs(path: Path, items: list[str], option: str) -> dict[str, set[str]]:
    """``["sex=T", "age=TOTAL"]`` -> ``{"sex": {"T"}, "age": {"TOTAL"}}``."""
    pairs: dict[str, set[str]] = {}
    for item in items:
        dim, _, value = item.partition("=")
        if not dim or not value:
            raise ImportRefused(path, None, f"--{option} {item!r} is not DIM=VALUE")
        pairs.setdefault(dim, set()).add(value)
    return pairs


def _implied(indicator: str) -> dict[str, set[str]]:
    """The dimension values the indicator's definition implies ({} if none, or unknown)."""
    declared = (
        Indicator.objects.filter(code=indicator)
        .values_list("implied_dimensions", flat=True)
        .first()
    )
    if not isinstance(declared, dict):
        return {}
    implied = {
        str(dim): {str(v) for v in (values if isinstance(values, list) else [values])}
        for dim, values in declared.items()
    }
    return {dim: accepted for dim, accepted in implied.items() if accepted}


def _one_of(dim: str, accepted: set[str]) -> str:
    """``sex=T``, or ``sex=F or sex=M`` for several values."""
    return " or ".join(f"{dim}={value}" for value in sorted(accepted))


def _unpinned(path: Path, indicator: str, keep: dict[str, set[str]]) -> list[tuple[str, set]]:
    """The implied dimensions no --filter pins; a --filter that contradicts one is refused."""
    implied = _implied(indicator)
    for dim, accepted in implied.items():
        for value in sorted(keep.get(dim, set()) - accepted):
            raise ImportRefused(
                path,
                None,
                f"--filter {dim}={value} contradicts {indicator}, whose definition covers "
                f"{_one_of(dim, accepted)} only",
            )
    return [(dim, accepted) for dim, accepted in implied.items() if dim not in keep]


def sdmx_rows(path: Path, options: dict) -> Iterator[Row]:
    """Rows of an SDMX-CSV file as the options read it.

    A dimension that the indicator's definition implies (``Indicator.implied_dimensions``)
    and that no --filter pins: a row kept with another value of it is refused, naming the
    filter to add, since its values would be added to the indicator's.
    """
    indicator, country_dim = options.get("indicator"), options.get("country_dim")
    if not indicator or not country_dim:
        raise ImportRefused(path, None, "SDMX-CSV needs --indicator and --country-dim")
    partner_dim = options.get("partner_dim")
    keep = _pairs(path, options.get("filter") or [], "filter")
    drop = _pairs(path, options.get("exclude") or [], "exclude")
    unpinned = _unpinned(path, indicator, keep)
    required = {"TIME_PERIOD", "OBS_VALUE", country_dim, *keep, *drop}
    required |= {partner_dim} if partner_dim else set()
    codes = alpha3()
    for line, row in read_csv(path, required):
        if any(row[dim] not in values for dim, values in keep.items()):
            continue
        if any(row[dim] in values for dim, values in drop.items()):
            continue
        if row["OBS_VALUE"] == "":  # Eurostat's ':' (not available) comes as an empty value
            continue
        for dim, accepted in unpinned:
            value = row.get(dim)
            if value is not None and value not in accepted:
                raise ImportRefused(
                    path,
                    line,
                    f"{dim} {value!r}: {indicator} covers {_one_of(dim, accepted)} only, and "
                    f"this row would be counted in it; give --filter {_one_of(dim, accepted)}",
                )
        yield Row(
            str(path),
            line,
            indicator,
            code(row[country_dim], codes),
            code(row[partner_dim], codes) if partner_dim else "",
            row["TIME_PERIOD"].strip(),
            row["OBS_VALUE"],
            row.get("OBS_FLAG", "").strip(),
        )
