"""Property tests: whatever a client sends, the API never answers with a server error."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rabatnet.api.pagination import MAX_OFFSET
from rabatnet.countries.models import Membership

# The test client is a function-scoped fixture: it holds no state between examples here.
api_settings = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
codes = st.one_of(
    st.text(),
    st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=3, max_size=3
    ),
    st.sampled_from(["SEN", "sen", "LBY", "BRA", "../SEN", "%00", "SEN/", "ß", "İ"]),
)
numbers = st.one_of(st.integers(), st.integers(min_value=-5, max_value=100))
statuses = st.one_of(st.none(), st.sampled_from(Membership.Status.values), st.text(max_size=20))


@pytest.mark.django_db
@api_settings
@given(iso3=codes)
def test_country_never_answers_a_server_error(client, iso3):
    response = client.get(f"/api/v1/countries/{quote(iso3, safe='')}")

    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.json()["iso3"] == iso3.upper()


@pytest.mark.django_db
@api_settings
@given(limit=numbers, offset=numbers, status=statuses)
def test_countries_never_answers_a_server_error(client, limit, offset, status):
    params = {"limit": limit, "offset": offset}
    if status is not None:
        params["status"] = status

    response = client.get("/api/v1/countries", params)

    assert response.status_code < 500
    valid = limit >= 1 and 0 <= offset <= MAX_OFFSET and status in (None, *Membership.Status.values)
    assert response.status_code == (200 if valid else 422)
    if valid:
        body = response.json()
        assert len(body["items"]) == max(0, min(limit, body["count"] - offset))
