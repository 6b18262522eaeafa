from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import (
    ActorRole,
    Challenge,
    ChallengeType,
    ContentItem,
    CorrectiveAction,
    Edition,
    Guide,
    GuideEvent,
    Practice,
    Recommendation,
    WorkgroupMember,
)


@admin.register(ContentItem)
@admin.register(ChallengeType)
class ChecklistAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["slug", "title", "position"]


class GuideEventInline(admin.TabularInline):
    model = GuideEvent
    form = SiteModelForm
    extra = 0
    readonly_fields = ["stage", "actor", "at", "comment"]
    can_delete = False


@admin.register(Guide)
class GuideAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["country", "language", "stage", "is_example"]
    list_filter = ["stage", "language", "is_example"]
    list_select_related = ["country"]
    readonly_fields = ["stage"]
    inlines = [GuideEventInline]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    """Read only: editions change through the guide's steps, never by hand."""

    form = SiteModelForm

    list_display = ["guide", "number", "status", "submitted_at", "published_at"]
    list_filter = ["status"]
    list_select_related = ["guide__country"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ActorRole, WorkgroupMember, Practice, Challenge, Recommendation)
class GuidePartAdmin(SimpleHistoryAdmin):
    """The records of a guide's parts, for the secretariat to correct; every save counts
    against the version, so an edit opened in the workspace before is refused."""

    form = VersionedAdminForm
    list_filter = ["guide__country"]
    list_select_related = ["guide__country"]
    raw_id_fields = ["guide"]


@admin.register(CorrectiveAction)
class CorrectiveActionAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["description", "challenge", "owner", "due_date", "status"]
    list_select_related = ["challenge__guide__country", "owner"]
    raw_id_fields = ["challenge"]
