"""The expert's private link: the mail that carries it (headers, link, language), the page
(no requester's names, no cache, no Referer), accepting, declining, twice, withdrawn,
unknown."""

from email import message_from_bytes, policy

import pytest
from django.urls import reverse

from rabatnet.network.tests import factories as f

from ..matching_services import proposal_ask, proposal_withdraw
from ..models import Proposal, TermsOfReference
from .factories import make_expert
from .test_matching_pages import AROUND, acknowledged

pytestmark = pytest.mark.django_db


def asked(django_capture_on_commit_callbacks, language="en"):
    focal = f.focal_point("SEN")
    request = acknowledged(actor=focal)
    TermsOfReference.objects.create(request=request, number=1, text="Draft ToR")
    TermsOfReference.objects.create(request=request, number=2, text="**Final** terms, v2")
    expert = make_expert(available=AROUND)
    expert.person.language = language
    expert.person.save()
    proposal = Proposal.objects.create(request=request, expert=expert, rank=1, score=1)
    with django_capture_on_commit_callbacks(execute=True):
        proposal_ask(proposal=proposal, actor=None)
    proposal.refresh_from_db()
    return proposal, focal


def test_the_mail_carries_the_link_in_the_experts_language(
    django_capture_on_commit_callbacks, mailoutbox
):
    proposal, _ = asked(django_capture_on_commit_callbacks, language="fr")
    [mail] = mailoutbox
    assert mail.to == [proposal.expert.person.email]
    link = f"https://testserver/fr/support/answer/{proposal.token}/"
    assert link in mail.body
    assert proposal.request.reference in mail.subject


def test_the_mail_crosses_smtp(smtp_inbox, django_capture_on_commit_callbacks):
    proposal, _ = asked(django_capture_on_commit_callbacks)
    [(recipients, raw)] = smtp_inbox.messages
    assert recipients == [proposal.expert.person.email]
    message = message_from_bytes(raw, policy=policy.default)
    assert proposal.request.reference in str(message["Subject"])
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert f"/en/support/answer/{proposal.token}/" in body.get_content()


def test_the_page_shows_the_request_but_not_who_filed_it(
    client, django_capture_on_commit_callbacks
):
    proposal, focal = asked(django_capture_on_commit_callbacks)
    url = reverse("matching:answer", args=[proposal.token])
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert proposal.request.reference in page and "Senegal" in page
    assert "<strong>Final</strong> terms, v2" in page and "Draft ToR" not in page
    assert focal.full_name not in page and focal.email not in page
    assert '<meta name="referrer" content="same-origin">' in page
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"


def test_accept_then_a_second_answer_changes_nothing(client, django_capture_on_commit_callbacks):
    proposal, _ = asked(django_capture_on_commit_callbacks)
    url = reverse("matching:answer", args=[proposal.token])
    response = client.post(url, {"answer": "accepted", "note": "Glad to help"})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.answered_at and proposal.answer_note
    first = proposal.answered_at
    page = client.post(url, {"answer": "declined"}).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.answered_at == first
    assert "you accepted" in page


def test_decline_and_bad_input(client, django_capture_on_commit_callbacks):
    proposal, _ = asked(django_capture_on_commit_callbacks)
    url = reverse("matching:answer", args=[proposal.token])
    for bad in ({"answer": "maybe"}, {"answer": "\x00"}, {"note": "é" * 5000}, {}):
        assert client.post(url, bad).status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == "asked"
    client.post(url, {"answer": "declined"})
    proposal.refresh_from_db()
    assert proposal.status == "declined"


def test_withdrawn_and_unknown_links(client, django_capture_on_commit_callbacks):
    proposal, _ = asked(django_capture_on_commit_callbacks)
    token = proposal.token
    url = reverse("matching:answer", args=[token])
    proposal_withdraw(proposal=proposal, actor=None)
    assert client.get(url).status_code == 404  # the token was cleared
    assert client.get(reverse("matching:answer", args=["nope"])).status_code == 404
    assert client.get(reverse("matching:answer", args=["x" * 500])).status_code == 404
    # A withdrawn proposal that kept its token (asked again then withdrawn mid-flight).
    Proposal.objects.filter(pk=proposal.pk).update(token=token)
    page = client.post(url, {"answer": "accepted"}).content.decode()
    assert "withdrew this proposal" in page
    assert Proposal.objects.get(pk=proposal.pk).status == "withdrawn"


def test_the_answer_page_in_french(client, django_capture_on_commit_callbacks):
    proposal, _ = asked(django_capture_on_commit_callbacks, language="fr")
    response = client.get(f"/fr/support/answer/{proposal.token}/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


def test_the_link_works_for_a_signed_in_stranger_too(client, django_capture_on_commit_callbacks):
    """The token is the key, whoever holds it (as the newsletter's links)."""
    proposal, _ = asked(django_capture_on_commit_callbacks)
    client.force_login(f.focal_point("MLI"))
    assert client.get(reverse("matching:answer", args=[proposal.token])).status_code == 200


def test_personal_data_and_erasure(django_capture_on_commit_callbacks):
    from rabatnet.network.registries import PERSONAL_DATA
    from rabatnet.network.signals import person_erasing

    proposal, _ = asked(django_capture_on_commit_callbacks)
    Proposal.objects.filter(pk=proposal.pk).update(answer_note="Call me on +221 77")
    person = proposal.expert.person
    [row] = PERSONAL_DATA["support_proposals"](person)
    assert row["request"] == proposal.request.reference and row["status"] == "asked"
    person_erasing.send(sender=type(person), person=person)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.token, proposal.answer_note) == ("withdrawn", "", "")
