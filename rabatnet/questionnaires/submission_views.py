"""The page of a questionnaire's imports for a country: upload an ODK Central or
KoboToolbox export, see every problem of a refused file, and the imports made so far.

Who may run the questionnaire in the country (its editors, the secretariat) uploads;
anybody appointed for the country sees the list of imports (``"view"``), not the form.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from rabatnet.core.access import actor

from .models import ImportBatch
from .permissions import access_questionnaire_country, can_run_questionnaire
from .submission_check import Problem
from .submission_forms import SubmissionUploadForm
from .submission_import import ImportRefused, Upload, imported_message, submissions_import


@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest, form_id: str, iso3: str) -> HttpResponse:
    verb = "run" if request.method == "POST" else "view"
    questionnaire, country = access_questionnaire_country(request, form_id, iso3, verb)
    may_run = can_run_questionnaire(request.user, country)
    form = SubmissionUploadForm(request.POST or None, request.FILES or None)
    problems: list[Problem] = []
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["file"]
        try:
            batch = submissions_import(
                questionnaire=questionnaire,
                country=country,
                uploads=[Upload(name=f.name or "export", data=f.read()) for f in files],
                actor=actor(request),
                fmt=form.cleaned_data["format"],
            )
        except ImportRefused as refused:
            problems = refused.problems
        else:
            messages.success(request, imported_message(batch))
            return redirect("submissions:import", form_id=questionnaire.form_id, iso3=country.iso3)
    batches = ImportBatch.objects.filter(questionnaire=questionnaire, country=country)
    context = {
        "questionnaire": questionnaire,
        "country": country,
        "form": form if may_run else None,
        "problems": problems,
        "batches": batches.select_related("imported_by"),
    }
    return render(request, "questionnaires/submission_import.html", context)
