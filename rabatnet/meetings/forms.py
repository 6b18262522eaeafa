"""The secretariat's forms for a meeting and its programme (texts in EN and FR side by side)."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteForm, SiteModelForm, VersionedModelForm

from .models import AgendaItem, Conclusion, Document, Meeting, Participation, Session

DATETIME_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
DATETIME_HELP = gettext_lazy("Local time at the venue (the time zone below), YYYY-MM-DD HH:MM.")


class MeetingForm(VersionedModelForm):
    """A meeting; its times are typed and shown in the meeting's own time zone."""

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "kind",
            "status",
            "published",
            "title_en",
            "title_fr",
            "summary_en",
            "summary_fr",
            "timezone",
            "date_precision",
            "starts_at",
            "ends_at",
            "venue_en",
            "venue_fr",
            "city_en",
            "city_fr",
            "host_country",
            "co_chairs",
            "theme",
            "objectives",
            "registration_opens_at",
            "registration_closes_at",
            "delegation_size",
            "participants_restricted",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True
        # Cancelling is its own step (it locks the meeting and says so).
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        # (a cancelled meeting keeps its status shown; the service then refuses the edit).
        if self.instance.status != Meeting.Status.CANCELLED:
            status.choices = [c for c in Meeting.Status.choices if c[0] != Meeting.Status.CANCELLED]
        if self.instance.pk:
            del self.fields["slug"]
            zone = _zone(self.instance.timezone)
            for name in DATETIME_FIELDS:
                value = getattr(self.instance, name)
                if value is not None:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)
        for name in DATETIME_FIELDS:
            self.fields[name].help_text = DATETIME_HELP

    def clean_timezone(self) -> str:
        value = str(self.cleaned_data.get("timezone") or "").strip()
        if value not in available_timezones():
            raise ValidationError(
                _("“%(value)s” is not a time zone: give an IANA name such as Africa/Dakar."),
                params={"value": value[:64]},
                code="timezone",
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        zone_name = data.get("timezone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in DATETIME_FIELDS:
                value = data.get(name)
                if isinstance(value, datetime):
                    # Typed as the venue's local time, not the server's.
                    data[name] = timezone.make_naive(value).replace(tzinfo=zone)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        if closes and starts and closes > starts:
            self.add_error(
                "registration_closes_at", _("Registration must close before the meeting starts.")
            )
        return data


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return ZoneInfo("UTC")


class CancelForm(SiteForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)


class SessionForm(SiteModelForm):
    class Meta:
        model = Session
        fields = ["number", "title_en", "title_fr"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True


class AgendaItemForm(SiteModelForm):
    class Meta:
        model = AgendaItem
        fields = ["session", "number", "title_en", "title_fr", "speakers"]

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        session = self.fields["session"]
        assert isinstance(session, forms.ModelChoiceField)
        session.queryset = Session.objects.filter(meeting=meeting)
        self.fields["title_en"].required = True


class ConclusionForm(SiteModelForm):
    class Meta:
        model = Conclusion
        fields = ["number", "text_en", "text_fr"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text_en"].required = True


class ParticipationForm(SiteModelForm):
    class Meta:
        model = Participation
        fields = ["country", "organisation", "delegates"]
        labels = {
            "delegates": gettext_lazy("Delegates (people present, as counted by the secretariat)")
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if bool(data.get("country")) == bool(data.get("organisation")):
            raise ValidationError(_("Choose a country or an organisation (one of them)."))
        return data


class DocumentForm(SiteForm):
    """A document and its language versions (at least one file)."""

    title_en = forms.CharField(label=gettext_lazy("Title (English)"), max_length=300)
    title_fr = forms.CharField(label=gettext_lazy("Title (French)"), max_length=300, required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Document.Kind.choices)
    restricted = forms.BooleanField(label=gettext_lazy("For members only"), required=False)
    agenda_item = forms.ModelChoiceField(
        label=gettext_lazy("Agenda item"), queryset=AgendaItem.objects.none(), required=False
    )
    file_en = forms.FileField(label=gettext_lazy("File in English"), required=False)
    file_fr = forms.FileField(label=gettext_lazy("File in French"), required=False)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        item = self.fields["agenda_item"]
        assert isinstance(item, forms.ModelChoiceField)
        item.queryset = AgendaItem.objects.filter(session__meeting=meeting).select_related(
            "session"
        )

    def clean(self) -> dict[str, Any]:
        from .documents import check_document

        data = super().clean() or self.cleaned_data
        found = False
        for language in ("en", "fr"):
            upload = data.get(f"file_{language}")
            if not upload:
                continue
            found = True
            try:
                data[f"type_{language}"] = check_document(upload, upload.name, upload.size)
            except ValidationError as exc:
                self.add_error(f"file_{language}", exc)
        if not found and not self.errors:
            raise ValidationError(_("Upload the document in English, in French, or both."))
        return data
