"""The follow-up in the admin. Initiatives and cycles are entered and verified on the site
only (their history, verification and stale-edit checks live there); the admin lists
contributor designations, assessments (with their history) and the reminders sent."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import Assessment, Contributor, CycleReminder


class ContributorAdminForm(SiteModelForm):
    class Meta:
        model = Contributor
        fields = ["country", "person", "ended_at"]


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    form = ContributorAdminForm
    list_display = ["person", "country", "designated_at", "designated_by", "ended_at"]
    list_filter = ["country"]
    list_select_related = ["person", "country", "designated_by"]
    autocomplete_fields = ["country", "person"]
    readonly_fields = ["designated_at", "designated_by"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["cycle", "country", "objective", "self_status", "review_state"]
    list_filter = ["review_state", "cycle"]
    list_select_related = ["cycle", "country", "objective"]
    raw_id_fields = ["verified_by"]


@admin.register(CycleReminder)
class CycleReminderAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["cycle", "country", "sent_at", "recipients"]
    list_select_related = ["cycle", "country"]
