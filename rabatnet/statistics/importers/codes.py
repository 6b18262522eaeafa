"""Country codes as files write them: ISO alpha-3 or alpha-2, and Eurostat's own."""

from rabatnet.countries.models import Country

# Eurostat's codes that are not ISO 3166 alpha-2, and its names for non-country codes.
EUROSTAT = {"EL": "GRC", "UK": "GBR", "XK": "XKX", "EU27_2020": "EU27", "STLS": "STL"}


def alpha3() -> dict[str, str]:
    """Alpha-2 (and Eurostat's codes) -> alpha-3, for the reference countries."""
    codes = {iso2: iso3 for iso2, iso3 in Country.objects.values_list("iso2", "iso3") if iso2}
    codes.update(EUROSTAT)
    return codes


def code(value: str, to_alpha3: dict[str, str]) -> str:
    """The code as stored: alpha-3 where ``to_alpha3`` knows it, else upper case as written."""
    value = value.strip().upper()
    return to_alpha3.get(value, value)
