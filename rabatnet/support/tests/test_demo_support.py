"""load_demo_support: needs load_demo, idempotent, all example content, every stage, the
clock's events in time order, past and realistic."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from rabatnet.core.uploads import content_type
from rabatnet.network.models import Appointment, Role
from rabatnet.support.demo import load_demo_support
from rabatnet.support.demo_files import example_pdf
from rabatnet.support.demo_requests_recent import REQUESTS
from rabatnet.support.demo_roster import EXPERT_LOGIN, EXPERTS
from rabatnet.support.demo_schedule import working_days_after
from rabatnet.support.models import (
    Appraisal,
    Availability,
    Evaluation,
    Expert,
    Mission,
    Proposal,
    Stage,
    StageEvent,
    SupportRequest,
    TermsOfReference,
)

pytestmark = pytest.mark.django_db

MODELS = [Expert, Availability, SupportRequest, StageEvent, TermsOfReference, Proposal]
MODELS += [Mission, Evaluation, Appraisal]


def _run() -> str:
    out = io.StringIO()
    call_command("load_demo_support", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _demo() -> str:
    with override_settings(DEMO_DATA=True):
        call_command("load_demo", stdout=io.StringIO())
        return _run()


@override_settings(DEMO_DATA=False)
def test_refused_without_demo_settings():
    with pytest.raises(CommandError, match="DEMO_DATA"):
        _run()


@override_settings(DEMO_DATA=True)
def test_needs_the_demo_accounts():
    with pytest.raises(CommandError, match="load_demo"):
        _run()
    assert not SupportRequest.objects.exists() and not Expert.objects.exists()


def _check_loads_once_and_twice_changes_nothing(demo):
    assert f"{len(EXPERTS)} experts, {len(REQUESTS)} requests added; 0 already" in demo
    counts = [model._default_manager.count() for model in MODELS]
    versions = sorted(SupportRequest.objects.values_list("pk", "version"))
    with override_settings(DEMO_DATA=True):
        again = _run()
    assert "0 experts, 0 requests added" in again
    assert f"{len(EXPERTS) + len(REQUESTS)} already there" in again
    assert [model._default_manager.count() for model in MODELS] == counts
    assert sorted(SupportRequest.objects.values_list("pk", "version")) == versions


def _check_every_row_is_example_content(demo):
    assert not Expert.objects.filter(example=False).exists()
    assert not SupportRequest.objects.filter(example=False).exists()
    assert all(r.title.startswith("Example:") for r in SupportRequest.objects.all())
    assert all("(example)" in e.person.full_name for e in Expert.objects.select_related("person"))


def _check_the_roster(demo):
    assert Expert.objects.count() == len(EXPERTS) >= 12
    for expert in Expert.objects.select_related("person"):
        assert expert.person.email.endswith("@demo.rabatnet.org")
        assert (
            Appointment.objects.current()
            .filter(person=expert.person, role=Role.EXPERT, country=None)
            .exists()
        )
        assert expert.rate_currency == "EUR" and expert.daily_rate
        assert expert.objectives.exists() and expert.themes.exists() and expert.kinds
        assert expert.languages and expert.countries_of_experience.exists()
        periods = list(expert.availabilities.all())
        assert periods
        today = timezone.localdate()
        last = today + timedelta(days=366)
        assert all(today <= p.starts_on <= p.ends_on <= last for p in periods)
    kinds = set(Expert.objects.values_list("kind", flat=True))
    assert kinds == {Expert.Kind.INTERNATIONAL, Expert.Kind.LOCAL}
    assert Expert.objects.filter(kind=Expert.Kind.LOCAL, local_expertise=True).exists()
    assert Expert.objects.filter(kind=Expert.Kind.LOCAL, local_expertise=False).exists()


def _check_the_expert_account_signs_in(demo):
    expert = Expert.objects.get(person__email=EXPERT_LOGIN)
    user = expert.person.user
    assert user is not None and user.is_active and user.check_password("rabatnet-demo")
    assert expert.proposals.filter(status=Proposal.Status.ASKED).exists()  # one to answer
    assert expert.proposals.filter(status=Proposal.Status.ACCEPTED).exists()


def _check_every_stage_a_reopened_request_and_three_years(demo):
    stages = set(SupportRequest.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert StageEvent.objects.filter(action="reopen").count() == 1
    years = {r.filed_at.year for r in SupportRequest.objects.all()}
    assert len(years) >= 3
    assert SupportRequest.objects.filter(public=False).exists()
    countries = set(SupportRequest.objects.values_list("country__iso3", flat=True))
    assert {"SEN", "MLI"} <= countries and len(countries) >= 10


def _check_the_clock_events_are_in_time_order_and_past(demo):
    now = timezone.now()
    for request in SupportRequest.objects.prefetch_related("events"):
        events = list(request.events.all())
        assert events[0].action == "file" and events[0].at == request.filed_at
        moments = [e.at for e in events]
        assert moments == sorted(moments), request.title
        assert len(set(moments)) == len(moments), request.title
        assert moments[-1] < now
        assert events[-1].to_stage == request.stage
        for before, after in zip(events, events[1:], strict=False):
            assert after.from_stage == before.to_stage


def _check_the_times_are_realistic(demo):
    late = 0
    for request in SupportRequest.objects.all():
        ack = request.events.filter(to_stage=Stage.ACKNOWLEDGED).order_by("at").first()
        if ack is not None:
            assert ack.at > request.filed_at
            late += ack.at > working_days_after(request.filed_at, 3)
        deployed = request.events.filter(to_stage=Stage.DEPLOYED).first()
        if deployed is not None:
            weeks = (deployed.at - request.filed_at).days / 7
            assert 3 <= weeks <= 11, request.title
            report = request.events.filter(to_stage=Stage.REPORTED).first()
            if report is not None:
                assert 7 <= (report.at - deployed.at).days <= 22
    assert late >= 2  # some acknowledgements were late


def _check_what_the_stages_need_is_there(demo):
    for request in SupportRequest.objects.filter(stage=Stage.CLOSED):
        assert request.terms.filter(agreed_at__isnull=False).exists()
        assert request.proposals.filter(status=Proposal.Status.ACCEPTED).count() == 1
        assert request.mission.report and request.mission.report_sha256
        assert request.evaluation.submitted_by is not None
        assert request.appraisals.count() == 1
    assert Proposal.objects.filter(status=Proposal.Status.DECLINED).exists()
    assert TermsOfReference.objects.filter(number=2).exists()
    mission = Mission.objects.exclude(report="").first()
    assert mission is not None
    with mission.report.open("rb") as report:
        assert content_type(report, "pdf") == "application/pdf"
    withdrawn = SupportRequest.objects.get(stage=Stage.WITHDRAWN)
    by = withdrawn.events.get(to_stage=Stage.WITHDRAWN).by
    assert by is not None and by.email == "focal.mli@demo.rabatnet.org"


def _check_an_expert_is_never_proposed_to_their_own_country_unless_local(demo):
    for proposal in Proposal.objects.select_related("expert", "request"):
        expert = proposal.expert
        if expert.nationality_id == proposal.request.country_id:
            assert expert.local_expertise, (expert, proposal.request)
    waiting = Proposal.objects.filter(
        request__stage__in=[Stage.MATCHED, Stage.APPROVED],
        status__in=[Proposal.Status.ASKED, Proposal.Status.ACCEPTED],
    ).select_related("request")
    assert waiting.exists()
    for proposal in waiting:  # still to deploy: free over the requested dates
        request = proposal.request
        assert request.preferred_start and request.preferred_start > timezone.localdate()
        assert proposal.expert.availabilities.filter(
            starts_on__lte=request.preferred_start, ends_on__gte=request.preferred_end
        ).exists(), (proposal.expert, request)


def _check_the_function_runs_without_the_command_too(demo):
    assert load_demo_support().requests == 0


def _check_other_content_under_the_same_title_is_refused(demo):
    request = SupportRequest.objects.get(title=REQUESTS[0].title)
    SupportRequest.objects.filter(pk=request.pk).update(kind="guidelines")
    count = StageEvent.objects.count()
    with override_settings(DEMO_DATA=True), pytest.raises(CommandError, match="other content"):
        _run()
    assert StageEvent.objects.count() == count


def test_the_example_pdf_is_a_pdf():
    pdf = example_pdf(["Example (content)", "Côte d’Ivoire"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")


def test_the_demo():
    """One load (it takes a while), every check on it."""
    demo = _demo()
    _check_every_row_is_example_content(demo)
    _check_the_roster(demo)
    _check_the_expert_account_signs_in(demo)
    _check_every_stage_a_reopened_request_and_three_years(demo)
    _check_the_clock_events_are_in_time_order_and_past(demo)
    _check_the_times_are_realistic(demo)
    _check_what_the_stages_need_is_there(demo)
    _check_an_expert_is_never_proposed_to_their_own_country_unless_local(demo)
    _check_loads_once_and_twice_changes_nothing(demo)
    _check_the_function_runs_without_the_command_too(demo)
    _check_other_content_under_the_same_title_is_refused(demo)


def test_working_days_skip_the_weekend():
    from datetime import UTC, datetime

    friday = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    assert working_days_after(friday, 1).date().isoformat() == "2026-11-30"
    assert working_days_after(friday, 3).date().isoformat() == "2026-12-02"
