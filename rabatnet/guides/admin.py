from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import ChallengeType, ContentItem, Edition, Guide, GuideEvent


@admin.register(ContentItem)
@admin.register(ChallengeType)
class ChecklistAdmin(TranslationAdmin):
    list_display = ["slug", "title", "position"]


class GuideEventInline(admin.TabularInline):
    model = GuideEvent
    extra = 0
    readonly_fields = ["stage", "actor", "at", "comment"]
    can_delete = False


@admin.register(Guide)
class GuideAdmin(SimpleHistoryAdmin):
    list_display = ["country", "language", "stage", "is_example"]
    list_filter = ["stage", "language", "is_example"]
    list_select_related = ["country"]
    readonly_fields = ["version", "stage"]
    inlines = [GuideEventInline]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    """Read only: editions change through the guide's steps, never by hand."""

    list_display = ["guide", "number", "status", "submitted_at", "published_at"]
    list_filter = ["status"]
    list_select_related = ["guide__country"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
