"""Drafting an issue from the quarter's recorded activity: a registry of sources.

Each source is ``fn(year, quarter) -> list[ItemDraft]``, registered under an ``Item.Kind``
with ``register_source``. Guides and datasets are registered by ``sources.py`` (this app's
reading of the guides and statistics selectors); meetings and support deployments add
theirs when those apps exist. ``ItemDraft.source`` names the record a draft comes from
("guides.Edition:12:published"), so an issue never holds the same draft twice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone


@dataclass(frozen=True)
class ItemDraft:
    """An item as a source proposes it, in both languages (either may be left empty)."""

    kind: str
    source: str
    title_en: str = ""
    title_fr: str = ""
    body_en: str = ""
    body_fr: str = ""
    link: str = ""


Source = Callable[[int, int], list[ItemDraft]]
SOURCES: dict[str, list[Source]] = {}


def register_source(kind: str, fn: Source) -> None:
    """Add ``fn`` to the sources of ``kind`` (once, however often the app is loaded)."""
    registered = SOURCES.setdefault(kind, [])
    if fn not in registered:
        registered.append(fn)


def quarter_bounds(year: int, quarter: int) -> tuple[datetime, datetime]:
    """The quarter's first instant and the next quarter's first, aware."""
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end, time.min, tzinfo=zone),
    )


def quarter_dates(year: int, quarter: int) -> tuple[date, date]:
    """The quarter's first day and the next quarter's first day."""
    start, end = quarter_bounds(year, quarter)
    return start.date(), end.date()


def compose(year: int, quarter: int) -> list[ItemDraft]:
    """Every registered source's drafts for the quarter, by kind in registration order."""
    drafts: list[ItemDraft] = []
    seen: set[str] = set()
    for sources in SOURCES.values():
        for fn in sources:
            for draft in fn(year, quarter):
                if draft.source and draft.source in seen:
                    continue
                seen.add(draft.source)
                drafts.append(draft)
    return drafts
