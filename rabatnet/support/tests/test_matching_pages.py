"""The matching pages: the triad (anonymous, half-signed-in, another country, the country,
the secretariat), proposing, asking, withdrawing, recording, and what an expert sees."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from rabatnet.network.models import Appointment
from rabatnet.network.tests import factories as f
from rabatnet.network.tests.lifecycle import half_signed_in_status

from .. import lifecycle
from ..matching_services import proposal_ask
from ..models import Proposal
from ..services import request_advance
from .factories import make_expert, make_request

pytestmark = pytest.mark.django_db

D = date(2026, 6, 1)
AROUND = [(D - timedelta(10), D + timedelta(20))]


def acknowledged(iso3="SEN", **fields):
    request = make_request(iso3, preferred_start=D, duration_days=3, **fields)
    request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=None)
    request.refresh_from_db()
    return request


def _status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def _urls(request, proposal):
    base = {"pk": request.pk, "proposal": proposal.pk}
    return {
        "ask": reverse("matching:ask", kwargs=base),
        "withdraw": reverse("matching:withdraw", kwargs=base),
        "record": reverse("matching:record", kwargs=base),
    }


def test_triad_on_the_matching_page(client):
    request = acknowledged()
    url = reverse("matching:matching", args=[request.pk])
    assert url == f"/en/private/support/{request.pk}/matching/"
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert _status(client, f.focal_point("MLI"), url) == 403
    assert _status(client, f.focal_point("SEN"), url) == 403  # the country does not match
    assert _status(client, f.expert(), url) == 403
    assert _status(client, f.secretariat(), url) == 200
    assert _status(client, f.secretariat(), reverse("matching:matching", args=[99999])) == 404


def test_half_signed_in_is_sent_to_sign_in(client):
    request = acknowledged()
    for url in (
        reverse("matching:matching", args=[request.pk]),
        reverse("matching:asked"),
        reverse("matching:asked_detail", args=[request.pk]),
    ):
        code, where = half_signed_in_status(client, f.secretariat(), url)
        assert code == 302 and ("two-factor" in where or "login" in where), url


def test_the_secretariat_proposes_asks_and_the_steps_are_refused_to_others(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    request = acknowledged()
    expert = make_expert(available=AROUND)
    unavailable = make_expert(available=[(D, D)])
    staff = f.secretariat()
    client.force_login(staff)
    url = reverse("matching:matching", args=[request.pk])
    page = client.get(url).content.decode()
    assert "Offers this kind of support." in page and "Not available on every day" in page
    assert client.post(url, {"experts": [str(expert.pk)]}).status_code == 302
    proposal = Proposal.objects.get(request=request)
    assert (proposal.expert, proposal.rank, proposal.status) == (expert, 1, "proposed")
    assert proposal.reasons[0]["factor"] == "kind" and proposal.score > 0
    assert proposal.proposed_by == staff
    # An expert who is not available is refused, nothing written.
    response = client.post(url, {"experts": [str(unavailable.pk)]}, follow=True)
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Nothing was proposed" in said and "Not available on every day" in said
    assert Proposal.objects.count() == 1
    # Nonsense ids change nothing.
    for bad in ["x", "99999999999999999999", "\x00", "é"]:
        assert client.post(url, {"experts": [bad]}).status_code == 302
    assert Proposal.objects.count() == 1

    urls = _urls(request, proposal)
    for user in (f.focal_point("SEN"), f.focal_point("MLI"), f.expert()):
        for name, step in urls.items():
            assert _status(client, user, step, "post") == 403, name
    client.logout()
    assert client.post(urls["ask"]).status_code == 302
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(urls["ask"]).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "asked" and len(proposal.token) >= 43 and proposal.asked_at
    assert len(mailoutbox) == 1
    # Asking twice is refused with a message.
    response = client.post(urls["ask"], follow=True)
    assert "already asked" in str(list(get_messages(response.wsgi_request)))
    assert client.post(urls["record"], {"answer": "bogus"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "asked"
    client.post(urls["record"], {"answer": "accepted", "note": "By telephone on Monday"})
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.answer_note == "By telephone on Monday"
    client.post(urls["withdraw"])
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn" and proposal.token == ""


def test_matching_is_refused_before_acknowledgement(client):
    request = make_request("SEN")
    expert = make_expert()
    client.force_login(f.secretariat())
    url = reverse("matching:matching", args=[request.pk])
    assert "until it is deployed" in client.get(url).content.decode()
    client.post(url, {"experts": [str(expert.pk)]})
    assert not Proposal.objects.exists()


def test_an_expert_unavailable_meanwhile_is_not_asked(client):
    request = acknowledged()
    expert = make_expert(available=AROUND)
    proposal = Proposal.objects.create(request=request, expert=expert, rank=1, score=1)
    expert.availabilities.all().delete()
    client.force_login(f.secretariat())
    client.post(_urls(request, proposal)["ask"])
    proposal.refresh_from_db()
    assert proposal.status == "proposed" and proposal.token == ""


def test_an_expert_sees_only_what_they_were_asked_about(client):
    request = acknowledged()
    other = acknowledged()
    expert = make_expert(available=AROUND)
    proposal = Proposal.objects.create(request=request, expert=expert, rank=1, score=1)
    Proposal.objects.create(request=other, expert=make_expert(), rank=1, score=1)
    user = expert.person.user
    mine = reverse("matching:asked_detail", args=[request.pk])
    assert _status(client, None, reverse("matching:asked")) == 302
    assert _status(client, user, mine) == 403  # proposed, not yet asked
    proposal_ask(proposal=proposal, actor=None)
    assert _status(client, user, reverse("matching:asked")) == 200
    page = client.get(reverse("matching:asked")).content.decode()
    assert request.reference in page and other.reference not in page
    assert _status(client, user, mine) == 200
    assert _status(client, user, reverse("matching:asked_detail", args=[other.pk])) == 403
    assert _status(client, user, reverse("matching:asked_detail", args=[99999])) == 404
    assert _status(client, f.focal_point("SEN"), reverse("matching:asked")) == 403
    assert _status(client, f.focal_point("SEN"), mine) == 403
    # The request's page belongs to the country: not to the expert.
    assert _status(client, user, reverse("matching:matching", args=[request.pk])) == 403
    # An expert whose appointment ended still reads what they were asked (the profile stays).
    Appointment.objects.filter(person=expert.person).update(ends_on=timezone.localdate())
    assert _status(client, user, mine) == 200


def test_the_panel_shows_the_country_only_accepted_names(client):
    from django.template.loader import render_to_string

    request = acknowledged()
    accepted = make_expert(available=AROUND)
    asked = make_expert(available=AROUND)
    Proposal.objects.create(request=request, expert=accepted, rank=1, score=42, status="accepted")
    Proposal.objects.create(request=request, expert=asked, rank=2, score=41, status="asked")
    country = render_to_string(
        "support/_detail_matching.html", {"support_request": request, "user": f.focal_point()}
    )
    assert accepted.person.full_name in country and asked.person.full_name not in country
    assert "42" not in country
    staff = render_to_string(
        "support/_detail_matching.html", {"support_request": request, "user": f.secretariat()}
    )
    assert asked.person.full_name in staff and "/matching/" in staff
    stranger = render_to_string(
        "support/_detail_matching.html", {"support_request": request, "user": f.focal_point("MLI")}
    )
    assert accepted.person.full_name not in stranger


def test_the_matching_page_in_french(client):
    request = acknowledged()
    make_expert(available=AROUND)
    client.force_login(f.secretariat())
    response = client.get(f"/fr/private/support/{request.pk}/matching/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


def test_the_matching_page_costs_the_same_whatever_the_roster(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request = acknowledged()
    client.force_login(f.secretariat())
    url = reverse("matching:matching", args=[request.pk])
    make_expert(available=AROUND)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        expert = make_expert(available=AROUND)
        Proposal.objects.create(request=request, expert=make_expert(), rank=9, score=1)
        expert.countries_of_experience.set([request.country])
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    assert len(five) == len(one)


def test_the_private_home_links_an_expert_to_their_requests(client):
    expert = make_expert()
    client.force_login(expert.person.user)
    assert reverse("matching:asked") in client.get("/en/private/").content.decode()
    client.force_login(f.focal_point())
    assert reverse("matching:asked") not in client.get("/en/private/").content.decode()
