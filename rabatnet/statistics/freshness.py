"""How fresh a dataset is, as the Humanitarian Data Exchange (HDX) computes it.

A dataset's age is the number of days since the publisher released the revision we hold.
Compared with the expected update frequency ``f`` (days), HDX names four states:

- up to date: age < due age (``f``);
- due: due age <= age < overdue age;
- overdue: overdue age <= age < delinquent age;
- delinquent: age >= delinquent age.

The ages are HDX's published table ("Expected Update Frequency vs Freshness Status"):
daily 1/2/3, weekly 7/14/21, every two weeks 14/21/28, monthly 30/44/60, every three
months 90/120/150, every six months 180/210/240, every year 365/425/455. HDX stops at a
year; for the longer frequencies the dialogue needs (every two and every five years) the
table is extended with a grace of 60 days: due at ``f``, overdue at ``f + 60``,
delinquent at ``f + 120``.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

# Expected frequency (days) -> (due, overdue, delinquent) ages in days, from HDX.
HDX_AGES: dict[int, tuple[int, int, int]] = {
    1: (1, 2, 3),
    7: (7, 14, 21),
    14: (14, 21, 28),
    30: (30, 44, 60),
    90: (90, 120, 150),
    180: (180, 210, 240),
    365: (365, 425, 455),
}
LONG_GRACE = 60  # days, for frequencies longer than a year


class Freshness(StrEnum):
    UP_TO_DATE = "up_to_date"
    DUE = "due"
    OVERDUE = "overdue"
    DELINQUENT = "delinquent"

    @property
    def label(self) -> str:
        return str(LABELS[self])

    @property
    def late(self) -> bool:
        """Overdue or delinquent: what focal points and the secretariat are shown."""
        return self in (Freshness.OVERDUE, Freshness.DELINQUENT)


LABELS = {
    Freshness.UP_TO_DATE: _("up to date"),
    Freshness.DUE: _("due"),
    Freshness.OVERDUE: _("overdue"),
    Freshness.DELINQUENT: _("delinquent"),
}


@dataclass(frozen=True)
class Ages:
    due: int
    overdue: int
    delinquent: int


def ages(frequency_days: int) -> Ages:
    """The ages (days since release) at which a dataset becomes due, overdue, delinquent."""
    if frequency_days < 1:
        raise ValueError(f"an expected update frequency is at least one day, not {frequency_days}")
    if frequency_days in HDX_AGES:
        return Ages(*HDX_AGES[frequency_days])
    if frequency_days > 365:
        return Ages(frequency_days, frequency_days + LONG_GRACE, frequency_days + 2 * LONG_GRACE)
    # A frequency HDX does not list: the grace of the next listed frequency up.
    listed = min(f for f in HDX_AGES if f >= frequency_days)
    due, overdue, delinquent = HDX_AGES[listed]
    return Ages(frequency_days, frequency_days + overdue - due, frequency_days + delinquent - due)


def freshness(released_on: date, frequency_days: int, today: date) -> Freshness:
    """The state of a revision released on ``released_on`` and expected every ``frequency_days``."""
    age = (today - released_on).days
    limits = ages(frequency_days)
    if age >= limits.delinquent:
        return Freshness.DELINQUENT
    if age >= limits.overdue:
        return Freshness.OVERDUE
    if age >= limits.due:
        return Freshness.DUE
    return Freshness.UP_TO_DATE


def next_update_due(released_on: date, frequency_days: int) -> date:
    """The day the next revision is expected (the dataset becomes due)."""
    return released_on + timedelta(days=ages(frequency_days).due)
