"""Filing, the list's filters, the request's page and its steps, the country's edit."""

import pytest
from django.urls import reverse
from django.utils import translation

from rabatnet.followup.tests.initiative_fixtures import draft
from rabatnet.network.tests import factories as f

from ..models import Stage, StageEvent, SupportRequest
from .factories import make_request
from .request_samples import filing_data, with_terms

pytestmark = pytest.mark.django_db

NEW = "/en/private/support/new/SEN/"


def test_filing_creates_a_received_request_with_its_first_event(client):
    user = f.focal_point("SEN")
    initiative = draft("SEN")
    client.force_login(user)
    response = client.post(NEW, filing_data(initiatives=[initiative.pk]))
    request = SupportRequest.objects.get()
    assert response["Location"] == reverse("support:detail", kwargs={"pk": request.pk})
    assert (request.country.iso3, request.stage, request.filed_by) == ("SEN", "received", user)
    assert request.languages == ["en", "fr"]
    assert list(request.initiatives.all()) == [initiative]
    assert request.objectives.count() == 1
    event = StageEvent.objects.get(request=request)
    assert (event.from_stage, event.to_stage, event.by) == ("", "received", user)
    page = client.get(response["Location"]).content.decode()
    assert request.reference in page and "Directorate of Border Police" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"preferred_end": "2027-02-01"}, "cannot come before the start"),
        ({"languages": []}, "Choose at least one language"),
        ({"objectives": []}, "This field is required"),
        ({"duration_days": "0"}, "greater than or equal to 1"),
        ({"preferred_start": "31/31/2027"}, "Enter a valid date"),
    ],
)
def test_filing_refuses_bad_input_with_a_clear_message(client, changes, message):
    client.force_login(f.focal_point("SEN"))
    response = client.post(NEW, filing_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_another_countrys_initiative_cannot_be_linked(client):
    client.force_login(f.focal_point("SEN"))
    response = client.post(NEW, filing_data(initiatives=[draft("MLI").pk]))
    assert response.status_code == 200
    assert not SupportRequest.objects.exists()


def test_the_list_filters_and_leaves_out_bad_values(client):
    make_request("SEN", title="Senegal workshop")
    make_request("MLI", title="Mali mission", kind="expert_mission")
    client.force_login(f.secretariat())
    page = client.get(reverse("support:list"), {"kind": "expert_mission"}).content.decode()
    assert "Mali mission" in page and "Senegal workshop" not in page
    page = client.get(reverse("support:list"), {"country": "SEN"}).content.decode()
    assert "Senegal workshop" in page and "Mali mission" not in page
    response = client.get(
        reverse("support:list"),
        {"stage": "nowhere", "year": "9" * 40, "country": "ZZZ\x00", "kind": "é"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Some filters were not understood" in page
    assert "Senegal workshop" in page and "Mali mission" in page


def _act(client, request, action, reason="", version=None):
    data = {"action": action, "reason": reason}
    if version is not None:
        data["version"] = version
    return client.post(reverse("support:act", kwargs={"pk": request.pk}), data, follow=True)


def test_the_secretariat_moves_a_request_and_a_guard_blocks_with_its_message(client):
    request = make_request("SEN")
    staff = f.secretariat()
    client.force_login(staff)
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'value="acknowledge"' in page and 'value="decline"' in page
    _act(client, request, "acknowledge", version=request.version)
    request.refresh_from_db()
    assert request.stage == Stage.ACKNOWLEDGED
    assert request.events.get(to_stage=Stage.ACKNOWLEDGED).by == staff
    page = client.get(request.get_absolute_url()).content.decode()
    # Scope is offered but blocked: no terms of reference yet.
    assert "Write the terms of reference first." in page and "disabled" in page
    response = _act(client, request, "scope")
    assert "Write the terms of reference first." in response.content.decode()
    request.refresh_from_db()
    assert request.stage == Stage.ACKNOWLEDGED
    with_terms(request, "The text.", agreed=True)
    _act(client, request, "scope")
    request.refresh_from_db()
    assert request.stage == Stage.SCOPED


def test_a_step_from_a_stale_page_or_without_a_needed_reason_changes_nothing(client):
    request = make_request("SEN")
    client.force_login(f.secretariat())
    seen = request.version
    _act(client, request, "acknowledge", version=seen)
    response = _act(client, request, "decline", reason="Out of scope", version=seen)
    assert "changed since you opened the page" in response.content.decode()
    response = _act(client, request, "decline", reason="  ")
    assert "Give the reason." in response.content.decode()
    response = _act(client, request, "fly-away")
    assert "not understood" in response.content.decode()
    request.refresh_from_db()
    assert request.stage == Stage.ACKNOWLEDGED and request.events.count() == 2


def test_the_country_withdraws_with_a_reason_and_the_reason_is_shown(client):
    request = make_request("SEN")
    client.force_login(f.focal_point("SEN"))
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'value="withdraw"' in page and 'value="acknowledge"' not in page
    response = _act(client, request, "withdraw", reason="Funded elsewhere")
    request.refresh_from_db()
    assert request.stage == Stage.WITHDRAWN
    assert "Funded elsewhere" in response.content.decode()


def test_the_country_edits_while_received_and_not_after(client):
    request = make_request("SEN")
    client.force_login(f.focal_point("SEN"))
    url = reverse("support:edit", kwargs={"pk": request.pk})
    data = filing_data(title="A better title", version=request.version)
    assert client.post(url, data).status_code == 302
    request.refresh_from_db()
    assert request.title == "A better title"
    client.force_login(f.secretariat())
    _act(client, request, "acknowledge")
    client.force_login(f.focal_point("SEN"))
    response = client.get(url, follow=True)
    assert "Only a request not yet taken up can be changed." in response.content.decode()


def test_a_stale_edit_of_a_request_is_refused_with_the_change_shown(client):
    request = make_request("SEN")
    client.force_login(f.focal_point("SEN"))
    url = reverse("support:edit", kwargs={"pk": request.pk})
    read_at = request.version
    assert client.post(url, filing_data(title="First change", version=read_at)).status_code == 302
    response = client.post(url, filing_data(title="Second change", version=read_at))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this record" in page and "First change" in page
    request.refresh_from_db()
    assert request.title == "First change"


def test_the_pages_render_in_french(client):
    request = make_request("SEN")
    with_terms(request, "Premier texte.", "Second texte.")
    client.force_login(f.secretariat())
    for name in ("detail", "terms", "edit", "terms_new"):
        with translation.override("fr"):
            url = reverse(f"support:{name}", kwargs={"pk": request.pk})
        assert url.startswith("/fr/")
        assert client.get(url).status_code == 200, name
    with translation.override("fr"):
        urls = [reverse("support:list"), reverse("support:new", kwargs={"iso3": "SEN"})]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_private_home_links_to_the_requests_for_those_who_read_them(client):
    link = reverse("support:list")
    for user, shown in (
        (f.focal_point("SEN"), True),
        (f.workgroup_member("SEN"), True),
        (f.secretariat(), True),
        (f.thematic_contact(), False),
    ):
        client.force_login(user)
        page = client.get("/en/private/").content.decode()
        assert (f'href="{link}"' in page) is shown, user
