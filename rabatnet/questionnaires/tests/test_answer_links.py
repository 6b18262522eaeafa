"""Personal links: signed, expiring, revocable, only while the questionnaire is open; a
tampered token, or one of another questionnaire, reaches nothing."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from rabatnet.questionnaires.invitations import SALT, make_token
from rabatnet.questionnaires.models import Questionnaire

from .answer_fixtures import invited, link
from .factories import make_questionnaire

pytestmark = pytest.mark.django_db


def _url(token: str) -> str:
    return reverse("answers:answer", kwargs={"token": token})


def test_a_link_opens_without_an_account(client):
    invitation = invited()
    page = client.get(link(invitation))
    assert page.status_code == 200
    assert "Awa Ndiaye" in page.content.decode()


def test_an_expired_link_says_so(client):
    invitation = invited(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(link(invitation))
    assert page.status_code == 410
    assert "expired" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    assert client.post(link(invitation), {"action": "save"}).status_code == 410


def test_a_revoked_link_says_so(client):
    invitation = invited(revoked_at=timezone.now())
    page = client.get(link(invitation))
    assert page.status_code == 410 and "withdrawn" in page.content.decode()


def test_a_closed_questionnaire_takes_no_answers(client):
    invitation = invited()
    Questionnaire.objects.filter(pk=invitation.questionnaire_id).update(
        status=Questionnaire.Status.CLOSED
    )
    page = client.get(link(invitation))
    assert page.status_code == 410 and "not open" in page.content.decode()


def test_a_tampered_token_reaches_nothing(client):
    invitation = invited()
    token = make_token(invitation)
    for bad in [
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        token.replace(token.split(":")[0], "eyJpIjoxLCJmIjoiYSJ9"),
        "x",
        "a" * 300,
        "\u00e9t\u00e9:abc:def",
    ]:
        page = client.get(_url(bad))
        assert page.status_code == 404, bad
        assert "not valid" in page.content.decode()


def test_a_token_of_another_questionnaire_reaches_nothing(client):
    """A token signed for questionnaire X names X: with Y's form ID in it (as if one changed
    the form ID of a valid link) it names no invitation."""
    mine = invited()
    other = make_questionnaire("other_form")
    forged = signing.Signer(salt=SALT).sign_object({"i": mine.pk, "f": other.form_id})
    assert client.get(_url(forged)).status_code == 404
    # A token signed with another salt (another feature's link) is not one.
    assert (
        client.get(
            _url(signing.Signer().sign_object({"i": mine.pk, "f": "test_sources"}))
        ).status_code
        == 404
    )
    # Huge and negative ids, odd payloads.
    for payload in [{"i": 10**30, "f": "x"}, {"i": -1, "f": "x"}, [1, 2], {"i": "1", "f": 1}]:
        assert client.get(_url(signing.Signer(salt=SALT).sign_object(payload))).status_code == 404


def test_each_link_shows_its_own_country_only(client):
    senegal = invited(iso3="SEN", respondent_name="Awa Ndiaye")
    mali = invited(iso3="MLI", respondent_name="Moussa Traoré")
    page = client.get(link(mali)).content.decode()
    assert "Moussa Traoré" in page and "Awa Ndiaye" not in page
    assert senegal.pk != mali.pk
