"""Technical support in the admin (each helper appends its block)."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm

from .models import Appraisal, Evaluation, Mission

# --- Missions, evaluations, appraisals (E) ------------------------------------------------
# Read only: they are written on the site, where each write moves the request's stage
# through ``mission_services`` (the admin would bypass the stage and its record).


class _ReadOnly(admin.ModelAdmin):
    form = SiteModelForm

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Mission)
class MissionAdmin(_ReadOnly, SimpleHistoryAdmin):
    list_display = ["request", "starts_on", "ends_on", "place", "report_uploaded_at"]
    list_select_related = ["request"]


@admin.register(Evaluation)
class EvaluationAdmin(_ReadOnly):
    list_display = ["request", "relevance", "quality", "timeliness", "usefulness", "submitted_at"]
    list_select_related = ["request"]


@admin.register(Appraisal)
class AppraisalAdmin(_ReadOnly):
    list_display = ["request", "expert", "rating", "written_at"]
    list_select_related = ["request", "expert__person"]
