"""The guide's making in the admin: the records nobody edits at the site (invitations,
imports), to read and correct. Every versioned record of the app — questionnaires,
questions, lists of choices, responses, candidates, workshops, expressions of interest,
stakeholders — is edited at the site only, where stale edits are refused
(core/tests/test_stale_edits.py: SITE_ONLY)."""

from django.contrib import admin

from rabatnet.core.forms import SiteModelForm

from .models import ImportBatch, Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["questionnaire", "country", "department", "respondent_name", "expires_at"]
    list_filter = ["questionnaire", "country"]
    raw_id_fields = ["department", "created_by"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["questionnaire", "country", "format", "file_name", "submissions", "imported_at"]
    readonly_fields = ["sha256"]
