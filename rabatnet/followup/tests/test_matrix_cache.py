"""The public follow-up pages are kept per data revision: a verification shows at once."""

import pytest
from django.urls import reverse

from rabatnet.core.public_cache import MARKER

from .progress_samples import assess, make_cycle

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_matrix_kept_and_renewed_by_a_verification(client):
    cycle = make_cycle()
    assess(cycle, "SEN", 1, "achieved")
    pending = assess(cycle, "MLI", 1, "planned", state="submitted")
    url = reverse("strategy:matrix")
    first, second = client.get(url), client.get(url)
    assert (first[MARKER], second[MARKER]) == ("miss", "hit")
    assert b'data-iso3="MLI" data-objective="1" data-status=""' in second.content

    pending.review_state, pending.verified_status = "verified", "planned"
    pending.save()  # the followup signals raise FOLLOWUP

    third = client.get(url)
    assert third[MARKER] == "miss"
    assert b'data-iso3="MLI" data-objective="1" data-status="planned"' in third.content


@pytest.mark.parametrize(
    "name", ["strategy:dashboard", "strategy:matrix_csv", "strategy:matrix_svg"]
)
def test_other_public_pages_are_kept(client, name):
    assess(make_cycle(), "SEN", 1, "achieved")
    url = reverse(name)
    assert [client.get(url)[MARKER] for _ in range(2)] == ["miss", "hit"]


def test_country_pages_are_kept_and_private_ones_never(client):
    assess(make_cycle(), "SEN", 1, "achieved")
    for name in ("strategy:report", "strategy:diff", "strategy:report_pdf"):
        url = reverse(name, kwargs={"iso3": "SEN"})
        assert [client.get(url)[MARKER] for _ in range(2)] == ["miss", "hit"], name
    from rabatnet.network.tests import factories as f

    client.force_login(f.focal_point("SEN"))
    response = client.get(reverse("strategy:private_report", kwargs={"iso3": "SEN"}))
    assert MARKER not in response
