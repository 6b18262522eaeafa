"""The one place for the weights of the progress statuses and the formula of every roll-up.

A roll-up is DERIVED here, never published: it is computed on the fly from the statuses
the secretariat verified in one cycle (``Assessment.objects.published()``), and every page
and download that shows one says its formula, its weights and how many values it rests on.
"Not applicable" counts neither in the numerator nor in the denominator; an objective a
country did not assess (or whose assessment is not verified) is simply not counted.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ProgressStatus

# status -> weight; NOT_APPLICABLE has none (left out of numerator and denominator).
WEIGHTS: dict[str, Decimal] = {
    ProgressStatus.ACHIEVED: Decimal("1"),
    ProgressStatus.IN_PROGRESS: Decimal("0.5"),
    ProgressStatus.PLANNED: Decimal("0.25"),
    ProgressStatus.NOT_STARTED: Decimal("0"),
}
# Worst to best: the order of the legend and of "improved"/"worse" in a diff.
ORDER = [
    ProgressStatus.NOT_STARTED,
    ProgressStatus.PLANNED,
    ProgressStatus.IN_PROGRESS,
    ProgressStatus.ACHIEVED,
    ProgressStatus.NOT_APPLICABLE,
]
# Colours of the heat map (and the legend): told apart in greyscale too (light to dark).
COLOURS: dict[str, str] = {
    ProgressStatus.NOT_STARTED: "#efb9a8",
    ProgressStatus.PLANNED: "#f1c27d",
    ProgressStatus.IN_PROGRESS: "#5aa3c9",
    ProgressStatus.ACHIEVED: "#1f5f8b",
    ProgressStatus.NOT_APPLICABLE: "#d9d9d9",
    "": "#ffffff",  # no verified assessment
}
MEANINGS = {
    ProgressStatus.NOT_STARTED: gettext_lazy("Nothing has been done towards the objective yet."),
    ProgressStatus.PLANNED: gettext_lazy(
        "Measures are decided or scheduled, but not yet being carried out."
    ),
    ProgressStatus.IN_PROGRESS: gettext_lazy("Measures are being carried out."),
    ProgressStatus.ACHIEVED: gettext_lazy("The objective is met in the country."),
    ProgressStatus.NOT_APPLICABLE: gettext_lazy(
        "The objective does not concern the country; left out of every roll-up."
    ),
}


def weight(status: str) -> Decimal | None:
    """The weight of a status; None for "not applicable" and for no status."""
    return WEIGHTS.get(status)


def status_label(status: str) -> str:
    if not status:
        return _("no verified assessment")
    return str(ProgressStatus(status).label)


@dataclass(frozen=True)
class Legend:
    status: str
    label: str
    colour: str
    weight: Decimal | None
    meaning: str


def legend() -> list[Legend]:
    """Every status, worst first, with its colour, weight and meaning (for pages and SVG)."""
    return [
        Legend(s, status_label(s), COLOURS[s], weight(s), str(MEANINGS[ProgressStatus(s)]))
        for s in ORDER
    ]


def weights_text() -> str:
    """The weights in one line, in the active language."""
    parts = [f"{status_label(s)} = {WEIGHTS[s]}" for s in ORDER if s in WEIGHTS]
    na = status_label(ProgressStatus.NOT_APPLICABLE)
    return _("Weights: %(weights)s; %(na)s is left out.") % {"weights": ", ".join(parts), "na": na}


KINDS = ("country", "objective", "pillar", "overall")


def formula_text(kind: str) -> str:
    """How a roll-up of ``kind`` is computed, in the active language."""
    texts = {
        "country": _(
            "Per country: the mean weight of the verified statuses of the objectives it "
            "assessed in the cycle, not-applicable ones left out."
        ),
        "objective": _(
            "Per objective: the mean weight of the verified statuses the countries have for "
            "it in the cycle, not-applicable ones left out."
        ),
        "pillar": _(
            "Per pillar: the mean weight of every verified status (country × objective) of "
            "the pillar's objectives in the cycle, not-applicable ones left out."
        ),
        "overall": _(
            "Overall: the mean weight of every verified status (country × objective) in the "
            "cycle, not-applicable ones left out."
        ),
    }
    return texts[kind]


def basis_text(cycle_title: str) -> str:
    return _(
        "Derived, not published: computed from the assessments the secretariat verified in "
        "the cycle “%(cycle)s”. 0 means nothing started, 1 every objective achieved."
    ) % {"cycle": cycle_title}


def derived_text() -> str:
    return _(
        "Derived, not published: every roll-up is computed from the assessments the "
        "secretariat verified in its cycle. 0 means nothing started, 1 every objective achieved."
    )


@dataclass(frozen=True)
class Cell:
    """One verified status: what every roll-up is computed from."""

    country: str  # ISO3
    objective: int  # objective number
    pillar: int | None  # None: cross-cutting
    status: str


@dataclass(frozen=True)
class Rollup:
    """A derived figure: the mean weight (None if nothing to average) and its count."""

    kind: str
    key: str
    value: Decimal | None
    n: int  # how many values the mean rests on
    unit: str  # "objectives", "countries", "assessments"

    @property
    def percent(self) -> int | None:
        return None if self.value is None else round(self.value * 100)

    @property
    def shown(self) -> str:
        """The value with two decimals, or a dash."""
        return "—" if self.value is None else f"{self.value:.2f}"

    @property
    def count_text(self) -> str:
        units = {
            "objectives": _("based on %(n)s objectives"),
            "countries": _("based on %(n)s countries"),
            "assessments": _("based on %(n)s assessments"),
        }
        return units[self.unit] % {"n": self.n}


def _mean(statuses: Iterable[str]) -> tuple[Decimal | None, int]:
    weights = [w for w in (weight(s) for s in statuses) if w is not None]
    if not weights:
        return None, 0
    return (sum(weights, Decimal(0)) / len(weights)).quantize(Decimal("0.0001")), len(weights)


def _group(cells: Iterable[Cell], kind: str, key, unit: str) -> dict[str, Rollup]:
    groups: dict[str, list[str]] = defaultdict(list)
    for cell in cells:
        groups[str(key(cell))].append(cell.status)
    out = {}
    for name, statuses in groups.items():
        value, n = _mean(statuses)
        out[name] = Rollup(kind, name, value, n, unit)
    return out


def per_country(cells: Iterable[Cell]) -> dict[str, Rollup]:
    """ISO3 -> the country's roll-up over its objectives."""
    return _group(cells, "country", lambda c: c.country, "objectives")


def per_objective(cells: Iterable[Cell]) -> dict[str, Rollup]:
    """Objective number (as text) -> its roll-up over the countries."""
    return _group(cells, "objective", lambda c: c.objective, "countries")


def per_pillar(cells: Iterable[Cell]) -> dict[str, Rollup]:
    """Pillar number (as text; "cross-cutting" for none) -> its roll-up over assessments."""
    return _group(
        cells, "pillar", lambda c: c.pillar if c.pillar else "cross-cutting", "assessments"
    )


def overall(cells: Iterable[Cell]) -> Rollup:
    value, n = _mean(c.status for c in cells)
    return Rollup("overall", "all", value, n, "assessments")
