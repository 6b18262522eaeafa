"""The fetch-and-check helpers: 404 before any query for a key that cannot exist, the
sign-in page for an anonymous (or half-signed-in) visitor, 403 for anybody else."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rabatnet.guides import services
from rabatnet.guides.tests.factories import drafted_guide
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db
HUGE = "9" * 30
OBJECT_TABLES = (
    r'"(guides_\w+|countries_country|sources_source|network_person|network_organisation)"'
)


@pytest.mark.parametrize(
    "name, kwargs, query",
    [
        ("guides:edition", {"iso3": "SEN", "number": HUGE}, ""),
        ("guides:edition_pdf", {"iso3": "SEN", "number": HUGE}, ""),
        ("guides:compare", {"iso3": "SEN"}, f"?a=1&b={HUGE}"),
        ("guides:compare", {"iso3": "SEN"}, "?a=x&b=1"),
        ("guides:detail", {"iso3": "S3N"}, ""),
        ("guides:workspace", {"iso3": "SE\x00"}, ""),
        ("sources:edit", {"iso3": "SEN", "pk": HUGE}, ""),
        ("network:person_detail", {"pk": HUGE}, ""),
        ("network:organisation_edit", {"pk": HUGE}, ""),
        ("network:country_area", {"iso3": "SENE"}, ""),
    ],
)
def test_a_key_that_cannot_exist_is_404_before_any_query(client, name, kwargs, query):
    client.force_login(f.secretariat())
    url = reverse(name, kwargs=kwargs) + query
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 404
    # The session, the user, their devices: the object is never looked for.
    looked_for = [q["sql"] for q in queries if re.search(OBJECT_TABLES, q["sql"])]
    assert not looked_for


def test_an_unpublished_edition_sends_anonymous_visitors_to_sign_in(client):
    services.guide_submit(guide=drafted_guide(), actor=None)
    url = reverse("guides:edition", kwargs={"iso3": "SEN", "number": 1})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    client.force_login(f.focal_point("MLI"))
    assert client.get(url).status_code == 403
    client.force_login(f.workgroup_member("SEN"))
    assert client.get(url).status_code == 200


def test_an_unknown_edition_is_404_for_everybody(client):
    drafted_guide()
    url = reverse("guides:edition", kwargs={"iso3": "SEN", "number": 7})
    assert client.get(url).status_code == 404
    client.force_login(f.secretariat())
    assert client.get(url).status_code == 404


def test_the_compare_page_checks_both_editions(client):
    guide = drafted_guide()
    first = services.guide_submit(guide=guide, actor=None)
    services.edition_endorse(edition=first, actor=None)
    services.edition_publish(edition=first, actor=None)
    services.guide_submit(guide=guide, actor=None)
    url = reverse("guides:compare", kwargs={"iso3": "SEN"}) + "?a=1&b=2"
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))
    client.force_login(f.focal_point("SEN"))
    assert client.get(url).status_code == 200
