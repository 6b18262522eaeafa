"""Technical support in the admin: the roster (profiles with their availability) and, read
only, missions, evaluations and appraisals."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import Appraisal, Availability, Evaluation, Expert, Mission

# --- The roster (helper B) ---------------------------------------------------------------


class AvailabilityInline(admin.TabularInline):
    model = Availability
    form = SiteModelForm
    extra = 0


@admin.register(Expert)
class ExpertAdmin(SimpleHistoryAdmin):
    """Profiles: personal data (the admin is the secretariat's). A stale tab is refused."""

    form = VersionedAdminForm
    list_display = ["person", "kind", "nationality", "local_expertise", "example"]
    list_filter = ["kind", "local_expertise", "example"]
    search_fields = ["person__full_name", "summary"]
    list_select_related = ["person", "nationality"]
    autocomplete_fields = ["person", "nationality", "countries_of_experience"]
    filter_horizontal = ["objectives", "themes"]
    readonly_fields = ["cv", "cv_sha256", "cv_uploaded_at"]
    inlines = [AvailabilityInline]


@admin.register(Availability)
class AvailabilityAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["expert", "starts_on", "ends_on", "note"]
    list_select_related = ["expert__person"]
    search_fields = ["expert__person__full_name"]
    date_hierarchy = "starts_on"


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
