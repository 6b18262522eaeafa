"""Meetings in the admin: the meeting (versioned form) with its programme, conclusions and
participation inline; documents with their files shown, never uploaded here (uploads go
through the site, which checks their content)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import (
    AgendaItem,
    Conclusion,
    Document,
    DocumentFile,
    Meeting,
    Participation,
    Session,
)


class MeetingAdminForm(VersionedAdminForm):
    class Meta:
        model = Meeting
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "status",
            "published",
            "starts_at",
            "ends_at",
            "timezone",
            "date_precision",
            "venue",
            "city",
            "host_country",
            "co_chairs",
            "theme",
            "objectives",
            "registration_opens_at",
            "registration_closes_at",
            "delegation_size",
            "participants_restricted",
            "example",
        ]


class SessionInline(TranslationTabularInline):
    model = Session
    form = SiteModelForm
    fields = ["number", "title", "starts_at", "ends_at"]
    extra = 0


class ConclusionInline(TranslationTabularInline):
    model = Conclusion
    form = SiteModelForm
    fields = ["number", "text"]
    extra = 0


class ParticipationInline(admin.TabularInline):
    model = Participation
    form = SiteModelForm
    fields = ["country", "organisation", "delegates"]
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin, TranslationAdmin):
    form = MeetingAdminForm
    # One text box per time (YYYY-MM-DD HH:MM, the server's zone), not the split widget.
    formfield_overrides = {
        models.DateTimeField: {"form_class": forms.DateTimeField, "widget": forms.DateTimeInput}
    }
    list_display = ["title", "kind", "starts_at", "status", "published", "host_country"]
    list_filter = ["kind", "status", "published"]
    search_fields = ["title", "slug"]
    list_select_related = ["host_country"]
    autocomplete_fields = ["host_country"]
    filter_horizontal = ["co_chairs", "objectives"]
    inlines = [SessionInline, ConclusionInline, ParticipationInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslationAdmin):
    form = SiteModelForm
    fields = ["session", "number", "title", "speakers"]
    list_display = ["__str__", "session"]
    list_select_related = ["session__meeting"]
    search_fields = ["title"]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    form = SiteModelForm
    fields = ("language", "filename", "content_type", "size", "sha256", "uploaded_at")
    readonly_fields = ("language", "filename", "content_type", "size", "sha256", "uploaded_at")
    extra = 0
    can_delete = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    form = SiteModelForm
    fields = ["meeting", "agenda_item", "kind", "title", "restricted"]
    list_display = ["title", "meeting", "kind", "restricted"]
    list_filter = ["kind", "restricted"]
    list_select_related = ["meeting"]
    search_fields = ["title"]
    inlines = [DocumentFileInline]
