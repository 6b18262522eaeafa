"""Writes for statistics outside imports: the indicator list and the country codes."""

import json
from pathlib import Path

from django.db import transaction

from rabatnet.countries.models import Country

from .models import Geo, Indicator


def _country_geo(country: Country) -> Geo:
    english = country.name_en or country.iso3
    return Geo(
        code=country.iso3,
        kind=Geo.Kind.COUNTRY,
        country=country,
        name=english,
        name_en=english,
        name_fr=country.name_fr or english,
    )


@transaction.atomic
def geo_countries_sync() -> int:
    """Every country of the reference table has its geographic code; returns how many were added."""
    have = set(Geo.objects.filter(kind=Geo.Kind.COUNTRY).values_list("code", flat=True))
    missing = [_country_geo(c) for c in Country.objects.exclude(iso3__in=have)]
    Geo.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def indicators_load(*, path: Path) -> int:
    """Create or update the indicators described in ``path`` (idempotent)."""
    count = 0
    for spec in json.loads(path.read_text(encoding="utf-8")):
        Indicator.objects.update_or_create(
            code=spec["code"],
            defaults={
                "theme": spec["theme"],
                "unit": spec["unit"],
                "partner_meaning": spec["partner"],
                "name": spec["name"]["en"],
                "name_en": spec["name"]["en"],
                "name_fr": spec["name"]["fr"],
                "definition": spec["definition"]["en"],
                "definition_en": spec["definition"]["en"],
                "definition_fr": spec["definition"]["fr"],
                "allows_negative": spec.get("allows_negative", False),
                "implied_dimensions": spec.get("implied_dimensions", {}),
            },
        )
        count += 1
    return count
