"""A — XLSForm out and in: the secretariat imports a workbook; members download one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rabatnet.core.access import actor
from rabatnet.core.responses import kept_private

from .permissions import access_questionnaire, access_questionnaire_management
from .xlsform_export import export_xlsform
from .xlsform_forms import XlsformUploadForm
from .xlsform_import import import_xlsform

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _detail_url(form_id: str) -> str:
    """The questionnaire's page (helper F's ``questionnaires:detail``)."""
    try:
        return reverse("questionnaires:detail", kwargs={"form_id": form_id})
    except NoReverseMatch:
        return f"/{get_language()}/private/questionnaires/{form_id}/"


@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    access_questionnaire_management(request)
    form = XlsformUploadForm(request.POST or None, request.FILES or None)
    issues = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_xlsform(
            content=upload.read(), actor=actor(request), file_name=upload.name or ""
        )
        if result.questionnaire is not None:
            if result.form_id_from_file_name:
                messages.info(
                    request,
                    _(
                        "The file has no settings sheet (or no form_id): the questionnaire's "
                        "form_id and title are the file's name, “%(form_id)s”."
                    )
                    % {"form_id": result.questionnaire.form_id},
                )
            return redirect(_detail_url(result.questionnaire.form_id))
        issues = result.issues
    status = 400 if request.method == "POST" else 200
    return kept_private(
        render(
            request,
            "questionnaires/xlsform_import.html",
            {"form": form, "issues": issues},
            status=status,
        )
    )


@require_http_methods(["GET"])
def download(request: HttpRequest, form_id: str) -> HttpResponse:
    questionnaire = access_questionnaire(request, form_id, "view")
    response = HttpResponse(export_xlsform(questionnaire), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{questionnaire.form_id}.xlsx"'
    return kept_private(response)
