from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.accounts.models import User
from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from . import services
from .forms import AppointmentRulesMixin, PersonEmailMixin
from .models import Appointment, Organisation, Person


class AppointmentAdminForm(AppointmentRulesMixin, SiteModelForm):
    """The rules of ``services.appointment_validate``, in the admin too."""

    class Meta:
        model = Appointment
        fields = ["person", "role", "country", "theme", "starts_on", "ends_on"]


class PersonAdminForm(PersonEmailMixin, VersionedAdminForm):
    """E-mail in lowercase, never one another person or account has; a stale edit refused."""

    class Meta:
        model = Person
        fields = services.PERSON_FIELDS


class AppointmentInline(admin.TabularInline):
    """Appointments are ended, never deleted (docs/decisions/0002-roles-are-appointments.md)."""

    model = Appointment
    form = AppointmentAdminForm
    extra = 0
    fk_name = "person"
    autocomplete_fields = ["country"]
    readonly_fields = ["created_by"]
    can_delete = False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    form = PersonAdminForm
    list_display = ["full_name", "email", "organisation", "directory_consent"]
    list_filter = ["directory_consent", "appointments__role", "appointments__country"]
    search_fields = ["full_name", "email"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    # The account is linked by `adduser` or when the person is added with an account,
    # never here: the secretariat could otherwise attach an administrator's account.
    readonly_fields = ["user", "consent_recorded_at"]
    inlines = [AppointmentInline]

    def save_model(
        self, request: HttpRequest, obj: Person, form: forms.ModelForm, change: bool
    ) -> None:
        """Through the services: consent dated, version counted, account e-mail rule kept.

        The form refused a stale version already; the save counts against the stored one
        (a history revert brings an old number), so edit pages opened before it are refused.
        """
        if change:
            stored = Person.objects.values_list("version", flat=True).get(pk=obj.pk)
            services.person_update(person=obj, expected_version=stored, actor=_user(request))
        else:
            services.person_consent_stamp(person=obj, current=None)
            super().save_model(request, obj, form, change)

    def save_formset(
        self, request: HttpRequest, form: forms.ModelForm, formset: Any, change: bool
    ) -> None:
        for inline_form in formset.forms:
            instance = inline_form.instance
            if isinstance(instance, Appointment) and instance.pk is None:
                instance.created_by = _user(request)
        super().save_formset(request, form, formset, change)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["name", "acronym", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    list_select_related = ["country"]


@admin.register(Appointment)
class AppointmentAdmin(SimpleHistoryAdmin):
    form = AppointmentAdminForm
    list_display = ["person", "role", "country", "theme", "starts_on", "ends_on"]
    list_filter = ["role", "country"]
    search_fields = ["person__full_name", "person__email"]
    list_select_related = ["person", "country", "theme"]
    autocomplete_fields = ["person", "country"]
    readonly_fields = ["created_by"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Appointment, form: forms.ModelForm, change: bool
    ) -> None:
        if not change:
            obj.created_by = _user(request)
        super().save_model(request, obj, form, change)


def _user(request: HttpRequest) -> User:
    """The signed-in user of an admin page (the admin lets nobody else in)."""
    assert isinstance(request.user, User)
    return request.user
