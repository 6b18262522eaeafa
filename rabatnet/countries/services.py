"""Writes for countries: loading the reference tables."""

import csv
import gettext
import re
from pathlib import Path

import pycountry
from django.db import transaction

from rabatnet.core.loading import LoadReport, ReferenceDataError, upsert

from .models import Country, Membership

_ARTICLE = re.compile(r"\s*\((the|le|la|l'|l’|les)\)\s*$")
_STATUS_FROM_FILE = {
    "partner": Membership.Status.PARTNER,
    "observer": Membership.Status.OBSERVER,
    "former partner": Membership.Status.FORMER_PARTNER,
    "former_partner": Membership.Status.FORMER_PARTNER,
}


def strip_article(name: str) -> str:
    """'Sénégal (le)' -> 'Sénégal'; 'Gambia (the)' -> 'Gambia'."""
    return _ARTICLE.sub("", name).strip()


def _portuguese_names() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["pt"], fallback=True)


def _read_csv(path: Path, required: set[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise ReferenceDataError(f"{path}: missing columns {', '.join(sorted(missing))}")
            return list(reader)
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(f"{path}: cannot be read ({exc})") from exc


def _country_values(row: dict[str, str], pt: gettext.NullTranslations) -> dict[str, object]:
    name_en = strip_article(row["name_en_un"]) or row["name_en"]
    name_fr = strip_article(row["name_fr"]) or name_en
    iso = pycountry.countries.get(alpha_3=row["iso3"])
    name_pt = pt.gettext(iso.name) if iso else name_en
    return {
        "iso2": row["iso2"],
        "iso_numeric": row["iso_numeric"],
        "m49": row["m49"],
        "name_en": name_en,
        "name_fr": name_fr,
        "name_pt": name_pt,
        "official_name_fr": row["name_fr"],
        "region": row["region"],
        "subregion": row["subregion"],
        "intermediate_region": row["intermediate_region"],
        "is_independent": row["is_independent"] == "Yes",
        "code_status": row["code_status"],
    }


@transaction.atomic
def countries_load(*, countries_path: Path) -> LoadReport:
    """Create or update every country of the code table; idempotent."""
    rows = _read_csv(countries_path, {"iso3", "iso2", "name_en", "name_en_un", "name_fr"})
    report = LoadReport()
    pt = _portuguese_names()
    for line, row in enumerate(rows, start=2):
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
            raise ReferenceDataError(f"{countries_path}, line {line}: bad iso3 {row['iso3']!r}")
        _, created, changed = upsert(Country, {"iso3": row["iso3"]}, _country_values(row, pt))
        report.count(created, changed)
    return report


def _year(value: str, where: str) -> int | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}", value):
        raise ReferenceDataError(f"{where}: year {value!r} is not a four-digit year")
    return int(value)


def _group(value: str, where: str) -> str:
    """'EU member state' -> 'eu_member_state'."""
    code = value.strip().lower().replace("-", "_").replace(" ", "_")
    if code and code not in Membership.Group.values:
        raise ReferenceDataError(f"{where}: unknown group {value!r}")
    return code


@transaction.atomic
def memberships_load(*, members_path: Path, periods_path: Path | None = None) -> LoadReport:
    """Load the member list (current status) and any earlier periods; idempotent."""
    members = _read_csv(members_path, {"iso3", "side", "group", "status", "note"})
    periods = _read_csv(periods_path, {"iso3", "status"}) if periods_path else []
    countries = {c.iso3: c for c in Country.objects.all()}
    report = LoadReport()
    sides = {row["iso3"]: row for row in members}

    def country_for(iso3: str, where: str) -> Country:
        if iso3 not in countries:
            raise ReferenceDataError(f"{where}: unknown country code {iso3!r}")
        return countries[iso3]

    def status_for(value: str, where: str) -> str:
        if value not in _STATUS_FROM_FILE:
            raise ReferenceDataError(f"{where}: unknown membership status {value!r}")
        return _STATUS_FROM_FILE[value]

    wanted: dict[tuple[str, str], dict[str, object]] = {}
    for line, row in enumerate(members, start=2):
        where = f"{members_path}, line {line}"
        country = country_for(row["iso3"], where)
        status = status_for(row["status"], where)
        wanted[(country.iso3, status)] = {"note": row["note"], "source": members_path.name}
    periods_name = periods_path.name if periods_path else ""
    for line, row in enumerate(periods, start=2):
        where = f"{periods_path}, line {line}"
        if row["iso3"] not in sides:
            raise ReferenceDataError(f"{where}: {row['iso3']} is not in the member list")
        status = status_for(row["status"], where)
        entry = wanted.setdefault((country_for(row["iso3"], where).iso3, status), {"note": ""})
        entry["started_year"] = _year(row.get("started_year", ""), where)
        entry["ended_year"] = _year(row.get("ended_year", ""), where)
        entry["source"] = row.get("source", "") or periods_name

    for (iso3, status), values in wanted.items():
        side_row = sides[iso3]
        values.setdefault("started_year", None)
        values.setdefault("ended_year", None)
        values["side"] = Membership.Side(side_row["side"].lower())
        values["group"] = _group(side_row["group"], f"{members_path}, {iso3}")
        _, created, changed = upsert(
            Membership, {"country": countries[iso3], "status": status}, values
        )
        report.count(created, changed)
    stale = Membership.objects.exclude(
        pk__in=[
            m.pk
            for m in Membership.objects.select_related("country")
            if (m.country.iso3, m.status) in wanted
        ]
    )
    report.removed += stale.delete()[0]
    return report
