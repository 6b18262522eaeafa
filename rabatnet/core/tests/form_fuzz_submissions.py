"""The form fuzz's page of the import of submissions (issue 13, B): the upload of an ODK
Central or KoboToolbox export, posted by the country's focal point."""

from django.urls import reverse

from rabatnet.questionnaires.models import Questionnaire
from rabatnet.questionnaires.submission_forms import SubmissionUploadForm
from rabatnet.questionnaires.tests.factories import make_questionnaire

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names


def _url(w: World) -> str:
    if not Questionnaire.objects.filter(form_id="fuzz_submissions").exists():
        make_questionnaire("fuzz_submissions")
    return reverse("submissions:import", kwargs={"form_id": "fuzz_submissions", "iso3": "SEN"})


def submission_posts() -> list[Post]:
    return [
        Post(
            SubmissionUploadForm,
            _url,
            "focal_point",
            lambda w: _names(SubmissionUploadForm()),
            label="submissions",
        )
    ]
