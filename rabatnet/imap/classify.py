"""Classes of a choropleth: one documented rule, named in the legend.

Sequential (``c0``…``c4``, low to high): Jenks natural breaks (jenkspy) in five classes over
the values given (the members with a whole-year figure); with fewer than five distinct values,
one class per distinct value, spread over ``c0``…``c4``. Diverging (``d0``…``d4``), used when
the indicator allows negative values and the year has both signs: ``d2`` holds the fifth of
the values nearest zero (by magnitude); the negative values beyond it are halved at their
median (``d0`` the most negative), the positive ones likewise (``d4`` the highest).
"""

from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

import jenkspy

CLASSES = 5


@dataclass(frozen=True)
class ClassBand:
    key: str  # "c0".."c4" or "d0".."d4"
    low: Decimal  # the smallest value in the class
    high: Decimal  # the largest
    count: int


@dataclass(frozen=True)
class Classes:
    diverging: bool
    keys: dict[str, str]  # the value's owner (ISO3) -> class key
    bands: list[ClassBand]  # the classes that hold a value, low to high


def _bands(values: dict[str, Decimal], keys: dict[str, str], order: list[str]) -> list[ClassBand]:
    bands = []
    for key in order:
        members = [values[owner] for owner, k in keys.items() if k == key]
        if members:
            bands.append(ClassBand(key, min(members), max(members), len(members)))
    return bands


def _sequential(values: dict[str, Decimal]) -> dict[str, str]:
    distinct = sorted(set(values.values()))
    if len(distinct) <= CLASSES:
        spread = {
            v: round(i * (CLASSES - 1) / max(len(distinct) - 1, 1)) for i, v in enumerate(distinct)
        }
        if len(distinct) == 1:
            spread = {distinct[0]: CLASSES // 2}
        return {owner: f"c{spread[v]}" for owner, v in values.items()}
    breaks = jenkspy.jenks_breaks([float(v) for v in values.values()], n_classes=CLASSES)
    inner = [float(b) for b in breaks[1:CLASSES]]
    return {owner: f"c{bisect_left(inner, float(v))}" for owner, v in values.items()}


def _diverging(values: dict[str, Decimal]) -> dict[str, str]:
    by_magnitude = sorted(values, key=lambda owner: (abs(values[owner]), owner))
    near_zero = set(by_magnitude[: max(1, len(values) // CLASSES)])
    keys = dict.fromkeys(near_zero, "d2")
    for sign, outer, inner in ((-1, "d0", "d1"), (1, "d4", "d3")):
        side = [o for o in values if o not in near_zero and values[o] * sign > 0]
        if not side:
            continue
        middle = median(abs(values[o]) for o in side)
        for owner in side:
            keys[owner] = outer if abs(values[owner]) > middle else inner
    # A zero outside the nearest fifth (many zeros) is still around zero.
    for owner in values:
        keys.setdefault(owner, "d2")
    return keys


def classify(values: dict[str, Decimal], *, allows_negative: bool) -> Classes:
    """Class keys of ``values`` (owner -> value) and the bands the legend shows."""
    if not values:
        return Classes(False, {}, [])
    diverging = allows_negative and min(values.values()) < 0 < max(values.values())
    if diverging:
        keys = _diverging(values)
        return Classes(True, keys, _bands(values, keys, [f"d{i}" for i in range(CLASSES)]))
    keys = _sequential(values)
    return Classes(False, keys, _bands(values, keys, [f"c{i}" for i in range(CLASSES)]))
