"""What the shipped adapters share: codes that are not countries, routes, counted sums and
the part of a year the monthly files cover."""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .base import GeoLabel, ImportRefused, Row, read_columns

# Codes that are not countries, as the shipped files use them.
SPECIAL = {
    "OOO": GeoLabel("unknown", "Other / unknown", "Autre / inconnu"),
    "UNK": GeoLabel("unknown", "Unknown", "Inconnu"),
    "XXA": GeoLabel("stateless", "Stateless", "Apatrides"),
    "STL": GeoLabel("stateless", "Stateless", "Apatrides"),
    "TIB": GeoLabel("unknown", "Tibetan (UNHCR)", "Tibétains (HCR)"),
    "OOS": GeoLabel(
        "unknown", "Unidentified sub-Saharan Africa", "Afrique subsaharienne non précisée"
    ),
    "EU27": GeoLabel("aggregate", "European Union (27 countries)", "Union européenne (27 pays)"),
}
WHOLE_NUMBER = re.compile(r"-?\d+")


def route_code(name: str) -> str:
    """'Western African Route' -> 'route-western-african' (the word 'route' is left out).

    'Circular Route from Albania to Greece' -> 'route-circular-from-albania-to-greece': codes
    stay within Geo.code's 40 characters.
    """
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "route-" + "-".join(w for w in words if w not in ("route", "routes"))


def route(name: str, labels: dict[str, GeoLabel]) -> str:
    """The route's code, its label declared."""
    code = route_code(name)
    labels.setdefault(code, GeoLabel("route", name, name))
    return code


def tidy_rows(
    path: Path, indicator: str, geo: str, value: str, partner: str, period: str = "year"
) -> Iterator[Row]:
    """Rows of a tidy file with one value column, as published; an empty value is no row."""
    name = str(path)
    for line, (code, other, when, number) in read_columns(path, (geo, partner, period, value)):
        if number != "":
            yield Row(name, line, indicator, code, other, when, number)


@dataclass
class Sum:
    """A total of whole numbers and how many published values it adds (1: the value itself)."""

    total: int = 0
    count: int = 0

    def add(self, path: Path, line: int, text: str) -> None:
        if text == "":
            return
        if not WHOLE_NUMBER.fullmatch(text):
            raise ImportRefused(path, line, f"value {text!r} is not a whole number")
        self.total += int(text)
        self.count += 1

    @property
    def derived(self) -> bool:
        """Not one published value: a sum of several, or zero from none."""
        return self.count != 1


@dataclass
class Sums:
    """Sums by key, with the first line of each group (named in a refusal)."""

    groups: dict[tuple, Sum] = field(default_factory=lambda: defaultdict(Sum))
    first: dict[tuple, int] = field(default_factory=dict)

    def add(self, path: Path, line: int, key: tuple, text: str) -> None:
        self.first.setdefault(key, line)
        self.groups[key].add(path, line, text)


def partial_years(months: Iterable[str]) -> dict[str, str]:
    """{year: "2025-01/2025-04"} for each year the months ("YYYY-MM") do not cover whole.

    A year is whole when the file has some month of January to December: a route without
    detections in a month still covers it, so the months are those of the whole file.
    """
    by_year: dict[str, set[str]] = defaultdict(set)
    for month in months:
        by_year[month[:4]].add(month)
    return {year: f"{min(seen)}/{max(seen)}" for year, seen in by_year.items() if len(seen) != 12}


def check_sum(path: Path, line: int, published: str, computed: Sum, what: str) -> None:
    """Refuse an annual figure that is not the sum of the monthly (or finer) file."""
    if not WHOLE_NUMBER.fullmatch(published):
        raise ImportRefused(path, line, f"value {published!r} is not a whole number")
    if int(published) != computed.total:
        raise ImportRefused(path, line, f"{published} is not the sum of {what} ({computed.total})")
