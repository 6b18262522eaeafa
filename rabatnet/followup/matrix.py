"""The countries × objectives matrix of a cycle: verified statuses only, with the number of
published initiatives per cell and the derived roll-ups (``progress.py``).

Built in a fixed number of queries (the cycle, its objectives, the countries, the verified
assessments, the initiatives), whatever the number of countries.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from rabatnet.countries.models import Country
from rabatnet.strategy.models import Objective

from . import progress, progress_selectors
from .models import Cycle
from .progress import Rollup


@dataclass(frozen=True)
class MatrixCell:
    iso3: str
    objective: int
    status: str  # verified status, "" when none is published
    self_status: str  # shown only because the assessment is verified (published)
    verified_at: datetime | None
    initiatives: int
    label: str  # the status in the active language (looked up once per status)

    @property
    def weight(self) -> Decimal | None:
        return progress.weight(self.status)

    @property
    def colour(self) -> str:
        return progress.COLOURS[self.status]


@dataclass(frozen=True)
class MatrixRow:
    country: Country
    cells: list[MatrixCell]
    rollup: Rollup | None

    @property
    def cells_html(self) -> SafeString:
        """The row's table cells, written here rather than in a template loop: 600 cells
        through the template engine cost a tenth of a second per page built."""
        parts = []
        for cell in self.cells:
            label = escape(cell.label) if cell.status else '<span class="muted">—</span>'
            parts.append(f'<td data-status="{cell.status}">{label} ({cell.initiatives})</td>')
        return mark_safe("".join(parts))  # noqa: S308  (every text escaped above)


@dataclass
class Matrix:
    cycle: Cycle
    objectives: list[Objective]
    rows: list[MatrixRow]
    per_objective: dict[int, Rollup] = field(default_factory=dict)
    per_pillar: dict[str, Rollup] = field(default_factory=dict)
    overall: Rollup | None = None

    @property
    def example(self) -> bool:
        return self.cycle.example

    @property
    def objective_rollups(self) -> list[Rollup | None]:
        return [self.per_objective.get(o.number) for o in self.objectives]

    @property
    def verified_count(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.status)


def build_matrix(cycle: Cycle) -> Matrix:
    objectives = progress_selectors.objectives_of(cycle.framework)
    countries = progress_selectors.matrix_countries(cycle)
    assessments = progress_selectors.published_assessments(cycle)
    counts = progress_selectors.initiative_counts(cycle.framework)
    by_cell = {(a.iso3, a.objective): a for a in assessments}
    cells = progress_selectors.cells(assessments)
    per_country = progress.per_country(cells)
    labels = {status: progress.status_label(status) for status in progress.COLOURS}
    rows = []
    for country in countries:
        row_cells = []
        for objective in objectives:
            found = by_cell.get((country.iso3, objective.number))
            row_cells.append(
                MatrixCell(
                    iso3=country.iso3,
                    objective=objective.number,
                    status=found.verified_status if found else "",
                    self_status=found.self_status if found else "",
                    verified_at=found.verified_at if found else None,
                    initiatives=counts.get((country.iso3, objective.number), 0),
                    label=labels[found.verified_status if found else ""],
                )
            )
        rows.append(MatrixRow(country, row_cells, per_country.get(country.iso3)))
    return Matrix(
        cycle=cycle,
        objectives=objectives,
        rows=rows,
        per_objective={int(k): v for k, v in progress.per_objective(cells).items()},
        per_pillar=progress.per_pillar(cells),
        overall=progress.overall(cells),
    )
