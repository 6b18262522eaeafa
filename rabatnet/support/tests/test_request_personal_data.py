"""“All data held about me”: the requests a person filed, the terms of reference they
agreed, the evaluations they submitted; never another person's acts."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from rabatnet.core.tests.narrowing import present
from rabatnet.network.registries import PERSONAL_DATA
from rabatnet.network.tests import factories as f
from rabatnet.network.tests.lifecycle import half_signed_in_status, status
from rabatnet.support.models import Evaluation, TermsOfReference
from rabatnet.support.request_personal_data import personal_data

from .factories import make_request

pytestmark = pytest.mark.django_db

MY_DATA = reverse("network:my_data")


def _acts():
    """A focal point's request, terms and evaluation; a colleague's of the same country."""
    focal, colleague = f.focal_point("SEN"), f.coordinating_authority("SEN")
    mine = make_request(actor=focal, title="My request", needs="Data training.")
    theirs = make_request(actor=colleague, title="Colleague's request")
    now = timezone.now()
    TermsOfReference.objects.create(
        request=theirs, number=1, text="v1", agreed_at=now, agreed_by=focal
    )
    TermsOfReference.objects.create(
        request=mine, number=1, text="v1", agreed_at=now, agreed_by=colleague
    )
    TermsOfReference.objects.create(request=mine, number=2, text="v2")  # not agreed
    Evaluation.objects.create(
        request=mine,
        relevance=5,
        quality=4,
        timeliness=3,
        usefulness=4,
        comment="Useful.",
        submitted_by=focal,
    )
    Evaluation.objects.create(
        request=theirs,
        relevance=1,
        quality=1,
        timeliness=1,
        usefulness=1,
        comment="Theirs.",
        submitted_by=colleague,
    )
    return focal, colleague, mine, theirs


def test_registered():
    assert PERSONAL_DATA["support_requests"] is personal_data


def test_only_the_persons_own_acts():
    focal, colleague, mine, theirs = _acts()
    data = json.loads(json.dumps(personal_data(focal.person)))
    (filed,) = data["requests_filed"]
    assert filed["reference"] == mine.reference and filed["title"] == "My request"
    assert filed["country"] == "SEN" and filed["needs"] == "Data training."
    assert [(t["request"], t["version"]) for t in data["terms_agreed"]] == [(theirs.reference, 1)]
    (evaluation,) = data["evaluations_submitted"]
    assert evaluation["request"] == mine.reference and evaluation["comment"] == "Useful."
    body = json.dumps(data)
    assert "Colleague" not in body and "Theirs." not in body
    other = personal_data(colleague.person)
    assert [r["title"] for r in other["requests_filed"]] == ["Colleague's request"]


def test_a_person_without_an_account_has_empty_lists():
    person = f.PersonFactory.create()
    assert personal_data(person) == {
        "requests_filed": [],
        "terms_agreed": [],
        "evaluations_submitted": [],
    }


def test_in_the_download_triad(client):
    focal, colleague, mine, _theirs = _acts()
    assert status(client, None, MY_DATA) == 302
    code, where = half_signed_in_status(client, present(focal), MY_DATA)
    assert code == 302 and "two-factor" in where
    person_url = reverse("network:person_data", kwargs={"pk": focal.person.pk})
    assert status(client, colleague, person_url) == 403  # a colleague of the same country
    client.force_login(focal)
    data = json.loads(client.get(MY_DATA).content)
    assert [r["title"] for r in data["support_requests"]["requests_filed"]] == ["My request"]
    client.force_login(f.secretariat())
    data = json.loads(client.get(person_url).content)
    assert [r["reference"] for r in data["support_requests"]["requests_filed"]] == [mine.reference]
