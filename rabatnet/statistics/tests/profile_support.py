"""Helpers for the profile tests built on factories: codes, observations, the page's parts."""

import re
from datetime import date

from rabatnet.countries.models import Country

from ..models import Dataset, Derivation, Geo, Indicator, Observation
from .factories import DatasetFactory, IndicatorFactory

MARK = '<sup class="mark">†</sup>'
SOURCE_LINE = re.compile(
    r'<p class="source" data-dataset="(?P<slug>[^"]+)" data-years="(?P<years>[^"]*)">'
    r"(?P<text>.*?)</p>",
    re.S,
)
CELL = re.compile(r'<td class="(?P<classes>num[^"]*)"(?P<attributes>[^>]*)>(?P<text>.*?)</td>')


def geo(code: str, kind: str = Geo.Kind.COUNTRY) -> Geo:
    """The code of a country of the reference data (or a code that is not a country)."""
    if kind == Geo.Kind.COUNTRY:
        country = Country.objects.get(iso3=code)
        found, _ = Geo.objects.get_or_create(
            code=code, defaults={"kind": kind, "name": country.name, "country": country}
        )
        return found
    found, _ = Geo.objects.get_or_create(code=code, defaults={"kind": kind, "name": code})
    return found


def indicator(code: str, unit: str = Indicator.Unit.PERSONS) -> Indicator:
    found = IndicatorFactory.create(code=code, unit=unit)
    Indicator.objects.filter(pk=found.pk).exclude(unit=unit).update(unit=unit)
    found.refresh_from_db(fields=["unit"])
    return found


def dataset(slug: str, released: date = date(2026, 1, 1), **fields: object) -> Dataset:
    return DatasetFactory.create(slug=slug, released_on=released, files_sha256=slug, **fields)


def observe(
    into: Dataset,
    code: str,
    where: str,
    period: str,
    text: str,
    *,
    partner: str | None = None,
    derived: bool = False,
    covers: str = "",
    unit: str = Indicator.Unit.PERSONS,
) -> Observation:
    return Observation.objects.create(
        dataset=into,
        indicator=indicator(code, unit),
        geo=geo(where),
        partner=geo(partner) if partner else None,
        period=period,
        year=int(period[:4]),
        value=text,
        value_text=text,
        derived=derived,
        covers=covers,
    )


def derivation(into: Dataset, code: str, formula_en: str, formula_fr: str, by: str) -> Derivation:
    return Derivation.objects.create(
        dataset=into,
        indicator=Indicator.objects.get(code=code),
        derived_by=by,
        formula_en=formula_en,
        formula_fr=formula_fr,
        inputs_en="published figures",
        inputs_fr="chiffres publiés",
    )


def section(html: str, anchor: str) -> str:
    """The HTML of one section of the page, by its id."""
    start = html.index(f'<section id="{anchor}"')
    return html[start : html.index("</section>", start)]


def source_lines(html: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in SOURCE_LINE.finditer(html)]


def cells(html: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in CELL.finditer(html)]


def flat(html: str) -> str:
    """The text of some HTML, tags dropped and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
