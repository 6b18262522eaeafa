"""load_demo_questionnaires: needs DEMO_DATA and the demo accounts, works with or without the
standard questionnaires, marks everything as example content, and a second run adds nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from rabatnet.guides.models import Guide, Stage, WorkgroupMember
from rabatnet.sources.models import Source

from ..models import (
    Answer,
    Candidate,
    ExpressionOfInterest,
    Invitation,
    Outcome,
    Response,
    Stakeholder,
    Workshop,
)
from .factories import make_questionnaire

pytestmark = pytest.mark.django_db

MODELS = [ExpressionOfInterest, Stakeholder, Invitation, Response, Answer, Candidate, Workshop]
MODELS += [Outcome, Guide, WorkgroupMember, Source]


def _run() -> str:
    out = io.StringIO()
    call_command("load_demo_questionnaires", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {m.__name__: m._default_manager.count() for m in MODELS}


@override_settings(DEMO_DATA=False)
def test_refused_without_demo_settings():
    with pytest.raises(CommandError, match="DEMO_DATA"):
        _run()


@override_settings(DEMO_DATA=True)
def test_needs_the_demo_accounts():
    with pytest.raises(CommandError, match="load_demo"):
        _run()
    assert not ExpressionOfInterest.objects.exists() and not Guide.objects.exists()


@override_settings(DEMO_DATA=True)
def test_without_the_standard_questionnaires():
    call_command("load_demo", stdout=io.StringIO())
    out = _run()
    assert "rabatnet_sources is not loaded" in out
    interest = ExpressionOfInterest.objects.get()
    assert interest.is_example and interest.country.iso3 == "MLI"
    assert interest.status == ExpressionOfInterest.Status.ACKNOWLEDGED
    statuses = sorted(Stakeholder.objects.values_list("status", flat=True))
    assert statuses == ["identified", "invited", "joined"]
    assert all(Stakeholder.objects.values_list("is_example", flat=True))
    workshop = Workshop.objects.get()
    assert workshop.is_example and workshop.status == Workshop.Status.HELD
    proposed = Candidate.objects.filter(outcome__isnull=False, is_example=True).count()
    assert proposed == workshop.outcomes.count()
    interest.guide.refresh_from_db()
    assert interest.guide.stage == Stage.WORKSHOP
    assert not Invitation.objects.exists()


@override_settings(DEMO_DATA=True)
def test_with_rabatnet_sources_and_twice_is_a_no_op():
    call_command("load_demo", stdout=io.StringIO())
    make_questionnaire("rabatnet_sources")  # a stand-in with a repeat that feeds sources
    _run()
    assert Invitation.objects.filter(is_example=True).count() == 3
    submitted = Response.objects.get(status=Response.Status.SUBMITTED)
    assert Response.objects.filter(status=Response.Status.DRAFT).count() == 1
    assert Invitation.objects.filter(opened_at__isnull=True).count() == 1
    names = set(submitted.answers.filter(row=2).values_list("question__name", flat=True))
    assert {"source_name", "source_kind", "areas"} <= names
    from_rows = Candidate.objects.filter(response=submitted).order_by("row")
    assert [c.status for c in from_rows] == ["accepted", "pending", "rejected"]
    accepted = from_rows[0]
    assert accepted.record_id is not None
    source = Source.objects.get(pk=accepted.record_id)
    assert source.is_example and source.name == accepted.data["name"]
    assert from_rows[2].reason
    guide = ExpressionOfInterest.objects.get().guide
    assert guide.stage == Stage.DRAFTING
    before = _counts()
    out = _run()
    assert _counts() == before
    assert "already there" in out


@override_settings(DEMO_DATA=True)
def test_with_the_shipped_questionnaire_the_candidates_name_real_rows():
    """Through the compilation: areas as Area ids, the institution matched to the department."""
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_questionnaires", stdout=io.StringIO())
    _run()
    submitted = Response.objects.get(status=Response.Status.SUBMITTED)
    pending = Candidate.objects.get(response=submitted, status=Candidate.Status.PENDING)
    assert pending.is_example
    assert pending.data["areas"] and all(isinstance(v, int) for v in pending.data["areas"])
    assert pending.data["entity"] == submitted.department_id
    assert "Exemple (" not in str(pending.data)
    record_id = Candidate.objects.get(response=submitted, row=1).record_id
    assert record_id is not None
    assert Source.objects.get(pk=record_id).areas.exists()
