from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Appointment, Organisation, Person


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0
    fk_name = "person"
    autocomplete_fields = ["country"]
    readonly_fields = ["created_by"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "email", "organisation", "directory_consent"]
    list_filter = ["directory_consent", "appointments__role", "appointments__country"]
    search_fields = ["full_name", "email"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "user"]
    readonly_fields = ["version", "consent_recorded_at"]
    inlines = [AppointmentInline]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    list_select_related = ["country"]


@admin.register(Appointment)
class AppointmentAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "country", "theme", "starts_on", "ends_on"]
    list_filter = ["role", "country"]
    search_fields = ["person__full_name", "person__email"]
    list_select_related = ["person", "country", "theme"]
    autocomplete_fields = ["person", "country"]
    readonly_fields = ["created_by"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
