"""The triad for every private view: anonymous → login, wrong role or country → 403, right → 200."""

import re

import pytest
from django import forms
from django.core import mail
from django.urls import reverse
from django.utils import translation

from rabatnet.countries.selectors import country_choices, member_countries
from rabatnet.network.forms import DirectoryFilterForm
from rabatnet.network.models import Person, Role
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


@pytest.fixture
def listed_person():
    return f.AppointmentFactory.create(person__directory_consent=True).person


MEMBER_VIEWS = ["network:private_home", "network:directory", "network:organisation_list"]
SECRETARIAT_VIEWS = ["network:person_create", "network:organisation_create"]


@pytest.mark.parametrize("name", MEMBER_VIEWS)
def test_member_views(client, name):
    url = reverse(name)
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


@pytest.mark.parametrize("name", SECRETARIAT_VIEWS)
def test_secretariat_views(client, name):
    url = reverse(name)
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, f.secretariat(), url) == 200


def test_country_area_triad(client):
    url = reverse("network:country_area", kwargs={"iso3": "SEN"})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("SEN"), url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_person_detail_triad(client, listed_person):
    unlisted = f.AppointmentFactory.create(person__directory_consent=False).person
    for person, member_status in [(listed_person, 200), (unlisted, 403)]:
        url = reverse("network:person_detail", kwargs={"pk": person.pk})
        assert _status(client, None, url) == 302
        assert _status(client, f.no_role(), url) == 403
        assert _status(client, f.focal_point("MLI"), url) == member_status
        assert _status(client, f.secretariat(), url) == 200
        assert _status(client, person.user, url) == 200


def test_person_edit_triad(client, listed_person):
    url = reverse("network:person_edit", kwargs={"pk": listed_person.pk})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, listed_person.user, url) == 200
    assert _status(client, f.secretariat(), url) == 200


def test_appointment_views_triad(client, listed_person):
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


def test_organisation_edit_triad(client):
    url = reverse("network:organisation_edit", kwargs={"pk": f.OrganisationFactory.create().pk})
    assert _status(client, None, url) == 302
    assert _status(client, f.focal_point("SEN"), url) == 403
    assert _status(client, f.secretariat(), url) == 200


def test_directory_hides_unlisted_people_from_members(client):
    listed = f.AppointmentFactory.create(
        person__directory_consent=True,
        person__share_email=True,
        person__full_name="Awa Listed",
    )
    hidden = f.AppointmentFactory.create(
        person__directory_consent=False, person__full_name="Omar Hidden"
    )
    client.force_login(f.focal_point("MLI"))
    page = client.get(reverse("network:directory")).content.decode()
    assert listed.person.email in page
    assert hidden.person.email not in page and "Omar Hidden" not in page
    client.force_login(f.secretariat())
    assert "Omar Hidden" in client.get(reverse("network:directory")).content.decode()


def test_directory_filters_by_country_and_role(client):
    f.AppointmentFactory.create(person__full_name="Fatou Senegal")
    mali = f.focal_point("MLI")
    mali.person.full_name = "Moussa Mali"
    mali.person.save()
    client.force_login(mali)
    page = client.get(reverse("network:directory"), {"country": "SEN"}).content.decode()
    assert "Fatou Senegal" in page and "Moussa Mali" not in page
    page = client.get(reverse("network:directory"), {"role": Role.EXPERT}).content.decode()
    assert "Fatou Senegal" not in page


def test_directory_htmx_returns_only_the_results(client):
    client.force_login(f.focal_point())
    response = client.get(reverse("network:directory"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results">')
    assert "<html" not in body


def test_directory_query_count_does_not_grow_with_people(client, django_assert_max_num_queries):
    for _ in range(15):
        f.AppointmentFactory.create()
    client.force_login(f.secretariat())
    with django_assert_max_num_queries(12):
        assert client.get(reverse("network:directory")).status_code == 200


def test_private_home_shows_country_and_french(client):
    client.force_login(f.focal_point("SEN"))
    assert "Senegal" in client.get("/en/private/").content.decode()
    page = client.get("/fr/private/").content.decode()
    assert 'lang="fr"' in page and "Sénégal" in page


def test_directory_history_restore_gets_the_whole_page(client):
    """Back button after the cache is gone: htmx asks again and needs the whole page."""
    client.force_login(f.focal_point())
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = client.get(reverse("network:directory"), headers=headers)
    assert "<html" in response.content.decode()


def test_directory_varies_on_the_htmx_header(client):
    """A cache must not serve the fragment to a plain visit of the same URL."""
    client.force_login(f.focal_point())
    response = client.get(reverse("network:directory"))
    assert "HX-Request" in response["Vary"]


def test_country_choices_are_alphabetical_in_french(client):
    client.force_login(f.focal_point())
    with translation.override("fr"):
        country_field = DirectoryFilterForm().fields["country"]
        assert isinstance(country_field, forms.ModelChoiceField)
        assert country_field.queryset is not None
        names = [c.name for c in country_field.queryset]
        expected = [c.name for c in member_countries() if c.pk in {c.pk for c in country_choices()}]
    assert names == expected
    assert names.index("Bénin") < names.index("Burkina Faso")
    page = client.get("/fr/private/directory/").content.decode()
    assert page.index(">Bénin<") < page.index(">Burkina Faso<")


# --- Adding a person: e-mail checks, account and invitation ---------------------------------

NEW_PASSWORD = "a brand new passphrase for Dakar"
LINK = re.compile(r"http://testserver(/en/accounts/reset/[\w-]+/[\w-]+/)")


def test_add_person_form_offers_the_account_checked_by_default(client):
    client.force_login(f.secretariat())
    form = client.get(reverse("network:person_create")).context["form"]
    assert form["with_account"].value() is True
    edit = reverse("network:person_edit", kwargs={"pk": f.PersonFactory.create().pk})
    assert "with_account" not in client.get(edit).context["form"].fields


def test_added_person_is_invited_and_can_sign_in(client, django_capture_on_commit_callbacks):
    client.force_login(f.secretariat())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:person_create"),
            {"full_name": "Awa Diop", "email": "Awa@Example.sn", "with_account": "on"},
        )
    person = Person.objects.get(email="awa@example.sn")
    assert response["Location"] == person.get_absolute_url()
    assert person.user is not None
    assert person.user.email == "awa@example.sn"
    [message] = mail.outbox
    assert message.to == ["awa@example.sn"]
    assert "Awa Diop" in message.body
    client.logout()

    link = LINK.search(str(message.body))
    assert link is not None
    response = client.get(link.group(1))
    assert response.status_code == 302
    response = client.post(
        response.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.url == "/en/accounts/reset/done/"

    response = client.post(
        "/en/accounts/login/", {"username": "awa@example.sn", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.user.pk)


def test_person_added_without_an_account_gets_no_mail(client, django_capture_on_commit_callbacks):
    client.force_login(f.secretariat())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network:person_create"), {"full_name": "Awa", "email": "a@b.sn"})
    assert Person.objects.get(email="a@b.sn").user is None
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("taken", "message"),
    [
        ("person", "Another person already has this e-mail address."),
        ("account", "This e-mail address is the sign-in address of another account."),
    ],
)
def test_person_form_refuses_an_email_somebody_else_has(client, taken, message):
    if taken == "person":
        f.PersonFactory.create(email="taken@example.org")
    else:
        f.UserFactory.create(email="taken@example.org", is_superuser=True)
    person = f.focal_point().person
    client.force_login(f.secretariat())
    form = {"full_name": "X", "email": "Taken@Example.ORG", "with_account": "on"}
    before = Person.objects.count()

    response = client.post(reverse("network:person_create"), form)
    assert response.context["form"].errors["email"] == [message]
    assert Person.objects.count() == before

    edit = reverse("network:person_edit", kwargs={"pk": person.pk})
    response = client.post(edit, {**form, "version": person.version})
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [message]
    person.refresh_from_db()
    assert person.email != "taken@example.org"


def test_person_keeps_their_own_email_in_another_case(client):
    person = f.focal_point().person
    client.force_login(f.secretariat())
    edit = reverse("network:person_edit", kwargs={"pk": person.pk})
    form = {"full_name": "X", "email": person.email.upper(), "version": person.version}
    assert client.post(edit, form).status_code == 302


def test_person_sharing_an_unlinked_accounts_address_can_still_be_edited(client):
    """Older records: the check is on a change of address, not on every save."""
    f.UserFactory.create(email="shared@example.org")
    person = f.PersonFactory.create(email="shared@example.org", user=None)
    client.force_login(f.secretariat())
    edit = reverse("network:person_edit", kwargs={"pk": person.pk})
    form = {"full_name": "New name", "email": "shared@example.org", "version": person.version}
    assert client.post(edit, form).status_code == 302
