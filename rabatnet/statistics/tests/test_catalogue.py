"""The data catalogue and the dataset pages: provenance, freshness, coverage equal to the files."""

import html
import json
import re
from datetime import timedelta
from typing import TypedDict

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from rabatnet.network.tests import factories as people
from rabatnet.statistics import catalogue, selectors
from rabatnet.statistics.freshness import Freshness
from rabatnet.statistics.models import Dataset
from rabatnet.statistics.permissions import can_view_overdue_datasets

from .import_support import STATISTICS_DIR, source_rows
from .loaded import shipped_datasets

SLUGS = ["iom-missing-migrants", "frontex-detections", "undesa-ims-2024-origin"]
shipped = shipped_datasets(*SLUGS)
URL = "/en/data/"


@pytest.fixture
def ages(db):
    """Release dates set so that each dataset is in a known state today."""
    today = timezone.localdate()
    releases = {
        "frontex-detections": (today - timedelta(days=60), 30),  # delinquent
        "iom-missing-migrants": (today - timedelta(days=44), 30),  # overdue
        "undesa-ims-2024-origin": (today - timedelta(days=10), 1826),  # up to date
    }
    for slug, (released, frequency) in releases.items():
        Dataset.objects.filter(slug=slug).update(released_on=released, update_frequency=frequency)
    return releases


def text(response) -> str:
    return html.unescape(response.content.decode())


def row_of(page: str, slug: str) -> str:
    """The table row of the catalogue that links to the dataset ``slug``."""
    for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S):
        if f'href="/en/data/{slug}/"' in row:
            return row
    raise AssertionError(f"no row for {slug}")


def badge(fragment: str) -> str:
    match = re.search(r'class="badge freshness (\w+)"', fragment)
    assert match, fragment
    return match[1]


# --- The catalogue --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_catalogue_is_public_and_names_every_dataset_with_its_provenance(client, ages):
    response = client.get(URL)

    assert response.status_code == 200
    page = text(response)
    for dataset in Dataset.objects.filter(slug__in=SLUGS).select_related("publisher"):
        row = row_of(page, dataset.slug)
        assert dataset.title in row
        assert dataset.publisher.name in row
        assert dataset.revision in row
        assert dataset.licence in row
        assert dataset.released_on.isoformat() in row
        assert dataset.retrieved_on.isoformat() in row
        assert str(dataset.get_update_frequency_display()) in row
        due = dataset.released_on + timedelta(days=dataset.update_frequency)
        assert f"next due {due.isoformat()}" in row
    # The licence is a link where the publisher gives one.
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in (
        row_of(page, "iom-missing-migrants")
    )


@pytest.mark.django_db
def test_each_dataset_has_its_freshness_badge(client, ages):
    page = text(client.get(URL))

    assert badge(row_of(page, "frontex-detections")) == "delinquent"
    assert badge(row_of(page, "iom-missing-migrants")) == "overdue"
    assert badge(row_of(page, "undesa-ims-2024-origin")) == "up_to_date"


@pytest.mark.django_db
def test_a_dataset_just_past_its_frequency_is_due(client, ages):
    Dataset.objects.filter(slug="iom-missing-migrants").update(
        released_on=timezone.localdate() - timedelta(days=30)
    )

    assert badge(row_of(text(client.get(URL)), "iom-missing-migrants")) == "due"


@pytest.mark.django_db
def test_anonymous_visitors_see_the_badges_but_no_overdue_panel(client, ages):
    page = text(client.get(URL))

    assert "Overdue datasets" not in page
    assert "Delinquent" in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", [people.focal_point, people.secretariat, people.expert])
def test_members_see_the_overdue_datasets(client, ages, role):
    client.force_login(role())

    page = text(client.get(URL))

    panel = page[page.index('<section class="late-panel"') : page.index("</section>")]
    assert "Overdue datasets" in panel
    assert "Frontex: detections of illegal border-crossings by route" in panel
    assert "IOM Missing Migrants Project: dead and missing by route" in panel
    assert "International Migrant Stock 2024: by origin" not in panel
    # The most late first.
    assert panel.index("Frontex") < panel.index("IOM Missing")


@pytest.mark.django_db
def test_the_panel_says_when_nothing_is_overdue(client, ages):
    Dataset.objects.update(released_on=timezone.localdate())
    client.force_login(people.focal_point())

    page = text(client.get(URL))

    assert "Overdue datasets" in page
    assert "No dataset is overdue." in page


@pytest.mark.django_db
def test_a_signed_in_person_without_an_appointment_sees_no_panel(client, ages):
    client.force_login(people.no_role())

    assert "Overdue datasets" not in text(client.get(URL))


@pytest.mark.django_db
def test_only_members_may_see_what_is_overdue():
    assert can_view_overdue_datasets(people.focal_point())
    assert can_view_overdue_datasets(people.secretariat())
    assert not can_view_overdue_datasets(people.no_role())
    assert not can_view_overdue_datasets(AnonymousUser())


@pytest.mark.django_db
def test_the_catalogue_documents_every_indicator_code(client):
    page = text(client.get(URL))

    table = page[page.index('id="indicators"') :]
    for spec in json.loads((STATISTICS_DIR / "indicators.json").read_text(encoding="utf-8")):
        row = table[table.index(f'<tr id="indicator-{spec["code"]}">') :]
        row = row[: row.index("</tr>")]
        assert f"<code>{spec['code']}</code>" in row
        assert spec["name"]["en"] in row
        assert spec["definition"]["en"] in row
    # The datasets that hold an indicator are named beside it.
    row = table[table.index('<tr id="indicator-dead_and_missing">') :]
    assert 'href="/en/data/iom-missing-migrants/"' in row[: row.index("</tr>")]


@pytest.mark.django_db
def test_the_download_form_works_without_javascript(client):
    page = text(client.get(URL))

    form = page[page.index('<form method="get" action="/en/data/download/"') :]
    form = form[: form.index("</form>")]
    assert '<select name="indicator"' in form
    assert '<option value="migrant_stock_total">' in form
    assert '<select name="country"' in form and "multiple" in form
    assert '<option value="all" selected>All countries</option>' in form
    assert '<option value="SEN">Senegal</option>' in form
    assert '<option value="MLI">Mali</option>' in form
    assert '<option value="BRA">' not in form  # outside the dialogue: typed in the address only
    assert 'name="from"' in form and 'name="to"' in form
    assert '<option value="sdmx-csv">SDMX-CSV</option>' in form
    assert 'name="hxl"' in form


@pytest.mark.django_db
def test_the_catalogue_is_in_french_too(client):
    page = text(client.get("/fr/data/"))

    assert "Projet Migrants disparus de l'OIM : morts et disparus par route" in page
    assert "Stock de migrants internationaux" in page


@pytest.mark.django_db
def test_the_catalogue_query_count_stays_flat(client, django_assert_max_num_queries):
    client.get(URL)  # coverage computed and cached

    with django_assert_max_num_queries(8):
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.django_db
def test_overdue_entries_are_the_late_ones_most_late_first(ages):
    entries = selectors.catalogue_entries(today=timezone.localdate())

    late = catalogue.late_entries(entries)

    assert [e.dataset.slug for e in late] == ["frontex-detections", "iom-missing-migrants"]
    assert [e.freshness for e in late] == [Freshness.DELINQUENT, Freshness.OVERDUE]


# --- A dataset's page -----------------------------------------------------------------------


class Coverage(TypedDict):
    observations: int
    countries: int
    years: tuple[int, int]


def origin_coverage() -> Coverage:
    """What the UN DESA file by origin holds, counted from the file itself."""
    rows = [r for r in source_rows(PATHS["origin"]) if r["emigrants_total"] != ""]
    countries = {r["iso3"] for r in rows if r["is_country"] == "True" and r["iso3"]}
    years = sorted(int(r["year"]) for r in rows)
    return {"observations": len(rows), "countries": len(countries), "years": (years[0], years[-1])}


PATHS = {
    "origin": "undesa-international-migrant-stock-2024/migrant_stock_by_origin.csv.gz",
    "iom": "iom-missing-migrants/dead_and_missing_annual_by_route.csv.gz",
}


def cells(page: str, code: str) -> list[str]:
    row = page[page.index(f"<td><code>{code}</code></td>") :]
    row = row[: row.index("</tr>")]
    return [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


@pytest.mark.django_db
def test_a_dataset_page_gives_its_provenance(client, ages):
    dataset = Dataset.objects.select_related("publisher").get(slug="iom-missing-migrants")

    response = client.get(reverse("statistics:dataset", kwargs={"slug": dataset.slug}))

    assert response.status_code == 200
    page = text(response)
    assert f"<h1>{dataset.title}</h1>" in page
    for fact in (dataset.publisher.name, dataset.revision, dataset.source_url, dataset.caveats):
        assert fact in page
    assert f'<a href="{dataset.licence_url}" rel="license">{dataset.licence}</a>' in page
    assert dataset.retrieved_on.strftime("%-d %B %Y") in page
    assert dataset.released_on.strftime("%-d %B %Y") in page
    assert "Every month" in page
    assert badge(page) == "overdue"


@pytest.mark.django_db
def test_a_dataset_page_gives_the_coverage_of_the_file(client):
    expected = origin_coverage()

    page = text(client.get("/en/data/undesa-ims-2024-origin/"))

    code, _, _, observations, countries, years, _, _ = cells(page, "emigrant_stock_total")
    assert code == "emigrant_stock_total"
    assert observations == f"{expected['observations']:,}"
    assert countries == str(expected["countries"])
    assert years == "{}–{}".format(*expected["years"])


@pytest.mark.django_db
def test_a_dataset_of_routes_counts_no_country(client):
    rows = source_rows(PATHS["iom"])
    years = sorted(int(r["year"]) for r in rows)

    page = text(client.get("/en/data/iom-missing-migrants/"))

    _, _, unit, observations, countries, period, _, downloads = cells(page, "dead_and_missing")
    assert unit == "persons"
    assert (observations, countries) == (str(len(rows)), "0")
    assert period == f"{years[0]}–{years[-1]}"
    assert downloads == "CSV · XLSX · SDMX-CSV"
    assert 'href="/en/data/download/?indicator=dead_and_missing&amp;format=xlsx"' in (
        client.get("/en/data/iom-missing-migrants/").content.decode()
    )


@pytest.mark.django_db
def test_an_unknown_dataset_is_404(client):
    assert client.get("/en/data/no-such-dataset/").status_code == 404


@pytest.mark.django_db
def test_coverage_is_cached_by_import(django_assert_num_queries):
    dataset = Dataset.objects.get(slug="undesa-ims-2024-origin")
    first = selectors.dataset_coverage(dataset)

    with django_assert_num_queries(0):
        assert selectors.dataset_coverage(dataset) == first
