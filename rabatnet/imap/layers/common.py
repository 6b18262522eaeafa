"""What the layers share: the year rule, sources, printed numbers, the members' names."""

from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _

from rabatnet.statistics.models import Dataset
from rabatnet.statistics.profile_types import covers_label
from rabatnet.statistics.templatetags.statistics_numbers import exact

from ..types import Source


def choose_year(requested: int | None, years: list[int]) -> tuple[int | None, str]:
    """The year shown and a message: the latest with data when none is asked for or the one
    asked for has none (then the message says so); None when nothing has data."""
    if not years:
        return None, ""
    latest = max(years)
    if requested is None or requested in years:
        return (latest if requested is None else requested), ""
    return latest, _("No data for %(asked)s: showing %(shown)s, the latest year with data.") % {
        "asked": requested,
        "shown": latest,
    }


def years_text(years: Iterable[int], covers: str = "") -> str:
    """ "2024", "1990–2024", "2014–2025 (2025: Jan–Apr)"."""
    found = sorted(set(years))
    if not found:
        return ""
    text = str(found[0]) if found[0] == found[-1] else f"{found[0]}–{found[-1]}"
    if covers:
        text += f" ({found[-1]}: {covers_label(covers)})"
    return text


def year_label(year: int, covers: str) -> str:
    """ "2024", or "2025 (Jan–Apr)" for a partial year."""
    return f"{year} ({covers_label(covers)})" if covers else str(year)


def source_of(dataset: Dataset, years: Iterable[int], covers: str = "") -> Source:
    """The dataset as the table's source line gives it (title in the active language)."""
    return Source(
        dataset=dataset.slug,
        title=dataset.title,
        publisher=dataset.publisher.name,
        revision=dataset.revision,
        years=years_text(years, covers),
        url=dataset.get_absolute_url(),
    )


def printed(value: Decimal | int | str) -> str:
    """A figure with the thousands separators of the active language, every digit kept."""
    return exact(str(value))


def derived_note(formula: str) -> str:
    """The legend's note on figures marked †."""
    if formula:
        return _("† derived: %(formula)s") % {"formula": formula}
    return _("† derived (summed or converted, not as published)")
