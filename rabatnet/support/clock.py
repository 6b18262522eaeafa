"""Time as the support clock counts it: calendar days, and working days in the beneficiary
country's own time zone, weekends and public holidays.

- ``country_zone``: the country's time zone, the first zone of its ISO 3166 alpha-2 code in
  the IANA tz database's ``zone.tab`` as the ``tzdata`` package ships it; UTC if it has none.
- ``calendar_days``: exact elapsed time in days of 24 hours (a ``float``).
- ``working_days``: the working time between two instants, a ``float`` in days: every
  working day of the country (not a weekend day, not a public holiday) counts by the share
  of it that lies in the interval, measured against the day's real length (23 or 25 hours
  on the days clocks change). Weekends and public holidays come from the ``holidays``
  library; a country it does not know gets a Saturday/Sunday weekend and no holidays, and
  ``holiday_calendar_known`` says so.
"""

import functools
import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from fractions import Fraction
from zoneinfo import ZoneInfo

import holidays

from rabatnet.countries.models import Country

DAY_SECONDS = 24 * 60 * 60
MICROSECOND = timedelta(microseconds=1)
SATURDAY_SUNDAY = frozenset({5, 6})  # date.weekday(): Monday is 0


def _iso2(country: Country | str) -> str:
    return (country if isinstance(country, str) else country.iso2).upper()


@functools.cache
def _zone_table() -> dict[str, str]:
    """ISO alpha-2 code → the first zone listed for it in ``zone.tab``."""
    text = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    zones: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            zones.setdefault(fields[0].upper(), fields[2])
    return zones


@functools.cache
def _zone(iso2: str) -> tzinfo:
    name = _zone_table().get(iso2)
    return ZoneInfo(name) if name else UTC


def country_zone(country: Country | str) -> tzinfo:
    """The time zone of a country (a ``Country`` or its alpha-2 code); UTC if none."""
    return _zone(_iso2(country))


def calendar_days(start: datetime, end: datetime) -> float:
    """Elapsed time from ``start`` to ``end`` (aware datetimes) in days of 24 hours, a float;
    negative if ``end`` is before ``start``."""
    return (end - start).total_seconds() / DAY_SECONDS


@dataclass(frozen=True)
class WorkCalendar:
    """A country's working week and public holidays over some years."""

    iso2: str
    zone: tzinfo
    weekend: frozenset[int]
    holidays: frozenset[date]
    known: bool  # False: the holidays library does not know the country

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays


@functools.lru_cache(maxsize=512)
def _calendar(iso2: str, first_year: int, last_year: int) -> WorkCalendar:
    years = range(first_year, last_year + 1)
    try:
        found = holidays.country_holidays(iso2, years=years)
    except NotImplementedError:
        return WorkCalendar(iso2, _zone(iso2), SATURDAY_SUNDAY, frozenset(), known=False)
    return WorkCalendar(
        iso2,
        _zone(iso2),
        frozenset(found.weekend),
        frozenset(day for day in found if day.year in years),
        known=True,
    )


def work_calendar(country: Country | str, years: Iterable[int]) -> WorkCalendar:
    """The country's calendar for ``years`` (kept in memory: the library is slow)."""
    span = list(years)
    return _calendar(_iso2(country), min(span), max(span))


def holiday_calendar_known(country: Country | str) -> bool:
    """Whether the holidays library knows the country (else: Saturday/Sunday, no holidays)."""
    return _calendar(_iso2(country), 2000, 2000).known


def _day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants a local day begins and ends (23, 24 or 25 hours apart)."""
    begins = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    ends = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return begins, ends


def working_days(start: datetime, end: datetime, country: Country | str) -> float:
    """Working days from ``start`` to ``end`` in the country's time zone, a float: each
    working day counts by the fraction of its real length that lies in the interval (an
    interval that starts Friday at 18:00 and ends Monday at 09:00 counts 6/24 + 9/24 days in
    a country with a Saturday/Sunday weekend). 0.0 when ``end`` is not after ``start``."""
    if end <= start:
        return 0.0
    zone = country_zone(country)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    first, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    calendar = work_calendar(country, range(first.year, last.year + 1))

    def share(day: date) -> Fraction:
        """The part of ``day`` (a working day or not) inside the interval."""
        if not calendar.is_working_day(day):
            return Fraction(0)
        begins, ends = _day_bounds(day, zone)
        overlap = min(end, ends) - max(start, begins)
        if overlap <= timedelta(0):
            return Fraction(0)
        return Fraction(overlap // MICROSECOND, (ends - begins) // MICROSECOND)

    if first == last:
        return float(share(first))
    # A day strictly between the first and the last lies wholly inside: 1 if it is worked.
    whole = sum(
        calendar.is_working_day(first + timedelta(days=n)) for n in range(1, (last - first).days)
    )
    return float(share(first) + whole + share(last))
