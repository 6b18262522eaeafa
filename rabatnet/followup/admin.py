from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

# --- Collection cycles and self-assessments (helper E) -----------------------------------
from .models import Assessment, CycleReminder


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
