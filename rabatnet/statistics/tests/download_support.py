"""Observations made with factories for the tests of downloads and the API: a route with its
total and its breakdown by nationality, a derived indicator, a partial year, a count of cases."""

from dataclasses import dataclass
from decimal import Decimal

from rabatnet.countries.models import Country

from ..models import Dataset, Derivation, Geo, Indicator, Observation
from ..services import geo_countries_sync
from .factories import DatasetFactory, IndicatorFactory


def geo(code: str, kind: str = Geo.Kind.COUNTRY) -> Geo:
    if kind == Geo.Kind.COUNTRY:
        geo_countries_sync()
        return Geo.objects.get(code=code, country=Country.objects.get(iso3=code))
    return Geo.objects.get_or_create(code=code, defaults={"kind": kind, "name": code})[0]


def observe(
    dataset: Dataset,
    indicator: Indicator,
    where: Geo,
    period: str,
    value: str,
    partner: Geo | None = None,
    **fields: object,
) -> Observation:
    return Observation.objects.create(
        dataset=dataset,
        indicator=indicator,
        geo=where,
        partner=partner,
        period=period,
        year=int(period[:4]),
        value=Decimal(value),
        value_text=value,
        **fields,
    )


@dataclass
class Sample:
    detections: Indicator  # a route's total (no partner) and the route by nationality
    remittances: Indicator  # published and derived values
    applications: Indicator  # counted in cases
    frontex: Dataset
    wdi: Dataset
    derivation: Derivation


def sample() -> Sample:
    frontex = DatasetFactory.create(slug="test-frontex", kosovo_in_serbia=True)
    wdi = DatasetFactory.create(slug="test-wdi", import_options={"format": "tidy", "sheet": 2})
    detections = IndicatorFactory.create(code="test_detections", unit=Indicator.Unit.EVENTS)
    remittances = IndicatorFactory.create(code="test_remittances", unit=Indicator.Unit.PERCENT)
    applications = IndicatorFactory.create(code="test_applications", unit=Indicator.Unit.CASES)
    route, syria, senegal = geo("route-test", Geo.Kind.ROUTE), geo("SYR"), geo("SEN")
    observe(frontex, detections, route, "2024", "100")
    observe(frontex, detections, route, "2024", "60", partner=syria)
    observe(frontex, detections, route, "2024", "40", partner=geo("UNK", Geo.Kind.UNKNOWN))
    observe(frontex, detections, route, "2025", "30", covers="2025-01/2025-04")
    observe(wdi, remittances, senegal, "2022", "9.1")
    observe(wdi, remittances, senegal, "2023", "9.4", derived=True)
    observe(wdi, applications, geo("FRA"), "2023", "12", partner=senegal)
    derivation = Derivation.objects.create(
        dataset=wdi,
        indicator=remittances,
        derived_by="rabatnet",
        formula="remittances_received_usd / gdp_usd × 100",
        formula_en="remittances_received_usd / gdp_usd × 100",
        formula_fr="remittances_received_usd / gdp_usd × 100 (fr)",
        inputs="World Bank remittances and GDP",
        inputs_en="World Bank remittances and GDP",
        inputs_fr="Envois de fonds et PIB de la Banque mondiale",
    )
    return Sample(detections, remittances, applications, frontex, wdi, derivation)
