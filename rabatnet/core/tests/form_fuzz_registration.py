"""The form fuzz's pages of meetings registration: the delegation and its delegates, and
the calendar address in the preference centre."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from rabatnet.meetings.models import Meeting, MeetingKind
from rabatnet.meetings.registration_forms import DelegateForm, RegistrationForm
from rabatnet.meetings.registration_receivers import CalendarAddressForm

from .form_fuzz_support import Post, World

# Two delegate rows and the formset's management form, as the page sends them.
DELEGATE_FIELDS = [f"delegates-{n}-{name}" for n in (0, 1) for name in DelegateForm.Meta.fields]
MANAGEMENT = {
    "delegates-TOTAL_FORMS": "2",
    "delegates-INITIAL_FORMS": "0",
    "delegates-MIN_NUM_FORMS": "0",
    "delegates-MAX_NUM_FORMS": "50",
}


def _meeting_url(w: World) -> str:
    """Senegal's registration for a meeting open to it (made on first use; bulk_create
    writes no history, see meetings/tests/registration_samples.py)."""
    meeting = Meeting.objects.filter(slug="fuzz-meeting").first()
    if meeting is None:
        now = timezone.now()
        [meeting] = Meeting.objects.bulk_create(
            [
                Meeting(
                    slug="fuzz-meeting",
                    kind=MeetingKind.THEMATIC,
                    title="Fuzz",
                    title_en="Fuzz",
                    published=True,
                    starts_at=now + timedelta(days=30),
                    ends_at=now + timedelta(days=31),
                    registration_opens_at=now - timedelta(days=1),
                    registration_closes_at=now + timedelta(days=10),
                    delegation_size=2,
                )
            ]
        )
    return reverse("registrations:registration", kwargs={"slug": meeting.slug, "iso3": "SEN"})


def registration_posts() -> list[Post]:
    return [
        Post(
            RegistrationForm,
            _meeting_url,
            "focal_point",
            lambda w: ["note", *DELEGATE_FIELDS],
            fixed=MANAGEMENT,
            label="registration",
        ),
        Post(
            DelegateForm,
            _meeting_url,
            "focal_point",
            lambda w: ["note", "delegates-TOTAL_FORMS", *DELEGATE_FIELDS],
            label="delegates-management",
        ),
        Post(
            CalendarAddressForm,
            lambda w: reverse("network:notifications"),
            "focal_point",
            lambda w: ["calendar-replace"],
            fixed={"section": "calendar"},
            label="calendar-preferences",
        ),
    ]
