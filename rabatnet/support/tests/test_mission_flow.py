"""The mission's steps through their pages: dates and deployment, the report (checked by its
content: nothing stored and the stage unchanged when refused), the evaluation (once), the
appraisal (once per expert), each refused in words where it no longer applies."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from rabatnet.network.tests import factories as f

from .. import mission_services as services
from ..models import Appraisal, Evaluation, Mission, Stage, StageEvent
from .mission_fixtures import PDF, approved, deployed, odt_bytes, pdf_upload, reported

pytestmark = pytest.mark.django_db


def test_dates_deploy_the_request(client):
    request, _expert, staff = approved()
    client.force_login(staff)
    url = reverse("missions:mission", kwargs={"pk": request.pk})
    page = client.get(url).content.decode()
    assert "Save and deploy" in page
    data = {"starts_on": "2026-03-02", "ends_on": "2026-03-06", "place": "Dakar"}
    response = client.post(url, data)
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.stage == Stage.DEPLOYED
    assert request.mission.starts_on == date(2026, 3, 2)
    event = StageEvent.objects.get(request=request, to_stage=Stage.DEPLOYED)
    assert event.by == staff and event.action == "deploy"


def test_end_before_start_is_refused_and_nothing_moves(client):
    request, _expert, staff = approved()
    client.force_login(staff)
    url = reverse("missions:mission", kwargs={"pk": request.pk})
    response = client.post(url, {"starts_on": "2026-03-06", "ends_on": "2026-03-02"})
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    request.refresh_from_db()
    assert request.stage == Stage.APPROVED and not Mission.objects.exists()


def test_dates_corrected_later_keep_history(client):
    request, _expert, staff = deployed()
    client.force_login(staff)
    url = reverse("missions:mission", kwargs={"pk": request.pk})
    client.post(url, {"starts_on": "2026-03-09", "ends_on": "2026-03-13", "place": "Thiès"})
    mission = Mission.objects.get(request=request)
    assert mission.place == "Thiès" and mission.starts_on == date(2026, 3, 9)
    assert mission.history.count() == 2
    assert mission.history.first().history_user == staff
    request.refresh_from_db()
    assert request.stage == Stage.DEPLOYED
    assert StageEvent.objects.filter(request=request, to_stage=Stage.DEPLOYED).count() == 1


def test_dates_refused_before_approval():
    request, _expert, staff = approved()
    request.stage = Stage.MATCHED
    request.save(update_fields=["stage"])
    with pytest.raises(ValidationError, match="does not apply"):
        services.mission_deploy(
            request=request,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 1, 2),
            place="",
            actor=staff,
        )
    assert not Mission.objects.exists()


def test_the_accepted_expert_uploads_the_report(client):
    request, expert, _staff = deployed()
    client.force_login(expert.person.user)
    url = reverse("missions:report", kwargs={"pk": request.pk})
    response = client.post(url, {"report": pdf_upload(), "summary": "Trained twenty people."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.stage == Stage.REPORTED
    mission = request.mission
    assert mission.report_uploaded_by == expert.person.user
    assert len(mission.report_sha256) == 64
    event = StageEvent.objects.get(request=request, to_stage=Stage.REPORTED)
    assert event.by == expert.person.user
    # They read it back, as an attachment that no browser sniffs.
    response = client.get(reverse("missions:report_download", kwargs={"pk": request.pk}))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_an_odt_report_is_accepted():
    request, _expert, staff = deployed()
    content = odt_bytes()
    upload = pdf_upload("report.odt", content)
    services.report_upload(
        request=request,
        file=upload,
        filename="report.odt",
        size=len(content),
        summary="s",
        actor=staff,
    )
    request.refresh_from_db()
    assert request.stage == Stage.REPORTED
    assert str(request.mission.report.name).endswith(".odt")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("report.pdf", b"<html>not a pdf</html>", "its content is not one"),
        ("report.docx", b"%PDF-1.4 renamed", "its content is not one"),
        ("report.exe", PDF, "upload the report as a PDF"),
        ("report.pdf", b"", "empty"),
    ],
)
def test_a_report_that_is_not_what_it_says_is_refused(client, name, content, words):
    request, _expert, staff = deployed()
    client.force_login(staff)
    url = reverse("missions:report", kwargs={"pk": request.pk})
    response = client.post(url, {"report": pdf_upload(name, content), "summary": "x"})
    assert response.status_code == 200
    assert words in response.content.decode()
    request.refresh_from_db()
    assert request.stage == Stage.DEPLOYED
    assert not Mission.objects.get(request=request).report


def test_a_report_too_big_is_refused(settings):
    settings.SUPPORT_UPLOAD_MAX_BYTES = 10
    request, _expert, staff = deployed()
    with pytest.raises(ValidationError, match="at most"):
        services.report_upload(
            request=request,
            file=pdf_upload(),
            filename="r.pdf",
            size=len(PDF),
            summary="s",
            actor=staff,
        )
    request.refresh_from_db()
    assert request.stage == Stage.DEPLOYED


def test_service_checks_the_expert_right():
    request, _expert, _staff = deployed()
    with pytest.raises(PermissionDenied):
        services.report_upload(
            request=request,
            file=pdf_upload(),
            filename="r.pdf",
            size=len(PDF),
            summary="s",
            actor=f.focal_point("SEN"),
        )


def test_the_country_evaluates_once(client):
    request, _expert, _staff = reported()
    focal = f.focal_point("SEN")
    client.force_login(focal)
    url = reverse("missions:evaluation", kwargs={"pk": request.pk})
    ratings = {"relevance": 5, "quality": 4, "timeliness": 3, "usefulness": 5, "comment": "Good."}
    assert client.post(url, ratings).status_code == 302
    request.refresh_from_db()
    assert request.stage == Stage.EVALUATED
    evaluation = Evaluation.objects.get(request=request)
    assert evaluation.quality == 4 and evaluation.submitted_by == focal
    # A second time: the page says it is done; a post is refused in words.
    page = client.get(url).content.decode()
    assert "evaluated this support" in page
    response = client.post(url, ratings)
    assert response.status_code == 200
    assert "already been evaluated" in response.content.decode()
    assert Evaluation.objects.count() == 1


def test_evaluation_out_of_range_is_refused(client):
    request, _expert, _staff = reported()
    client.force_login(f.focal_point("SEN"))
    url = reverse("missions:evaluation", kwargs={"pk": request.pk})
    response = client.post(
        url, {"relevance": 6, "quality": 0, "timeliness": "x", "usefulness": "\x00"}
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.stage == Stage.REPORTED and not Evaluation.objects.exists()


def test_evaluation_before_the_report_is_refused():
    request, _expert, _staff = deployed()
    with pytest.raises(ValidationError, match="does not apply"):
        services.evaluation_submit(
            request=request,
            relevance=5,
            quality=5,
            timeliness=5,
            usefulness=5,
            comment="",
            actor=f.focal_point("SEN"),
        )


def test_the_secretariat_appraises_each_expert_once(client):
    request, expert, staff = reported()
    client.force_login(staff)
    url = reverse("missions:appraisal", kwargs={"pk": request.pk, "expert": expert.pk})
    assert client.post(url, {"rating": 4, "comment": "Clear and on time."}).status_code == 302
    appraisal = Appraisal.objects.get(request=request, expert=expert)
    assert appraisal.rating == 4 and appraisal.written_by == staff
    response = client.post(url, {"rating": 1})
    assert response.status_code == 200
    assert "already been appraised" in response.content.decode()
    assert Appraisal.objects.count() == 1
    with pytest.raises(ValidationError, match="already been appraised"):
        services.appraisal_write(request=request, expert=expert, rating=2, comment="", actor=staff)


def test_appraisal_before_deployment_is_refused():
    request, expert, staff = approved()
    with pytest.raises(ValidationError, match="does not apply"):
        services.appraisal_write(request=request, expert=expert, rating=3, comment="", actor=staff)
