"""The admin of technical support. Each helper appends its ModelAdmins in one block."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import Availability, Expert

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
