"""Every source line covers its figures, on the profile of every member country.

Each figure of a table carries its year and dataset (``data-year``, ``data-source``); the
source line of that dataset in the same figure block states a range of years
(``data-years``, "1990–2024" or "2024") that must hold it.
"""

import re

import pytest

from rabatnet.countries.models import Country

from .loaded import PROFILE_DATASETS, shipped_datasets
from .profile_support import CELL, SOURCE_LINE

shipped = shipped_datasets(*PROFILE_DATASETS)
ATTRIBUTE = re.compile(r'data-(year|source)="([^"]*)"')


def years(stated: str) -> range:
    first, _dash, last = stated.partition("–")
    return range(int(first), int(last or first) + 1)


def uncovered(html: str) -> tuple[int, list[str]]:
    """(figures checked, figures whose year no source line of their block states)."""
    checked, wrong = 0, []
    for block in html.split('<div class="figure-block">')[1:]:
        lines = {m["slug"]: m["years"] for m in SOURCE_LINE.finditer(block)}
        for cell in CELL.finditer(block):
            if cell["text"] == "—":
                continue
            found = dict(ATTRIBUTE.findall(cell["attributes"]))
            checked += 1
            stated = lines.get(found.get("source", ""), "")
            year = found.get("year", "")
            if not stated or not year.isdigit() or int(year) not in years(stated):
                wrong.append(f"{cell['text']} ({found}) under {stated or 'no line'}")
    return checked, wrong


@pytest.mark.django_db
def test_every_figure_of_every_member_profile_is_under_a_line_stating_its_year(client):
    members = list(Country.objects.members().order_by("iso3"))
    assert len(members) > 50
    checked, wrong = 0, {}
    for country in members:
        response = client.get(f"/en/countries/{country.iso3}/profile/")
        assert response.status_code == 200
        count, errors = uncovered(response.content.decode())
        checked += count
        if errors:
            wrong[country.iso3] = errors[:3] + [f"… {len(errors)} in all"]

    assert checked > 10_000  # every table of every profile was read
    assert wrong == {}
