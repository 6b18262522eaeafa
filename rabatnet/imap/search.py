"""Find a country by a name in English or French (any case, accents or not, part of it) or
by its ISO code, in the reference table."""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import get_language

from rabatnet.countries.models import Country

# More matches than this and the page asks for more letters rather than listing them.
MAX_MATCHES = 12


@dataclass(frozen=True)
class Match:
    iso3: str
    name: str  # in the active language


@dataclass(frozen=True)
class _Entry:
    iso3: str
    iso2: str
    name: str
    keys: tuple[str, ...]  # the folded names (English, French, UN French)


def fold(text: str) -> str:
    """``text`` without accents, case or extra spaces: "  Sénégal " and "senegal" are equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.replace("’", "'").split())


def _entries() -> list[_Entry]:
    french = (get_language() or "en").startswith("fr")
    rows = Country.objects.values_list("iso3", "iso2", "name_en", "name_fr", "official_name_fr")
    entries = []
    for iso3, iso2, name_en, name_fr, official_fr in rows:
        names = [n for n in (name_en, name_fr, official_fr) if n]
        shown = (name_fr if french else name_en) or name_en or name_fr or iso3
        entries.append(_Entry(iso3, iso2, shown, tuple(fold(n) for n in names)))
    return entries


def find_countries(query: str) -> list[Match]:
    """The countries ``query`` names: one when a code or a whole name matches exactly, else
    every country whose name contains it (by name), at most ``MAX_MATCHES`` + 1."""
    wanted = fold(query)
    if not wanted:
        return []
    entries = _entries()
    code = wanted.upper()
    exact = [e for e in entries if code in (e.iso3, e.iso2) or wanted in e.keys]
    if exact:
        return [Match(e.iso3, e.name) for e in exact]
    partial = [e for e in entries if any(wanted in key for key in e.keys)]
    partial.sort(key=lambda e: (not any(k.startswith(wanted) for k in e.keys), fold(e.name)))
    return [Match(e.iso3, e.name) for e in partial[: MAX_MATCHES + 1]]


def country_name(iso3: str) -> str | None:
    """The name of the country ``iso3`` in the active language, None if there is none."""
    country = Country.objects.filter(iso3=iso3).only("iso3", "name").first()
    return country.name if country else None
