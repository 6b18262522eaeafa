"""The secretariat manages forums in the admin: names, theme or country, moderators."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import Forum, Membership, ModerationAction


class ForumAdminForm(VersionedAdminForm):
    class Meta:
        model = Forum
        fields = [
            "slug",
            "name",
            "description",
            "theme",
            "country",
            "posts_need_approval",
            "position",
            "archived_at",
        ]


class MembershipAdminForm(SiteModelForm):
    class Meta:
        model = Membership
        fields = ["person", "level", "is_moderator"]


class MembershipInline(admin.TabularInline):
    """Members and moderators of the forum (a moderator must be able to read it)."""

    model = Membership
    form = MembershipAdminForm
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Forum)
class ForumAdmin(TranslationAdmin):
    form = ForumAdminForm
    list_display = ["name", "slug", "theme", "country", "posts_need_approval", "archived_at"]
    list_filter = ["posts_need_approval"]
    search_fields = ["name", "slug"]
    list_select_related = ["theme", "country"]
    autocomplete_fields = ["country"]
    inlines = [MembershipInline]


class ModerationActionAdminForm(SiteModelForm):
    class Meta:
        model = ModerationAction
        fields = ["kind", "note"]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """The moderation log, read-only."""

    form = ModerationActionAdminForm
    list_display = ["created_at", "kind", "actor", "forum", "thread", "post"]
    list_filter = ["kind", "forum"]
    list_select_related = ["actor", "forum", "thread", "post"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
