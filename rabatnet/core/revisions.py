"""Revision counters of public data: what a cache of public pages and downloads is keyed by.

``bump`` is called by every write that changes public data, inside its transaction: the new
number is seen by other requests exactly when the data it stands for is. ``token`` gives
the current numbers of the data a page shows, as one short string for a cache key.
"""

from django.db import transaction
from django.db.models import F

from .models import DataRevision

STATISTICS = "statistics"  # datasets, indicators, observations
REFERENCE = "reference"  # countries, membership, organisations of the reference data
GUIDES = "guides"  # published guide editions (any country)
NEWSLETTER = "newsletter"  # sent issues of the Rabat Review (and edits after sending)
MEETINGS = "meetings"  # published meetings, their programme, documents, conclusions, actions
FOLLOWUP = "followup"  # verified initiatives and assessments, cycles, roadmap actions
SUPPORT = "support"  # technical support requests (the public clock), the roster


@transaction.atomic
def bump(*names: str) -> None:
    """Raise the counter of each of ``names`` by one (creating it at 1)."""
    for name in names:
        updated = DataRevision.objects.filter(name=name).update(number=F("number") + 1)
        if not updated:
            DataRevision.objects.get_or_create(name=name, defaults={"number": 1})


def numbers(*names: str) -> dict[str, int]:
    """The current number of each of ``names`` (0 for one never raised); one query."""
    found = dict(DataRevision.objects.filter(name__in=names).values_list("name", "number"))
    return {name: found.get(name, 0) for name in names}


def token(*names: str) -> str:
    """The current numbers as one string, "guides.4-statistics.12", in name order."""
    current = numbers(*names)
    return "-".join(f"{name}.{current[name]}" for name in sorted(current))
