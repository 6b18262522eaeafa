"""The secretariat's CSV of every request: parses back, one row per request, UTF-8 with a
BOM, ISO 8601 UTC times, formulas defused; nobody else gets it."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import mission_services as services
from .factories import make_request
from .mission_fixtures import reported

pytestmark = pytest.mark.django_db
URL = "/en/private/support/export.csv"


def _rows(client) -> list[list[str]]:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_url_is_where_it_should_be():
    assert reverse("missions:export") == URL


def test_one_row_per_request_parses_back(client):
    request, expert, staff = reported()
    services.evaluation_submit(
        request=request,
        relevance=5,
        quality=4,
        timeliness=3,
        usefulness=2,
        comment="",
        actor=f.focal_point("SEN"),
    )
    other = make_request("MLI", at=datetime(2025, 6, 1, 9, 30, tzinfo=UTC))
    client.force_login(staff)
    header, *rows = _rows(client)
    assert len(rows) == 2
    by_ref = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    mine = by_ref[request.reference]
    assert mine["Country (ISO3)"] == "SEN"
    assert mine["Stage"] == "evaluated"
    assert mine["Experts accepted (number)"] == "1"
    assert str(expert.person.full_name) in mine["Experts accepted"]
    assert mine["Evaluation: quality of the expertise (1-5)"] == "4"
    assert mine["First deployed (UTC)"].endswith("Z")
    assert mine["First closed (UTC)"] == ""
    theirs = by_ref[other.reference]
    assert theirs["Requested at (UTC)"] == "2025-06-01T09:30:00Z"
    assert theirs["Country (ISO3)"] == "MLI"
    assert theirs["Stage"] == "received"


def test_formulas_are_defused(client):
    make_request("SEN", title="=HYPERLINK(1)", beneficiary_institution="+cmd")
    client.force_login(f.secretariat())
    header, row = _rows(client)
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_only_the_secretariat(client):
    make_request("SEN")
    assert client.get(URL).status_code == 302
    for user in (f.focal_point("SEN"), f.focal_point("MLI"), f.workgroup_member("SEN"), f.expert()):
        client.force_login(user)
        assert client.get(URL).status_code == 403
