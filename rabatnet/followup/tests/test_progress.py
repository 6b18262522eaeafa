"""The weights and the roll-up formulas: one place, derived from verified statuses only."""

from decimal import Decimal

from django.utils import translation

from rabatnet.followup import progress
from rabatnet.followup.progress import Cell


def _cells() -> list[Cell]:
    return [
        Cell("SEN", 1, 1, "achieved"),
        Cell("SEN", 2, 1, "planned"),
        Cell("SEN", 3, 1, "not_applicable"),
        Cell("MLI", 1, 1, "in_progress"),
        Cell("MLI", 10, None, "not_started"),
    ]


def test_weights_and_not_applicable_left_out():
    assert progress.weight("achieved") == 1
    assert progress.weight("in_progress") == Decimal("0.5")
    assert progress.weight("planned") == Decimal("0.25")
    assert progress.weight("not_started") == 0
    assert progress.weight("not_applicable") is None


def test_per_country_mean_over_applicable_objectives():
    rollups = progress.per_country(_cells())
    assert rollups["SEN"].value == Decimal("0.625")  # (1 + 0.25) / 2, N/A out
    assert rollups["SEN"].n == 2
    assert rollups["MLI"].value == Decimal("0.25")


def test_per_objective_pillar_and_overall():
    objective = progress.per_objective(_cells())
    assert objective["1"].value == Decimal("0.75") and objective["1"].n == 2
    pillars = progress.per_pillar(_cells())
    assert pillars["1"].n == 3 and pillars["cross-cutting"].value == 0
    overall = progress.overall(_cells())
    assert overall.n == 4 and overall.value == Decimal("0.4375")


def test_only_not_applicable_gives_no_value():
    rollup = progress.per_country([Cell("SEN", 1, 1, "not_applicable")])["SEN"]
    assert rollup.value is None and rollup.n == 0 and rollup.shown == "—"


def test_formula_and_weights_say_what_they_are_in_both_languages():
    assert "mean weight" in progress.formula_text("country")
    assert "achieved = 1" in progress.weights_text()
    assert "Derived, not published" in progress.basis_text("C1")
    with translation.override("fr"):
        assert progress.formula_text("objective")
        assert progress.basis_text("C1")
    assert [entry.status for entry in progress.legend()][0] == "not_started"
