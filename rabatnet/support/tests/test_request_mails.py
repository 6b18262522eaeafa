"""Each change of stage is mailed to the country's requesters in post, in their language,
with the reason; nobody else, and nothing when the change is refused."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f

from .. import lifecycle
from ..services import request_advance
from .factories import make_request

pytestmark = pytest.mark.django_db


def test_a_stage_change_mails_the_requesters_each_in_their_language(
    client, django_capture_on_commit_callbacks
):
    request = make_request("SEN")
    focal = f.focal_point("SEN")
    authority = f.coordinating_authority("SEN")
    Person.objects.filter(user=authority).update(language="fr")
    f.workgroup_member("SEN")
    f.focal_point("MLI")
    client.force_login(f.secretariat())
    url = reverse("support:act", kwargs={"pk": request.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "decline", "reason": "Outside the strategy"})
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {focal.email, authority.email}
    english, french = by_address[focal.email], by_address[authority.email]
    assert request.reference in english.subject
    assert "declined" in english.body and "Outside the strategy" in english.body
    assert "Outside the strategy" in french.body
    assert f"/en/private/support/{request.pk}/" in english.body
    assert f"/fr/private/support/{request.pk}/" in french.body


def test_a_refused_step_mails_nobody(django_capture_on_commit_callbacks):
    request = make_request("SEN")
    f.focal_point("SEN")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        request_advance(request=request, action=lifecycle.SCOPE, actor=f.secretariat())
    assert mail.outbox == []


def test_people_out_of_post_or_erased_are_not_mailed(django_capture_on_commit_callbacks):
    request = make_request("SEN")
    kept = f.focal_point("SEN")
    erased = f.focal_point("SEN")
    Person.objects.filter(user=erased).update(erased_at="2026-01-01T00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        request_advance(request=request, action=lifecycle.ACKNOWLEDGE, actor=f.secretariat())
    assert [m.to for m in mail.outbox] == [[kept.email]]


def test_a_filed_request_is_mailed_to_the_secretariat_in_their_language(
    client, django_capture_on_commit_callbacks
):
    focal = f.focal_point("SEN")
    english = Person.objects.get(user=f.secretariat())
    french = Person.objects.get(user=f.secretariat())
    Person.objects.filter(pk=french.pk).update(language="fr")
    Person.objects.filter(user=f.secretariat()).update(erased_at="2026-01-01T00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request("SEN", actor=focal)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {english.email, french.email}
    assert request.reference in by_address[english.email].subject
    assert "Senegal" in by_address[english.email].body
    assert focal.get_full_name() in by_address[english.email].body
    assert f"/en/private/support/{request.pk}/" in by_address[english.email].body
    assert f"/fr/private/support/{request.pk}/" in by_address[french.email].body
    assert "Nouvelle demande" in by_address[french.email].subject


def test_an_example_request_mails_nobody(django_capture_on_commit_callbacks):
    f.secretariat()
    with django_capture_on_commit_callbacks(execute=True):
        make_request("SEN", example=True)
    assert mail.outbox == []
