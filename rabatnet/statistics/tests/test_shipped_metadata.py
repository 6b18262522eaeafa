"""The shipped datasets' metadata as their PROVENANCE.md files state it, the indicators'
declarations, and both as the import stores them."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from ..importers.shipped import shipped_specs
from ..models import Dataset, Derivation, Indicator, Observation
from .import_support import STATISTICS_DIR
from .loaded import shipped_datasets

shipped = shipped_datasets("frontex-detections", "iom-missing-migrants")

# What the folders' PROVENANCE.md say of Kosovo, where they count it inside Serbia.
KOSOVO_IN_SERBIA = ("UNHCR reports Serbia and Kosovo together", "UN DESA includes it in Serbia")


def provenance(spec: dict) -> str:
    """The PROVENANCE.md of the folder holding the dataset's files."""
    folders = {Path(name).parts[0] for name in spec["files"]}
    assert len(folders) == 1
    return (STATISTICS_DIR / folders.pop() / "PROVENANCE.md").read_text(encoding="utf-8")


def stated_date(text: str) -> date:
    """The one date a sentence states: 2025-06-04 or 4 June 2025."""
    found = re.findall(r"\d{4}-\d{2}-\d{2}", text)
    if found:
        assert len(set(found)) == 1, text
        return date.fromisoformat(found[0])
    (spelled,) = re.findall(r"\d{1,2} [A-Z][a-z]+ \d{4}", text)
    return datetime.strptime(spelled, "%d %B %Y").date()  # noqa: DTZ007 (a date, no time)


@pytest.mark.parametrize("slug", shipped_specs())
def test_dates_are_those_the_provenance_states(slug: str) -> None:
    spec = shipped_specs()[slug]
    text = provenance(spec)
    for field in ("retrieved_on", "released_on"):
        quote = spec["dates_from"][field]
        assert quote in text, f"{slug}: {field} quote not in PROVENANCE.md"
        assert stated_date(quote) == date.fromisoformat(spec[field]), (slug, field)
    for day in re.findall(r"\d{4}-\d{2}-\d{2}", spec["revision"]):
        assert day == spec["released_on"], slug  # the revision is the release it names


def test_wrong_dates_of_before_are_gone() -> None:
    specs = shipped_specs()
    assert specs["unhcr-population"]["released_on"] == "2026-06-25"  # not version 2025.12.1
    eurostat = specs["eurostat-asylum-applicants"]
    assert eurostat["released_on"] == "2025-05-26"  # downloaded from Eurostat's API
    assert "2025-06-04" not in eurostat["revision"]  # the intermediary's commit date


@pytest.mark.parametrize("slug", shipped_specs())
def test_kosovo_in_serbia_as_the_provenance_says(slug: str) -> None:
    spec = shipped_specs()[slug]
    says = any(phrase in provenance(spec) for phrase in KOSOVO_IN_SERBIA)
    assert spec["kosovo_in_serbia"] is says
    expected = slug.startswith(("unhcr-", "undesa-"))
    assert spec["kosovo_in_serbia"] is expected


@pytest.mark.django_db
def test_the_import_stores_dates_kosovo_and_derivations() -> None:
    frontex = Dataset.objects.get(slug="frontex-detections")
    assert (frontex.released_on, frontex.kosovo_in_serbia) == (date(2025, 6, 3), False)
    derivation = Derivation.objects.get(dataset=frontex, indicator__code="border_detections")
    assert derivation.derived_by == "rabatnet shared data (copy of 2026-11-21)"
    assert str(derivation.formula_en).startswith("Sum of the monthly detections")
    assert str(derivation.formula_fr).startswith("Somme des détections mensuelles")
    assert "detections_monthly_by_route_nationality.csv" in str(derivation.inputs_en)


@pytest.mark.django_db
def test_the_import_stores_derived_and_partial_years() -> None:
    rows = Observation.objects.filter(
        dataset__slug="iom-missing-migrants", geo__code="route-western-african-atlantic"
    )
    stored = {o.period: (o.value_text, o.derived, o.covers) for o in rows}
    assert stored["2024"] == ("1215", True, "")
    assert stored["2025"] == ("188", True, "2025-01/2025-04")
    partial = Observation.objects.filter(dataset__slug="frontex-detections").exclude(covers="")
    assert set(partial.values_list("period", "covers")) == {("2025", "2025-01/2025-04")}
    assert Observation.objects.filter(dataset__slug="frontex-detections", derived=False).exists()


@pytest.mark.django_db
def test_indicators_declare_units_signs_and_implied_dimensions() -> None:
    indicators = {i.code: i for i in Indicator.objects.all()}
    assert {code for code, i in indicators.items() if i.allows_negative} == {"net_migration"}
    assert indicators["asylum_applicants"].implied_dimensions == {
        "sex": ["T"],
        "age": ["TOTAL"],
        "asyl_app": ["ASY_APP"],
        "unit": ["PER"],
    }
    for code in ("asylum_applications", "asylum_decisions_total", "asylum_recognitions"):
        assert indicators[code].unit == Indicator.Unit.PERSONS
        assert indicators[f"{code}_cases"].unit == Indicator.Unit.CASES
        assert "persons" in str(indicators[code].name_en)
        assert "cases" in str(indicators[f"{code}_cases"].name_en)
        assert "dossiers" in str(indicators[f"{code}_cases"].name_fr)
