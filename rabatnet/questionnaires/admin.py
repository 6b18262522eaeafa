"""The guide's making in the admin (the secretariat): read and correct; the site's pages
are where the work is done."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Candidate,
    ExpressionOfInterest,
    ImportBatch,
    Invitation,
    Question,
    Questionnaire,
    Response,
    Stakeholder,
    Workshop,
)


@admin.register(Questionnaire)
class QuestionnaireAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["form_id", "title", "guide_part", "status", "is_standard"]
    list_filter = ["status", "guide_part", "is_standard"]
    search_fields = ["form_id", "title_en", "title_fr"]


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["questionnaire", "position", "name", "type", "feeds"]
    list_filter = ["questionnaire", "type"]
    search_fields = ["name", "label_en", "label_fr"]
    raw_id_fields = ["parent", "choice_list"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "country", "department", "respondent_name", "expires_at"]
    list_filter = ["questionnaire", "country"]
    raw_id_fields = ["department", "created_by"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "country", "origin", "status", "submitted_at"]
    list_filter = ["questionnaire", "country", "origin", "status"]
    raw_id_fields = ["invitation", "batch", "department"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "country", "format", "file_name", "submissions", "imported_at"]
    readonly_fields = ["sha256"]


@admin.register(Candidate)
class CandidateAdmin(SimpleHistoryAdmin):
    list_display = ["guide", "kind", "status", "decided_at"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["guide", "response", "outcome", "decided_by"]


@admin.register(Workshop)
class WorkshopAdmin(SimpleHistoryAdmin):
    list_display = ["title", "guide", "kind", "starts_on", "status"]
    list_filter = ["kind", "status"]


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(SimpleHistoryAdmin):
    list_display = ["country", "guide", "status", "declared_at"]
    list_filter = ["status"]
    raw_id_fields = ["lead_institution", "coordinator"]


@admin.register(Stakeholder)
class StakeholderAdmin(SimpleHistoryAdmin):
    list_display = ["guide", "organisation", "person", "status"]
    list_filter = ["status"]
    raw_id_fields = ["organisation", "person"]
