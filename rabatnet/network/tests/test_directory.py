"""The directory: who sees it, what each viewer sees of each person, its filters."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from rabatnet.accounts.tests.helpers import redirect_url, sign_in
from rabatnet.imap.panel import contacts as panel_contacts
from rabatnet.network.models import Role
from rabatnet.network.tests import factories as f
from rabatnet.network.visibility import person_card
from rabatnet.strategy.models import Theme

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "never.shown@example.org"
SECRET_PHONE = "+221 77 000 11 22"


@pytest.fixture
def private_person():
    """Listed, but shares neither e-mail address nor telephone."""
    return f.AppointmentFactory.create(
        person__full_name="Aminata Private",
        person__email=SECRET_EMAIL,
        person__phone=SECRET_PHONE,
        person__directory_consent=True,
        person__share_email=False,
        person__share_phone=False,
    ).person


@pytest.fixture
def open_person():
    """Listed, shares both."""
    return f.AppointmentFactory.create(
        person__full_name="Ibrahima Open",
        person__email="open@example.org",
        person__phone="+221 33 123 45 67",
        person__share_email=True,
        person__share_phone=True,
        person__working_languages="fr wo",
    ).person


def _page(client, user, url: str, data: dict | None = None) -> str:
    client.logout()
    client.force_login(user)
    response = client.get(url, data or {})
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_is_sent_to_sign_in(client):
    for name in ["network:directory", "network:directory_vcf", "network:directory_csv"]:
        url = reverse(name)
        assert redirect_url(client.get(url)).startswith(reverse("accounts:login"))


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point", "secretariat"])
def test_half_signed_in_is_sent_to_enrolment(client):
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    for name in ["network:directory", "network:directory_vcf", "network:directory_csv"]:
        url = reverse(name)
        assert reverse("accounts:two_factor") in redirect_url(client.get(url))


def test_signed_in_without_post_is_refused(client):
    client.force_login(f.no_role())
    assert client.get(reverse("network:directory")).status_code == 403
    assert client.get(reverse("network:directory_vcf")).status_code == 403


def test_member_sees_only_what_was_shared(client, private_person, open_person):
    page = _page(client, f.focal_point("MLI"), reverse("network:directory"))
    assert "Aminata Private" in page and "Ibrahima Open" in page
    assert SECRET_EMAIL not in page and SECRET_PHONE not in page
    assert "open@example.org" in page and "+221 33 123 45 67" in page
    assert "fr wo" in page


def test_member_of_same_country_sees_no_more(client, private_person):
    page = _page(client, f.focal_point("SEN"), reverse("network:directory"))
    assert SECRET_EMAIL not in page and SECRET_PHONE not in page


def test_secretariat_and_the_person_see_everything(client, private_person):
    page = _page(client, f.secretariat(), reverse("network:directory"))
    assert SECRET_EMAIL in page and SECRET_PHONE in page
    own_page = reverse("network:person_detail", kwargs={"pk": private_person.pk})
    page = _page(client, private_person.user, own_page)
    assert SECRET_EMAIL in page and SECRET_PHONE in page


def test_person_page_follows_consent(client, private_person):
    url = reverse("network:person_detail", kwargs={"pk": private_person.pk})
    page = _page(client, f.focal_point("MLI"), url)
    assert "Aminata Private" in page
    assert SECRET_EMAIL not in page and SECRET_PHONE not in page
    assert _page(client, f.secretariat(), url).count(SECRET_EMAIL) >= 1


def test_private_home_secretariat_contacts_follow_consent(client):
    contact = f.secretariat()
    person = contact.person
    person.share_email = False
    person.save()
    page = _page(client, f.focal_point("MLI"), reverse("network:private_home"))
    assert person.email not in page


def test_one_function_decides(private_person):
    member = f.focal_point("MLI")
    card = person_card(member, private_person)
    assert card is not None
    assert (card.email, card.phone, card.listed, card.details_confirmed_at) == ("", "", None, None)
    by_secretariat = person_card(f.secretariat(), private_person)
    by_self = person_card(private_person.user, private_person)
    assert by_secretariat is not None and by_secretariat.email == SECRET_EMAIL
    assert by_self is not None and by_self.phone == SECRET_PHONE
    private_person.directory_consent = False
    assert person_card(member, private_person) is None


def test_filters(client, private_person, open_person):
    theme = Theme.objects.get(slug="border-management")
    thematic = f.thematic_contact("ESP", theme.slug)
    thematic.person.full_name = "Carmen Thematic"
    thematic.person.save()
    url = reverse("network:directory")
    member = f.focal_point("MLI")

    def names(**query: str) -> set[str]:
        page = _page(client, member, url, query)
        wanted = {"Aminata Private", "Ibrahima Open", "Carmen Thematic"}
        return {name for name in wanted if name in page}

    assert names(country="ESP") == {"Carmen Thematic"}
    assert names(role=Role.THEMATIC_CONTACT) == {"Carmen Thematic"}
    assert names(theme=theme.slug) == {"Carmen Thematic"}
    assert names(language="wo") == {"Ibrahima Open"}
    assert names(language="WO") == {"Ibrahima Open"}
    assert names(q="Open") == {"Ibrahima Open"}
    org = f.OrganisationFactory.create(name="Ministère de l'Intérieur")
    open_person.organisation = org
    open_person.save()
    assert names(organisation=str(org.pk)) == {"Ibrahima Open"}


def test_filters_work_without_htmx_and_as_a_partial(client, open_person):
    client.force_login(f.focal_point("MLI"))
    full = client.get(reverse("network:directory"), {"q": "Open"}).content.decode()
    assert "<html" in full and "Ibrahima Open" in full
    partial = client.get(reverse("network:directory"), {"q": "Open"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "Ibrahima Open" in partial.content.decode()


def test_former_members_for_the_secretariat(client, open_person):
    former = f.AppointmentFactory.create(
        person__full_name="Old Timer",
        starts_on=timezone.localdate() - timedelta(days=400),
        ends_on=timezone.localdate() - timedelta(days=10),
    ).person
    url = reverse("network:directory")
    secretariat = f.secretariat()
    assert "Old Timer" not in _page(client, secretariat, url)
    page = _page(client, secretariat, url, {"status": "former"})
    assert "Old Timer" in page and "Ibrahima Open" not in page
    # Members have no such filter: they see people in post only.
    page = _page(client, f.focal_point("MLI"), url, {"status": "former"})
    assert "Old Timer" not in page and 'name="status"' not in page
    assert former.appointments.count() == 1


def test_confirmation_overdue_filter(client, open_person, private_person):
    private_person.details_confirmed_at = timezone.now() - timedelta(days=10)
    private_person.save()
    secretariat = f.secretariat()
    page = _page(client, secretariat, reverse("network:directory"), {"confirmation": "overdue"})
    assert "Ibrahima Open" in page and "Aminata Private" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"country": "ZZZ"},
        {"country": "\x00\x1f"},
        {"role": "emperor"},
        {"theme": "no-such-theme"},
        {"organisation": "9" * 40},
        {"organisation": "-1"},
        {"language": "zz"},
        {"language": "\x07x"},
        {"language": "english"},
        {"q": "a\x00b\x1b" * 10},
        {"q": "x" * 500},
        {"status": "ghost", "confirmation": "\u202e"},
    ],
)
def test_odd_input_gives_a_page_with_a_message(client, query):
    secretariat = f.secretariat()
    client.force_login(secretariat)
    for name in ["network:directory", "network:directory_vcf", "network:directory_csv"]:
        assert client.get(reverse(name), query).status_code == 200


def test_unknown_language_is_named(client):
    page = _page(client, f.focal_point("MLI"), reverse("network:directory"), {"language": "zz"})
    assert "“zz” is not an ISO 639-1 language code" in page


def test_huge_or_bad_ids_are_not_found(client):
    client.force_login(f.secretariat())
    for pk in ["9" * 30, "0"]:
        for name in ["network:person_detail", "network:person_vcf"]:
            url = reverse(name, kwargs={"pk": 1}).replace("/1", f"/{pk}", 1)
            assert client.get(url).status_code == 404


def test_the_maps_country_panel_follows_the_same_consent(senegal, private_person, open_person):
    member = {c.name: c for c in panel_contacts(f.workgroup_member("SEN"), senegal)}
    assert member["Aminata Private"].email == "" and member["Aminata Private"].phone == ""
    assert member["Ibrahima Open"].email == "open@example.org"
    everything = {c.name: c for c in panel_contacts(f.secretariat(), senegal)}
    assert everything["Aminata Private"].email == SECRET_EMAIL
