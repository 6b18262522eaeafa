"""The country's questionnaire page, inviting, revoking, extending, resending, a response:
the triad on every private view, another country's response out of reach."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.guides.models import Guide, Stage
from rabatnet.network.tests import factories as f
from rabatnet.questionnaires.models import Invitation, Questionnaire

from .answer_fixtures import invited
from .factories import make_department, make_guide, make_response

pytestmark = pytest.mark.django_db


def _status(client: Client, user, url: str, method: str = "get", data=None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def _urls(invitation: Invitation, response_pk: int) -> dict[str, tuple[str, str]]:
    kwargs = {"form_id": invitation.questionnaire.form_id, "iso3": "SEN"}
    step = {**kwargs, "pk": invitation.pk}
    return {
        "country": ("get", reverse("answers:country", kwargs=kwargs)),
        "response": ("get", reverse("answers:response", kwargs={**kwargs, "pk": response_pk})),
        "invite": ("post", reverse("answers:invite", kwargs=kwargs)),
        "revoke": ("post", reverse("answers:invitation_step", kwargs={**step, "step": "revoke"})),
        "extend": ("post", reverse("answers:invitation_step", kwargs={**step, "step": "extend"})),
        "resend": ("post", reverse("answers:invitation_step", kwargs={**step, "step": "resend"})),
    }


def test_the_triad_on_every_private_view():
    client = Client()
    invitation = invited()
    response = make_response(invitation.questionnaire, "SEN", {("staff", 0): "4"})
    for name, (method, url) in _urls(invitation, response.pk).items():
        assert _status(client, None, url, method) == 302, name
        assert _status(client, f.focal_point("MLI"), url, method) == 403, name
        ok = 200 if method == "get" else 302
        assert _status(client, f.workgroup_member("SEN"), url, method) in (ok, 200), name
        assert _status(client, f.focal_point("SEN"), url, method) in (ok, 200), name
        assert _status(client, f.secretariat(), url, method) in (ok, 200), name
    # Reading is for anybody appointed for the country; running for its editors.
    reader = f.coordinating_authority("SEN")
    assert _status(client, reader, _urls(invitation, response.pk)["country"][1]) == 200
    assert _status(client, reader, _urls(invitation, response.pk)["invite"][1], "post") == 403


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_sign_in(client):
    invitation = invited()
    response = make_response(invitation.questionnaire, "SEN")
    sign_in(client, f.focal_point("SEN").email)
    for method, url in _urls(invitation, response.pk).values():
        answer = getattr(client, method)(url)
        assert answer.status_code == 302
        assert "two-factor" in answer["Location"] or "login" in answer["Location"]


def test_another_countrys_response_is_out_of_reach(client):
    questionnaire = invited().questionnaire
    mali = make_response(questionnaire, "MLI", {("respondent_unit", 0): "Bamako"})
    client.force_login(f.focal_point("SEN"))
    url = reverse(
        "answers:response", kwargs={"form_id": questionnaire.form_id, "iso3": "SEN", "pk": mali.pk}
    )
    assert client.get(url).status_code == 404
    url = url.replace("/SEN/", "/MLI/")
    assert client.get(url).status_code == 403
    other_form = reverse(
        "answers:response", kwargs={"form_id": "nope", "iso3": "MLI", "pk": mali.pk}
    )
    assert client.get(other_form).status_code == 404
    huge = reverse(
        "answers:response",
        kwargs={"form_id": questionnaire.form_id, "iso3": "SEN", "pk": 10**30},
    )
    assert client.get(huge).status_code == 404


def test_a_response_shows_codes_and_labels_and_repeat_tables(client):
    questionnaire = invited().questionnaire
    response = make_response(
        questionnaire,
        "SEN",
        {
            ("has_sources", 0): "yes",
            ("source_name", 1): "Census 2013",
            ("source_kind", 1): "census",
            ("areas", 1): "trends border",
            ("source_name", 2): "Register",
        },
    )
    client.force_login(f.workgroup_member("SEN"))
    url = reverse(
        "answers:response",
        kwargs={"form_id": questionnaire.form_id, "iso3": "SEN", "pk": response.pk},
    )
    page = client.get(url).content.decode()
    assert '<code>yes</code> — Yes / <span lang="fr">Oui</span>' in page
    assert '<code>census</code> — Census / <span lang="fr">Recensement</span>' in page
    assert "Migration trends; Border management" in page
    assert "2 rows" in page and "Register" in page


def test_invite_mails_the_link_and_moves_the_guides(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    invitation = invited()  # an earlier invitation exists already for SEN: make a new country
    questionnaire = invitation.questionnaire
    guide = make_guide("MLI", "fr")
    department = make_department("MLI", "Direction nationale de la population")
    client.force_login(f.focal_point("MLI"))
    url = reverse("answers:invite", kwargs={"form_id": questionnaire.form_id, "iso3": "MLI"})
    data = {
        "department": department.pk,
        "respondent_name": "Moussa Traoré",
        "respondent_email": "moussa@example.org",
        "language": "fr",
    }
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(url, data)
    assert answer.status_code == 302
    made = Invitation.objects.get(respondent_email="moussa@example.org")
    assert made.expires_at > timezone.now() + timedelta(days=59)
    guide.refresh_from_db()
    assert guide.stage == Stage.QUESTIONNAIRES
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["moussa@example.org"]
    assert "Sources d'information (test)" in mail.subject  # the title in French
    assert "https://testserver/fr/questionnaires/answer/" in mail.body
    assert "Moussa Traoré" in mail.body
    assert Guide.objects.filter(country__iso3="MLI").count() == 1


def test_invite_refuses_another_countrys_department_and_a_closed_questionnaire(client):
    invitation = invited()
    questionnaire = invitation.questionnaire
    client.force_login(f.focal_point("SEN"))
    url = reverse("answers:invite", kwargs={"form_id": questionnaire.form_id, "iso3": "SEN"})
    mali = make_department("MLI")
    data = {
        "department": mali.pk,
        "respondent_name": "X",
        "respondent_email": "x@example.org",
        "language": "en",
    }
    assert client.post(url, data).status_code == 200
    Questionnaire.objects.filter(pk=questionnaire.pk).update(status="closed")
    data["department"] = invitation.department_id
    page = client.post(url, data)
    assert page.status_code == 200 and "not open" in page.content.decode()
    assert Invitation.objects.count() == 1
    for odd in ["\x00", "9" * 40, "🙂", "-1"]:
        assert client.post(url, {**data, "department": odd}).status_code == 200


def test_revoke_extend_resend(client, django_capture_on_commit_callbacks, mailoutbox):
    invitation = invited(expires_at=timezone.now() - timedelta(days=1))
    urls = _urls(invitation, 1)
    client.force_login(f.focal_point("SEN"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls["resend"][1])
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() and len(mailoutbox) == 1
    before = invitation.expires_at
    client.post(urls["extend"][1])
    invitation.refresh_from_db()
    assert invitation.expires_at > before
    client.post(urls["revoke"][1])
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    page = client.post(urls["extend"][1], follow=True)
    assert "cannot be extended" in page.content.decode()
    bad = urls["revoke"][1].replace("/revoke/", "/explode/")
    assert client.post(bad).status_code == 404


def test_the_dashboard_counts_per_department_and_says_it_is_derived(client):
    invitation = invited()
    invited(department=invitation.department, respondent_name="B", opened_at=timezone.now())
    make_response(invitation.questionnaire, "SEN", invitation=invitation)
    client.force_login(f.secretariat())
    url = reverse(
        "answers:country", kwargs={"form_id": invitation.questionnaire.form_id, "iso3": "SEN"}
    )
    page = client.get(url)
    total = page.context["total"]
    assert (total.invited, total.opened, total.started, total.submitted) == (2, 1, 1, 1)
    text = page.content.decode()
    assert "50 % (n = 2)" in text and "Derived from" in text


def test_another_countrys_invitation_is_out_of_reach(client):
    mali = invited(iso3="MLI")
    client.force_login(f.focal_point("SEN"))
    kwargs = {"form_id": mali.questionnaire.form_id, "iso3": "SEN", "pk": mali.pk}
    for step in ("revoke", "extend", "resend"):
        url = reverse("answers:invitation_step", kwargs={**kwargs, "step": step})
        assert client.post(url).status_code == 404
        assert client.post(url.replace("/SEN/", "/MLI/")).status_code == 403
    mali.refresh_from_db()
    assert mali.revoked_at is None
