"""The triad for every private view: anonymous → login, wrong role or country → 403, right → 200."""

import pytest
from django.urls import reverse

from rabatnet.network.models import Role
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:  # type: ignore[no-untyped-def]
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


@pytest.fixture
def listed_person():  # type: ignore[no-untyped-def]
    return f.AppointmentFactory(person__directory_consent=True).person


MEMBER_VIEWS = ["network:private_home", "network:directory", "network:organisation_list"]
SECRETARIAT_VIEWS = ["network:person_create", "network:organisation_create"]


@pytest.mark.parametrize("name", MEMBER_VIEWS)
def test_member_views(client, name):  # type: ignore[no-untyped-def]
    url = reverse(name)
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


@pytest.mark.parametrize("name", SECRETARIAT_VIEWS)
def test_secretariat_views(client, name):  # type: ignore[no-untyped-def]
    url = reverse(name)
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, f.secretariat(), url) == 200


def test_country_area_triad(client):  # type: ignore[no-untyped-def]
    url = reverse("network:country_area", kwargs={"iso3": "SEN"})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("SEN"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_person_detail_triad(client, listed_person):  # type: ignore[no-untyped-def]
    unlisted = f.AppointmentFactory(person__directory_consent=False).person
    for person, member_status in [(listed_person, 200), (unlisted, 403)]:
        url = reverse("network:person_detail", kwargs={"pk": person.pk})
        assert _status(client, None, url) == 302
        assert _status(client, f.no_role(), url) == 403
        assert _status(client, f.focal_point("MLI"), url) == member_status
        assert _status(client, f.secretariat(), url) == 200
        assert _status(client, person.user, url) == 200


def test_person_edit_triad(client, listed_person):  # type: ignore[no-untyped-def]
    url = reverse("network:person_edit", kwargs={"pk": listed_person.pk})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, listed_person.user, url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_appointment_views_triad(client, listed_person):  # type: ignore[no-untyped-def]
    create = reverse("network:appointment_create", kwargs={"pk": listed_person.pk})
    appointment = listed_person.appointments.get()
    end = reverse("network:appointment_end", kwargs={"pk": appointment.pk})
    assert _status(client, None, create) == 302
    assert _status(client, None, end, "post") == 302
    assert _status(client, f.focal_point("SEN"), create) == 403
    assert _status(client, f.focal_point("SEN"), end, "post", {"ends_on": "2099-01-01"}) == 403
    assert _status(client, f.secretariat(), create) == 200
    assert _status(client, f.secretariat(), end, "post", {"ends_on": "2099-01-01"}) == 302
    appointment.refresh_from_db()
    assert str(appointment.ends_on) == "2099-01-01"


def test_organisation_edit_triad(client):  # type: ignore[no-untyped-def]
    url = reverse("network:organisation_edit", kwargs={"pk": f.OrganisationFactory().pk})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, f.secretariat(), url) == 200


def test_directory_hides_unlisted_people_from_members(client):  # type: ignore[no-untyped-def]
    listed = f.AppointmentFactory(person__directory_consent=True, person__full_name="Awa Listed")
    hidden = f.AppointmentFactory(person__directory_consent=False, person__full_name="Omar Hidden")
    client.force_login(f.focal_point("MLI"))
    page = client.get(reverse("network:directory")).content.decode()
    assert listed.person.email in page
    assert hidden.person.email not in page and "Omar Hidden" not in page
    client.force_login(f.secretariat())
    assert "Omar Hidden" in client.get(reverse("network:directory")).content.decode()


def test_directory_filters_by_country_and_role(client):  # type: ignore[no-untyped-def]
    f.AppointmentFactory(person__full_name="Fatou Senegal")
    mali = f.focal_point("MLI")
    mali.person.full_name = "Moussa Mali"
    mali.person.save()
    client.force_login(mali)
    page = client.get(reverse("network:directory"), {"country": "SEN"}).content.decode()
    assert "Fatou Senegal" in page and "Moussa Mali" not in page
    page = client.get(reverse("network:directory"), {"role": Role.EXPERT}).content.decode()
    assert "Fatou Senegal" not in page


def test_directory_htmx_returns_only_the_results(client):  # type: ignore[no-untyped-def]
    client.force_login(f.focal_point())
    response = client.get(reverse("network:directory"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results">')
    assert "<html" not in body


def test_directory_query_count_does_not_grow_with_people(client, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    for _ in range(15):
        f.AppointmentFactory()
    client.force_login(f.secretariat())
    with django_assert_max_num_queries(12):
        assert client.get(reverse("network:directory")).status_code == 200


def test_private_home_shows_country_and_french(client):  # type: ignore[no-untyped-def]
    client.force_login(f.focal_point("SEN"))
    assert "Senegal" in client.get("/en/private/").content.decode()
    page = client.get("/fr/private/").content.decode()
    assert 'lang="fr"' in page and "Sénégal" in page
