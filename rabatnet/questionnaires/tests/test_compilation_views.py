"""The compilation pages: who may read and decide, accepting and rejecting through the
forms, and the trace of an accepted record in the guide workspace (EN and FR)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.core.tests.narrowing import present
from rabatnet.guides.models import ActorRole, Stage
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f

from .. import compilation_services as services
from ..models import Candidate, Outcome
from ..traces import guide_traces
from .compilation_fixtures import feeding_questionnaire, full_response, pending_candidate
from .factories import make_workshop

pytestmark = pytest.mark.django_db

REVIEW = reverse("compilation:review", kwargs={"iso3": "SEN"})


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def _urls(candidate: Candidate) -> dict[str, str]:
    workshop = make_workshop(candidate.guide)
    return {
        "review": REVIEW,
        "candidate": reverse("compilation:candidate", kwargs={"pk": candidate.pk}),
        "reject": reverse("compilation:reject", kwargs={"pk": candidate.pk}),
        "propose": reverse("compilation:propose", kwargs={"iso3": "SEN"}),
        "propose_workshop": reverse("compilation:propose_workshop", kwargs={"pk": workshop.pk}),
    }


def test_the_triad_on_every_page(client) -> None:
    candidate = pending_candidate()
    urls = _urls(candidate)
    reads = {"review", "candidate"}
    for name, url in urls.items():
        method = "get" if name in reads | {"reject"} else "post"
        assert _status(client, None, url, method) == 302, name
        assert _status(client, f.no_role(), url, method) == 403, name
        assert _status(client, f.focal_point("MLI"), url, method) == 403, name
        assert _status(client, f.workgroup_member("MLI"), url, method) == 403, name
        expected = 200 if method == "get" else 302
        assert _status(client, f.workgroup_member("SEN"), url, method) == expected, name
        assert _status(client, f.focal_point("SEN"), url, method) == expected, name
        assert _status(client, f.secretariat(), url, method) == expected, name
        # The coordinating authority reads the pages but does not edit the guide.
        authority = 200 if name in reads else 403
        assert _status(client, f.coordinating_authority("SEN"), url, method) == authority, name
    reader = f.coordinating_authority("SEN")
    assert _status(client, reader, urls["candidate"], "post", {"stage": "decision"}) == 403
    assert _status(client, reader, urls["reject"], "post", {"reason": "x"}) == 403
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.PENDING


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["workgroup_member"])
def test_half_signed_in_is_sent_to_sign_in(client) -> None:
    candidate = pending_candidate()
    user = f.workgroup_member("SEN")
    sign_in(client, user.email)
    for name, url in _urls(candidate).items():
        response = client.post(url) if "propose" in name else client.get(url)
        assert response.status_code == 302, name
        assert "two-factor" in response["Location"] or "login" in response["Location"], name


def test_bad_keys_are_404(client) -> None:
    client.force_login(f.secretariat())
    for path in [
        "/en/private/compilation/candidates/99999999999999999999/",
        "/en/private/compilation/candidates/0/",
        "/en/private/compilation/S3N/",
        "/en/private/compilation/XXX/",
    ]:
        assert client.get(path).status_code == 404, path


def test_the_review_page_shows_candidates_beside_the_draft_and_their_origin(client) -> None:
    candidate = pending_candidate()
    ansd = Organisation.objects.get(acronym="ANSD")
    ActorRole.objects.create(guide=candidate.guide, organisation=ansd, stage="processing")
    client.force_login(f.workgroup_member("SEN"))
    page = client.get(REVIEW).content.decode()
    assert "In the draft now" in page
    assert "Agence nationale de la statistique et de la démographie (ANSD) — processing" in page
    assert "“border” (no match: to choose)" in page
    assert "From questionnaire “Information sources (test)” (test_compile)" in page
    assert "respondent Awa Ndiaye" in page and "decision" in page
    assert "Propose from the country" in page


def test_accepting_an_edited_candidate_puts_it_in_the_draft_with_its_trace(client) -> None:
    candidate = pending_candidate()
    ansd = Organisation.objects.get(acronym="ANSD")
    client.force_login(f.workgroup_member("SEN"))
    url = reverse("compilation:candidate", kwargs={"pk": candidate.pk})
    form = client.get(url).content.decode()
    assert f'value="{ansd.pk}" selected' in form  # prefilled from the answer
    response = client.post(
        url,
        {
            "candidate_version": candidate.version,
            "organisation": ansd.pk,
            "stage": "implementation",  # edited
            "description": "Met en œuvre.",
        },
    )
    assert response.status_code == 302
    record = ActorRole.objects.get()
    assert (record.stage, record.description) == ("implementation", "Met en œuvre.")
    candidate.refresh_from_db()
    assert (candidate.status, candidate.record_id) == ("accepted", record.pk)
    assert candidate.guide.stage == Stage.DRAFTING
    decided = client.get(url).content.decode()
    assert f"/actors/{record.pk}/" in decided and "Accept into the draft" not in decided
    workspace = reverse("guides:workspace", kwargs={"iso3": "SEN"}) + "?lang=fr"
    page = client.get(workspace).content.decode()
    assert "From questionnaire “Information sources (test)” (test_compile), respondent Awa" in page
    assert "(Agence nationale de la statistique et de la démographie), answered on" in page
    # In French too (the translations wait in locale-pending/d.po until the lead merges).
    french = client.get("/fr" + workspace[3:]).content.decode()
    assert "(test_compile)" in french and "Awa Ndiaye" in french


def test_invalid_edits_are_refused_with_the_forms_errors(client) -> None:
    candidate = pending_candidate()
    client.force_login(f.workgroup_member("SEN"))
    url = reverse("compilation:candidate", kwargs={"pk": candidate.pk})
    data = {"candidate_version": candidate.version, "stage": "nowhere", "organisation": "x\x00"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "nowhere is not one of the available choices" in response.content.decode()
    assert not ActorRole.objects.exists()
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.PENDING


def test_a_stale_page_is_refused_and_the_change_shown(client) -> None:
    candidate = pending_candidate()
    read = candidate.version
    Candidate.objects.get(pk=candidate.pk).save()
    client.force_login(f.workgroup_member("SEN"))
    ansd = Organisation.objects.get(acronym="ANSD")
    url = reverse("compilation:candidate", kwargs={"pk": candidate.pk})
    data = {"candidate_version": read, "organisation": ansd.pk, "stage": "decision"}
    response = client.post(url, {**data, "description": "x"})
    page = response.content.decode()
    assert response.status_code == 200 and "Changed meanwhile by someone else" in page
    assert f'name="candidate_version" value="{read + 1}"' in page  # armed for an informed retry
    assert not ActorRole.objects.exists()
    reject = reverse("compilation:reject", kwargs={"pk": candidate.pk})
    response = client.post(reject, {"candidate_version": read, "reason": "Doublon"})
    assert "Changed meanwhile by someone else" in response.content.decode()


def test_rejecting_needs_a_reason_then_the_decision_is_shown(client) -> None:
    candidate = pending_candidate()
    client.force_login(f.workgroup_member("SEN"))
    reject = reverse("compilation:reject", kwargs={"pk": candidate.pk})
    response = client.post(reject, {"candidate_version": candidate.version, "reason": " "})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    response = client.post(reject, {"candidate_version": candidate.version, "reason": "Doublon"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.status, candidate.reason) == ("rejected", "Doublon")
    page = client.get(REVIEW).content.decode()
    assert "Reason: Doublon" in page
    # Deciding again changes nothing.
    url = reverse("compilation:candidate", kwargs={"pk": candidate.pk})
    client.post(url, {"candidate_version": candidate.version, "stage": "decision"})
    candidate.refresh_from_db()
    assert candidate.status == "rejected" and not ActorRole.objects.exists()


def test_proposing_from_responses_and_a_workshop_through_the_pages(client) -> None:
    candidate = pending_candidate()
    workshop = make_workshop(candidate.guide, title="Atelier de Dakar")
    Outcome.objects.create(workshop=workshop, kind="need", text="Former les agents.")
    client.force_login(f.focal_point("SEN"))
    client.post(reverse("compilation:propose", kwargs={"iso3": "SEN"}), {"lang": "fr"})
    assert Candidate.objects.count() == 5  # nothing new
    url = reverse("compilation:propose_workshop", kwargs={"pk": workshop.pk})
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith("?lang=fr")
    page = client.get(REVIEW).content.decode()
    assert "From the workshop “Atelier de Dakar”, held on 10 March 2026" in page


def test_the_review_page_costs_the_same_whatever_the_candidates(client) -> None:
    candidate = pending_candidate()
    client.force_login(f.secretariat())

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REVIEW).status_code == 200
        return len(queries)

    before = count()
    full_response(feeding_questionnaire("test_more"), instance_id="more")
    assert services.propose_from_country(guide=candidate.guide, actor=None) == 5
    assert count() == before


def test_the_traces_of_a_guide_take_one_query(django_assert_num_queries) -> None:
    candidate = pending_candidate()
    workshop = make_workshop(candidate.guide, title="Atelier")
    Outcome.objects.create(workshop=workshop, kind="recommendation", text="Publier.")
    services.propose_from_workshop(workshop=workshop, actor=None)
    accepted = services.candidate_accept(
        candidate=Candidate.objects.get(outcome__workshop=workshop),
        expected_version=1,
        data={"category": "other", "text": "Publier.", "addressee": "ANSD", "priority": "low"},
        actor=f.secretariat(),
    )
    with django_assert_num_queries(1):
        traces = guide_traces(candidate.guide)
    trace = traces[("recommendation", present(accepted.record_id))]
    assert (trace.origin, trace.workshop) == ("workshop", "Atelier")
    assert str(trace.held_on) == "2026-03-10"
